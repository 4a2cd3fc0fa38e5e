// View model of the calm reminder at the top of an accepted conversation:
// the engine's standing notices (conversation-notice decision), the help it
// offers, and its reasons. The engine decides what shows and until when; this
// asks again when the session changes and when a notice's time is up.

import type { AgeBand } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { ConversationOriginRecord, ConversationSnapshot } from "../matrix/sessionTypes.ts";
import type { ConversationNoticeDecider } from "../policy/decideConversationNotices.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import type { NoticeView } from "./noticeView.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

/** What the reminder needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ConversationReminderSource = {
  readonly userId: string;
  conversation(roomId: string): ConversationSnapshot | undefined;
  conversationOrigin(roomId: string): ConversationOriginRecord | undefined;
  joinedAt(roomId: string): number | undefined;
  subscribe(listener: () => void): () => void;
};

/** Calls back at (or soon after) `time`, ms since the Unix epoch; returns a cancel function. */
export type WakeAt = (time: number, callback: () => void) => () => void;

// setTimeout holds at most 2^31-1 ms (about 24.8 days); a later wake-up comes in steps.
const LONGEST_TIMEOUT_MS = 2_147_483_647;

/** A WakeAt on the platform's timers, measuring from the given clock. */
export function wakeAtWithTimers(now: () => number = Date.now): WakeAt {
  return (time, callback) => {
    const delay = Math.min(Math.max(0, time - now()), LONGEST_TIMEOUT_MS);
    const handle = setTimeout(callback, delay);
    return () => {
      clearTimeout(handle);
    };
  };
}

export type ConversationReminderSnapshot = {
  /** Empty when the engine raises no standing notice: then nothing shows. */
  readonly notices: readonly NoticeView[];
  /** Help the engine offers with the reminder (e.g. Kindertelefoon for a minor). */
  readonly help: readonly HelpResourceId[];
  /** "Why am I seeing this?": the rules that decided, for the reader's band. */
  readonly why: WhyView;
};

const NOTHING: ConversationReminderSnapshot = Object.freeze({
  notices: [],
  help: [],
  why: Object.freeze({ audience: "teen", ruleIds: [], pack: "" }),
});

/** What the reminder's view may ask for. */
export type ConversationReminderViewActions = {
  readonly openWhy: () => void;
  readonly openHelpResource: (resource: HelpResourceId) => void;
};

export class ConversationReminderViewModel
  extends ViewModel<ConversationReminderSnapshot>
  implements ConversationReminderViewActions
{
  readonly #source: ConversationReminderSource;
  readonly #decide: ConversationNoticeDecider;
  readonly #roomId: string;
  readonly #wakeAt: WakeAt;
  readonly #study: StudyRecorder;
  readonly #readerBand: () => AgeBand;
  #wake: { readonly time: number; readonly cancel: () => void } | undefined;
  /** Notices already recorded as shown while this conversation is open. */
  readonly #noticesShown = new Set<string>();
  /** The decision whose notices were recorded last: "why?" and choices refer to it. */
  #studyDecision: { readonly decisionId: string; readonly packId: string } | undefined;

  constructor(
    source: ConversationReminderSource,
    decide: ConversationNoticeDecider,
    roomId: string,
    wakeAt: WakeAt,
    study: StudyRecorder = NO_STUDY,
    /** The reader's band as the engine reads it (the session's); unknown when not given. */
    readerBand: () => AgeBand = () => "unverified",
  ) {
    super(NOTHING);
    this.#readerBand = readerBand;
    this.#source = source;
    this.#decide = decide;
    this.#roomId = roomId;
    this.#wakeAt = wakeAt;
    this.#study = study;
    this.#refresh();
    this.onDispose(
      source.subscribe(() => {
        this.#refresh();
      }),
    );
    this.onDispose(() => {
      this.#wake?.cancel();
      this.#wake = undefined;
    });
  }

  /** "Why am I seeing this?" was opened (for a study; it changes nothing on screen). */
  readonly openWhy = (): void => {
    if (this.getSnapshot().notices.length === 0 || this.#studyDecision === undefined) return;
    this.#study.record({ kind: "why-opened", ...this.#studyDecision });
  };

  /** A help organisation's number or site in the reminder was tapped (the link opens as usual). */
  readonly openHelpResource = (resource: HelpResourceId): void => {
    this.#study.record({ kind: "help-resource-opened", moment: "after-warning", resource });
  };

  /** The conversation's own block or leave succeeded; a study notes it if the reminder showed. */
  readonly chosen = (action: "block" | "leave"): void => {
    if (this.getSnapshot().notices.length === 0 || this.#studyDecision === undefined) return;
    this.#study.record({ kind: "action-chosen", ...this.#studyDecision, action });
  };

  #refresh(): void {
    const conversation = this.#source.conversation(this.#roomId);
    const others = (conversation?.members ?? []).filter(
      (m) =>
        m.userId !== this.#source.userId && (m.membership === "join" || m.membership === "invite"),
    );
    const recorded = this.#source.conversationOrigin(this.#roomId);
    const joinedAt = this.#source.joinedAt(this.#roomId);
    // One decision per other person (a group has several); the notices of all are shown once each.
    // A time window runs from when that person appeared, if they came after the conversation began.
    const shown = others
      .map((other) => {
        const since = other.since ?? 0;
        return this.#decide({
          otherUserId: other.userId,
          otherDisplayName: other.name,
          recorded:
            recorded === undefined
              ? undefined
              : { ...recorded, acceptedAt: Math.max(recorded.acceptedAt, since) },
          joinedAt: joinedAt === undefined ? undefined : Math.max(joinedAt, since),
        });
      })
      .filter((decision) => decision.effect === "show-notices");
    for (const decision of shown) {
      for (const notice of decision.notices) {
        const key = `${notice.id} ${notice.copyKey}`;
        if (this.#noticesShown.has(key)) continue;
        this.#noticesShown.add(key);
        this.#studyDecision = { decisionId: decision.decisionId, packId: decision.pack.id };
        this.#study.record({
          kind: "notice-shown",
          ...this.#studyDecision,
          noticeId: notice.id,
          copyKey: notice.copyKey,
        });
      }
    }

    const notices = uniqueBy(
      shown.flatMap((d) => d.notices),
      (n) => n.id,
    );
    this.#scheduleWake(notices.flatMap((n) => (n.until === undefined ? [] : [n.until])));
    const next: ConversationReminderSnapshot =
      notices.length === 0
        ? NOTHING
        : {
            notices: notices.map(({ id, severity, copyKey }) => ({ id, severity, copyKey })),
            help: unique(shown.flatMap((d) => (d.actions.includes("get-help") ? d.help : []))),
            why: whyViewOf(shown, this.#readerBand()),
          };
    // Sync events arrive often; publish only when what is shown changed.
    if (JSON.stringify(next) !== JSON.stringify(this.getSnapshot())) this.update(next);
  }

  /** Asks the engine again when the first notice's time is up. */
  #scheduleWake(untils: readonly number[]): void {
    const time = untils.length === 0 ? undefined : Math.min(...untils);
    if (time === this.#wake?.time) return;
    this.#wake?.cancel();
    this.#wake =
      time === undefined
        ? undefined
        : {
            time,
            cancel: this.#wakeAt(time, () => {
              this.#wake = undefined;
              this.#refresh();
            }),
          };
  }
}

function unique<T>(items: readonly T[]): readonly T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
