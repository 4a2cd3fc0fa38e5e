// View model of one request: who is asking, the engine's notices for this
// reader, and the choices the engine offers. For a group it is the group
// safety overview: who invited, who made it and when, who is inside and which
// of them are unknown. Opening this screen is the "reading" that an
// accept-after-reading decision asks for. Everything comes from the room's
// decision in the session's decision store.

import type { ActionId, RelationshipClass, RoomDecision } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { TimelineMessage } from "../matrix/sessionTypes.ts";
import type { MediatedName, RoomDecisionStore, RoomTitle } from "../policy/roomDecisionStore.ts";
import type { RequestChoice } from "../study/events.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import type { NoticeView } from "./noticeView.ts";
import type { ReportSubject } from "./ReportSheetViewModel.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

export type RequestSource = {
  join(roomId: string): Promise<void>;
  /** Remembers whom the device user chose to see in this room (everyone inside, on accepting). */
  acceptMembers(roomId: string, userIds: readonly string[]): Promise<void>;
  /** Remembers that the device user accepted this request (the reminder in the conversation). */
  recordConversationOrigin(roomId: string, origin: "accepted-request"): Promise<void>;
  leave(roomId: string): Promise<void>;
  block(userId: string): Promise<void>;
  /**
   * The messages of a request this account declined (call after `leave`,
   * before `block`), decrypted on this device: evidence for a report, never
   * shown. The homeserver lets an invited account read nothing, a declined
   * one the history up to its decline.
   */
  declinedRequestMessages(roomId: string): Promise<readonly TimelineMessage[]>;
};

export type RequestNavigation = {
  readonly back: () => void;
  readonly openConversation: (roomId: string) => void;
  /** Opens the report sheet for someone the device user has just blocked. */
  readonly report?: (subject: ReportSubject) => void;
};

/** One person in the group safety overview. */
export type OverviewMember = {
  readonly name: MediatedName;
  readonly relationship: RelationshipClass | null;
  readonly isInviter: boolean;
  readonly isCreator: boolean;
};

/**
 * One choice on the request, as the engine offers it: accept (or join),
 * decline ("ignore"), block, and report (which blocks as well).
 */
export type RequestOption = "accept" | "ignore" | "block" | "report";

/** What the group safety overview shows besides the notices. */
export type GroupOverview = {
  readonly title: RoomTitle;
  readonly creator: MediatedName | undefined;
  /** Matrix shares no creation time before joining; known once the room's state is there. */
  readonly createdAt: number | undefined;
  /** When the invitation came (always known). */
  readonly invitedAt: number | undefined;
  /** Everyone joined or invited, strangers first; empty when the server did not say. */
  readonly members: readonly OverviewMember[];
  readonly membersKnown: boolean;
};

export type RequestSnapshot =
  | { readonly found: false }
  | {
      readonly found: true;
      readonly roomId: string;
      /** As the engine allows it on an opened request (a neutral label for an 8-12's held-aside one). */
      readonly inviter: MediatedName;
      readonly presentation: RoomDecision["effect"];
      /** Whether what the inviter wrote may show (Matrix invitations carry at most a reason). */
      readonly preview: "shown" | "hidden";
      /** The invitation's reason, only when the inviter's content may show. */
      readonly reason: string | undefined;
      /** For a group: the safety overview; undefined for a direct chat. */
      readonly overview: GroupOverview | undefined;
      readonly notices: readonly NoticeView[];
      /** Help the engine offers with this request (e.g. Kindertelefoon for a minor). */
      readonly help: readonly HelpResourceId[];
      /**
       * The choices the engine offers, in the order to show them: the one
       * marked `primary` first ("report" only when reporting is wired up).
       */
      readonly choices: readonly RequestOption[];
      /**
       * Which choice leads. "decline" where the engine marks accepting as a
       * risk (it asks to read first, or offers no accept at all): then saying
       * no is the filled button, accepting an ordinary one.
       */
      readonly primary: "accept" | "decline";
      readonly offered: readonly ActionId[];
      readonly decisionId: string;
      /** "Why am I seeing this?": the room decision's rules, for the reader's band. */
      readonly why: WhyView;
      readonly failedClosed: boolean;
      readonly busy: boolean;
    };

/** What the request screen's view may ask for. */
export type RequestViewActions = {
  readonly accept: () => Promise<void>;
  readonly ignore: () => Promise<void>;
  readonly block: () => Promise<void>;
  readonly blockAndReport: () => Promise<void>;
  readonly back: () => void;
  readonly openWhy: () => void;
  readonly openHelpResource: (resource: HelpResourceId) => void;
};

export class RequestViewModel extends ViewModel<RequestSnapshot> implements RequestViewActions {
  readonly #source: RequestSource;
  readonly #rooms: RoomDecisionStore;
  readonly #roomId: string;
  readonly #navigation: RequestNavigation;
  readonly #study: StudyRecorder;
  #busy = false;
  /** Notices already recorded as shown on this screen (the screen refreshes on every sync). */
  readonly #noticesShown = new Set<string>();
  /**
   * The decision the study attributes answers and "why?" to: the one whose
   * notices were recorded. Each refresh decides anew (a new decision id, as
   * the time is part of it), so the ids must be pinned for a study to join.
   */
  #studyDecision: { readonly decisionId: string; readonly packId: string } | undefined;

  constructor(
    source: RequestSource,
    rooms: RoomDecisionStore,
    roomId: string,
    navigation: RequestNavigation,
    study: StudyRecorder = NO_STUDY,
  ) {
    super({ found: false });
    this.#source = source;
    this.#rooms = rooms;
    this.#roomId = roomId;
    this.#navigation = navigation;
    this.#study = study;
    this.#refresh();
    this.onDispose(
      rooms.subscribe(() => {
        this.#refresh();
      }),
    );
  }

  readonly accept = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (!view.found || !view.choices.includes("accept")) return;
    // Everyone the person saw in the overview is someone they chose to see.
    const seen = (this.#rooms.room(this.#roomId)?.members ?? []).map((member) => member.userId);
    await this.#act(async () => {
      await this.#source.join(this.#roomId);
      await this.#source.acceptMembers(this.#roomId, seen).catch(() => {
        /* their messages stay behind "show anyway": protective */
      });
      // Without the record the origin reads as "unknown", which the engine treats as an
      // accepted request anyway: a failed write costs the person nothing.
      await this.#source.recordConversationOrigin(this.#roomId, "accepted-request").catch(() => {
        /* protective default applies */
      });
    });
    this.#recordAnswer("accepted");
    this.#navigation.openConversation(this.#roomId);
  };

  /** Declines the invitation; the person can still write again later. */
  readonly ignore = async (): Promise<void> => {
    await this.#act(() => this.#source.leave(this.#roomId));
    this.#recordAnswer("ignored");
    this.#navigation.back();
  };

  /**
   * Who invited: kept in the view model, never in the snapshot, so a Matrix ID
   * the engine keeps back never reaches a view (it is only the block's target).
   */
  #inviterUserId(): string | undefined {
    return this.#rooms.room(this.#roomId)?.inviter?.userId;
  }

  readonly block = async (): Promise<void> => {
    const view = this.getSnapshot();
    const inviter = this.#inviterUserId();
    if (!view.found || inviter === undefined) return;
    await this.#act(async () => {
      await this.#source.block(inviter);
      await this.#source.leave(this.#roomId);
    });
    this.#recordAnswer("blocked");
    this.#navigation.back();
  };

  /**
   * Declines and blocks at once, then opens the report sheet: one more tap
   * sends the report. In between, this device reads what the request said,
   * which the person never saw (it was held aside), so the report can carry
   * it sealed: declined first (an invited account may read nothing), read,
   * then blocked (blocking hides the sender's messages from this account).
   * If reading fails the report goes without them; the block happens anyway.
   */
  readonly blockAndReport = async (): Promise<void> => {
    const view = this.getSnapshot();
    const inviter = this.#inviterUserId();
    if (!view.found || !view.choices.includes("report") || inviter === undefined) return;
    let unseen: readonly TimelineMessage[] = [];
    await this.#act(async () => {
      await this.#source.leave(this.#roomId);
      unseen = await this.#source
        .declinedRequestMessages(this.#roomId)
        .catch((): readonly TimelineMessage[] => []);
      await this.#source.block(inviter);
    });
    this.#recordAnswer("blocked");
    this.#navigation.back();
    this.#navigation.report?.({
      kind: "request",
      roomId: this.#roomId,
      userId: inviter,
      displayName: view.inviter.kind === "name" ? view.inviter.label : undefined,
      unseen,
    });
  };

  readonly back = (): void => {
    this.#navigation.back();
  };

  /** "Why am I seeing this?" was opened (for a study; it changes nothing on screen). */
  readonly openWhy = (): void => {
    if (this.#studyDecision === undefined) return;
    this.#study.record({ kind: "why-opened", ...this.#studyDecision });
  };

  /** A help organisation's number or site in the request was tapped (the link opens as usual). */
  readonly openHelpResource = (resource: HelpResourceId): void => {
    this.#study.record({ kind: "help-resource-opened", moment: "after-warning", resource });
  };

  #recordAnswer(choice: RequestChoice): void {
    if (this.#studyDecision === undefined) return;
    this.#study.record({ kind: "request-answered", ...this.#studyDecision, choice });
  }

  /** Records each notice once per screen, with the decision that raised it. */
  #recordNotices(decision: RoomDecision): void {
    const ref = { decisionId: decision.decisionId, packId: decision.pack.id };
    this.#studyDecision ??= ref;
    for (const notice of decision.notices) {
      const key = `${notice.id} ${notice.copyKey}`;
      if (this.#noticesShown.has(key)) continue;
      this.#noticesShown.add(key);
      this.#studyDecision = ref;
      this.#study.record({
        kind: "notice-shown",
        ...ref,
        noticeId: notice.id,
        copyKey: notice.copyKey,
      });
    }
  }

  async #act(action: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.#refresh();
    try {
      await action();
    } finally {
      this.#busy = false;
      this.#refresh();
    }
  }

  #refresh(): void {
    const room = this.#rooms.room(this.#roomId);
    if (room?.membership !== "invite") {
      this.update({ found: false });
      return;
    }
    const decision = room.decision;
    this.#recordNotices(decision);
    const offered = decision.actions;
    const inviter = room.inviter;
    const primary = offered.includes("accept") ? "accept" : "decline";
    const strangersFirst = room.members
      .filter((member) => member.membership !== "left")
      .sort((a, b) => Number(a.relationship === "contact") - Number(b.relationship === "contact"));
    this.update({
      found: true,
      roomId: this.#roomId,
      inviter: inviter?.nameWhenOpened ?? { kind: "unknown", tag: 0 },
      presentation: decision.effect,
      preview: inviter?.content === "shown" ? "shown" : "hidden",
      reason: room.inviteReason,
      overview: room.isDirect
        ? undefined
        : {
            title: room.titleWhenOpened,
            creator: room.creator?.nameWhenOpened,
            createdAt: room.createdAt,
            invitedAt: room.invitedAt,
            members: strangersFirst.map((member) => ({
              name: member.nameWhenOpened,
              relationship: member.relationship,
              isInviter: member.isInviter,
              isCreator: member.isCreator,
            })),
            membersKnown: room.membersKnown,
          },
      notices: decision.notices,
      help: offered.includes("get-help") ? decision.help : [],
      choices: requestChoices(offered, primary, this.#navigation.report !== undefined),
      primary,
      offered,
      decisionId: decision.decisionId,
      why: whyViewOf([decision], room.readerBand),
      failedClosed: decision.failedClosed,
      busy: this.#busy,
    });
  }
}

/** The offered actions as choices on screen, the primary one first. */
function requestChoices(
  offered: readonly ActionId[],
  primary: "accept" | "decline",
  canReport: boolean,
): readonly RequestOption[] {
  const accept = offered.includes("accept") || offered.includes("accept-after-reading");
  const declining: RequestOption[] = [
    ...(offered.includes("ignore") ? (["ignore"] as const) : []),
    ...(offered.includes("block") || offered.includes("block-and-report")
      ? (["block"] as const)
      : []),
    ...(offered.includes("block-and-report") && canReport ? (["report"] as const) : []),
  ];
  if (!accept) return declining;
  return primary === "accept" ? ["accept", ...declining] : [...declining, "accept"];
}
