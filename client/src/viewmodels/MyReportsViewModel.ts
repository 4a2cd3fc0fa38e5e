// View model of "Mijn meldingen" (issue 18, acceptance 3): every report this
// device filed, newest first, with when, about whom (as this device shows
// that person or chat: the policy layer's mediated names), what kind, and
// where it stands: waiting, being sent, sent, or the moderators' outcome
// (handled, forwarded to a body, no action with a reason) once it came back
// end-to-end encrypted. It asks for new outcomes when it opens and every few
// minutes while open; what came since the last visit is marked new, once.
// "Seen by the moderators" is not shown: this device cannot know it honestly.
// Whom the words are for (the reader's band) comes from the engine's reading
// of the device user; the view picks the words, this file decides nothing.

import {
  HELP_RESOURCE_IDS,
  type AgeBand,
  type HelpResourceId,
} from "@safety-by-design/policy-engine";
import {
  isReportCategory,
  type NoActionReason,
  type ReportCategory,
  type ReportTarget,
} from "@safety-by-design/protocol";
import type { WhyAudience } from "../i18n/i18n.ts";
import type { MediatedName, RoomTitle } from "../policy/roomDecisionStore.ts";
import type { OutboxSnapshot } from "../reporting/outbox.ts";
import type { ReportOutcomes } from "../reporting/reportOutcomes.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyAudienceOf } from "./whyView.ts";

/** Where a report stands, as this device knows it. */
export type MyReportStatus =
  | { readonly kind: "waiting" }
  | { readonly kind: "sending" }
  | { readonly kind: "not-delivered" }
  /** Delivered; `outcomeCanCome`: it carries a reply channel, so the outcome will show here. */
  | { readonly kind: "sent"; readonly outcomeCanCome: boolean }
  | { readonly kind: "handled" }
  /** `to` undefined: a body this app does not know by name (a newer list). */
  | { readonly kind: "forwarded"; readonly to: HelpResourceId | undefined }
  | { readonly kind: "no-action"; readonly reason: NoActionReason };

export type MyReportAbout =
  | { readonly kind: "person"; readonly name: MediatedName }
  | { readonly kind: "chat"; readonly title: RoomTitle }
  | { readonly kind: "unknown" };

export type MyReportRow = {
  readonly reportId: string;
  readonly createdAt: number;
  /** undefined: a category of an older list ("something else" in words). */
  readonly category: ReportCategory | undefined;
  readonly about: MyReportAbout;
  readonly status: MyReportStatus;
  /** The outcome came since the person last opened this list. */
  readonly isNew: boolean;
};

export type MyReportsSnapshot = {
  /** Newest first. */
  readonly rows: readonly MyReportRow[];
  /** Whom the words are for: 8-12 read the children's words. */
  readonly audience: WhyAudience;
  readonly checking: boolean;
};

export type MyReportsViewActions = {
  readonly back: () => void;
  readonly refresh: () => Promise<void>;
};

/** What the rooms know of a person or a chat, as this device shows them. */
export type MyReportsRooms = {
  /** The shown name of someone in a chat on this device; undefined if in none. */
  nameOf(userId: string): MediatedName | undefined;
  titleOf(roomId: string): RoomTitle | undefined;
  subscribe(listener: () => void): () => void;
};

export type MyReportsDependencies = {
  readonly reports: {
    getSnapshot(): OutboxSnapshot;
    subscribe(listener: () => void): () => void;
  };
  readonly outcomes: Pick<ReportOutcomes, "getSnapshot" | "subscribe" | "check" | "markSeen">;
  readonly rooms: MyReportsRooms;
  readonly readerBand: () => AgeBand;
  readonly back: () => void;
  /** Asks for new outcomes this often while the list is open. */
  readonly pollMs?: number;
  readonly timer?: {
    setInterval(callback: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
};

/** Every few minutes: an outcome is a human decision, not a chat message. */
export const MY_REPORTS_POLL_MS = 3 * 60_000;

const systemTimer = {
  setInterval: (callback: () => void, ms: number): unknown => globalThis.setInterval(callback, ms),
  clearInterval: (handle: unknown): void => {
    globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>);
  },
};

export class MyReportsViewModel
  extends ViewModel<MyReportsSnapshot>
  implements MyReportsViewActions
{
  readonly #deps: MyReportsDependencies;
  /** Outcomes that were unseen while this screen was open: shown as new until it closes. */
  readonly #new = new Set<string>();
  #checking = false;

  constructor(deps: MyReportsDependencies) {
    super({ rows: [], audience: whyAudienceOf(deps.readerBand()), checking: false });
    this.#deps = deps;
    this.#publish();
    for (const source of [deps.reports, deps.outcomes, deps.rooms]) {
      this.onDispose(
        source.subscribe(() => {
          this.#publish();
        }),
      );
    }
    const timer = deps.timer ?? systemTimer;
    const handle = timer.setInterval(() => {
      void this.refresh();
    }, deps.pollMs ?? MY_REPORTS_POLL_MS);
    this.onDispose(() => {
      timer.clearInterval(handle);
    });
  }

  /** On opening: what is stored now, then ask the mailboxes. */
  start(): Promise<void> {
    return this.refresh();
  }

  readonly back = (): void => {
    this.#deps.back();
  };

  readonly refresh = async (): Promise<void> => {
    if (this.#checking) return;
    this.#checking = true;
    this.#publish();
    await this.#deps.outcomes.check().catch(() => undefined);
    this.#checking = false;
    this.#publish();
    // Seen now: the dot on the entry goes; this list still marks them new while it is open.
    if (this.#hasUnseen()) await this.#deps.outcomes.markSeen().catch(() => undefined);
  };

  #hasUnseen(): boolean {
    return [...this.#deps.outcomes.getSnapshot().byReport.values()].some((e) => !e.seen);
  }

  #publish(): void {
    const { reports } = this.#deps.reports.getSnapshot();
    const outcomes = this.#deps.outcomes.getSnapshot();
    for (const [reportId, entry] of outcomes.byReport) {
      if (!entry.seen) this.#new.add(reportId);
    }
    const rows = reports
      .map((report): MyReportRow => {
        const entry = outcomes.byReport.get(report.reportId);
        return {
          reportId: report.reportId,
          createdAt: report.createdAt,
          category: isReportCategory(report.category) ? report.category : undefined,
          about: this.#aboutOf(report.target),
          status:
            entry === undefined
              ? deliveryOf(report.state, outcomes.withReply.has(report.reportId))
              : outcomeOf(entry.outcome),
          isNew: entry !== undefined && this.#new.has(report.reportId),
        };
      })
      .sort((a, b) => b.createdAt - a.createdAt || a.reportId.localeCompare(b.reportId));
    this.update({
      rows,
      audience: whyAudienceOf(this.#deps.readerBand()),
      checking: this.#checking,
    });
  }

  #aboutOf(target: ReportTarget): MyReportAbout {
    if (target.kind === "user") {
      const name = this.#deps.rooms.nameOf(target.userId);
      return name === undefined ? { kind: "unknown" } : { kind: "person", name };
    }
    const title = this.#deps.rooms.titleOf(target.roomId);
    return title === undefined ? { kind: "unknown" } : { kind: "chat", title };
  }
}

function deliveryOf(
  state: OutboxSnapshot["reports"][number]["state"],
  withReply: boolean,
): MyReportStatus {
  switch (state) {
    case "queued":
      return { kind: "waiting" };
    case "sending":
      return { kind: "sending" };
    case "failed-permanently":
      return { kind: "not-delivered" };
    case "delivered":
      return { kind: "sent", outcomeCanCome: withReply };
  }
}

function outcomeOf(outcome: {
  readonly decision: "handled" | "forwarded" | "no-action";
  readonly forwardedTo: string | null;
  readonly reason: NoActionReason | null;
}): MyReportStatus {
  if (outcome.decision === "forwarded") {
    return { kind: "forwarded", to: HELP_RESOURCE_IDS.find((id) => id === outcome.forwardedTo) };
  }
  if (outcome.decision === "no-action" && outcome.reason !== null) {
    return { kind: "no-action", reason: outcome.reason };
  }
  return { kind: "handled" };
}
