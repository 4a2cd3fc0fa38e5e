// View model of the moderation screen, for an account that is a server
// (Over 400 lines: the moderation screen's states (key, list, one report, handoff) share one inbox; the handoff text is in moderationHandoff.ts.)
// admin. First it needs the team's secret key on this device (pasted once,
// kept per account, forgettable); then it lists the homeserver's reports,
// opened on this device, and shows one with its evidence, DSA notice,
// signature, the server's own record and the engine's routing advice. "Mark
// handled" is shared with the team through the moderation room (the server's
// record is not deleted: moderatorKeyStore.ts says why). No rule lives here: routing is the policy
// layer's answer, checks are the Matrix layer's.

import type { MessageKey } from "../i18n/i18n.ts";
import type { ReportCategory, SignatureStatus } from "@safety-by-design/protocol";
import type {
  AdminApiProblem,
  InboxReport,
  ModerationService,
  ServerChecks,
} from "../reporting/moderationInbox.ts";
import type { ModeratorKeyProblem } from "../reporting/moderatorKeyStore.ts";
import type { HandoffOutcome, HandoffRequest } from "../reporting/handoff.ts";
import type { OutcomeSender, OutcomeSendResult } from "../reporting/outcomeSender.ts";
import type { NoActionReason, StatusOutcome } from "@safety-by-design/protocol";
import type { HelpResourceId } from "../help/resources.ts";
import type { ModerationRoutingDecider } from "../policy/decideModerationRouting.ts";
import { assertNever } from "./assertNever.ts";
import {
  bandsOf,
  openedReport,
  type ModerationBands,
  type ModerationOpenedReport,
} from "./moderationReport.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyAudienceOf } from "./whyView.ts";
import {
  ModerationMedia,
  type ModerationMediaOpener,
  type ModerationMediaView,
} from "./moderationMedia.ts";

export type {
  ModerationBand,
  ModerationBands,
  ModerationEvidence,
  ModerationEvidenceMessage,
  ModerationOpenedReport,
} from "./moderationReport.ts";

/** What the screen needs of the Matrix layer; its ModerationService satisfies it. */
export type ModerationPort = Omit<ModerationService, "isAvailable">;

/** Handing a report to a receiving body (reporting/handoff.ts), as configured for this deployment. */
export type ModerationHandoff = {
  /** Bodies this deployment has a public key for. */
  readonly bodies: readonly HelpResourceId[];
  readonly create: (
    report: InboxReport,
    bodyId: HelpResourceId,
    now: number,
  ) => Promise<HandoffOutcome>;
};

export type ModerationDependencies = {
  readonly port: ModerationPort;
  readonly decideRouting: ModerationRoutingDecider;
  readonly clock: () => number;
  /**
   * Handling deadlines in hours per report category, "*" for the others
   * (deployment configuration: 24 hours for abuse material in the
   * Netherlands today, seed 002). A category without one and no "*": 72.
   */
  readonly deadlineHours: Readonly<Record<string, number>>;
  readonly handoff: ModerationHandoff;
  /** TEAM: this moderator's account, so the team history can say "you"; absent: never "you". */
  readonly userId?: string | undefined;
  /**
   * The outcome back to the reporter (OUT): leaves it in the report's mailbox
   * at the intake. Absent: no intake here, the outcome stays with the team.
   */
  readonly outcomes?: OutcomeSender | undefined;
  /** Reported media (RMEDIA): downloads and shows it after "Toon"; absent: it cannot open here. */
  readonly media?: ModerationMediaOpener | undefined;
};

export type { HandoffRequest };

/** The moderator's choice for the reporter, in the closed vocabulary (protocol report/outcome.ts). */
export type OutcomeChoice =
  | { readonly decision: "handled" }
  | { readonly decision: "forwarded"; readonly forwardedTo: HelpResourceId }
  | { readonly decision: "no-action"; readonly reason: NoActionReason };

/**
 * A chosen outcome waiting for the moderator's "send" (an accidental tap
 * never reaches a child), with the words the reporter will read: the
 * children's for a reporter the report says is 8-12, else the general ones.
 */
export type OutcomeConfirmation = {
  readonly choice: OutcomeChoice;
  readonly readerWords: "child" | "general";
};

/** The outcome part of an open report. */
export type ModerationOutcomeState = {
  /** The bodies the engine advised for this report: "doorgestuurd naar" offers exactly these. */
  readonly bodies: readonly HelpResourceId[];
  /** The report carries a reply channel and this deployment can deliver to it. */
  readonly canReachReporter: boolean;
  /** What the team chose (latest status, or this device's choice this session). */
  readonly chosen: StatusOutcome | undefined;
  /** Chosen but not sent yet: the moderator confirms first. */
  readonly confirming: OutcomeConfirmation | undefined;
  readonly sending: boolean;
  /** This session's last attempt to reach the reporter; undefined: none made here. */
  readonly lastSend: OutcomeSendResult | undefined;
};

/** What a session offers for moderation; main.tsx builds it, SessionViewModel opens the screen with it. */
export type ModerationAccess = ModerationDependencies & {
  /** Whether to offer the screen at all: the account is a server admin. Never throws. */
  readonly isAvailable: () => Promise<boolean>;
};

export type ModerationActions = {
  readonly back: () => void;
};

export type ModerationReportRow = {
  readonly reportId: string;
  readonly receivedAt: number;
  /** How old the report is now (ms), from when it was received. */
  readonly ageMs: number;
  /** When it must be handled: received + the deadline for its category (configuration). */
  readonly deadlineAt: number;
  readonly deadlineHours: number;
  /** Not handled and past its deadline. */
  readonly overdue: boolean;
  /** "intake": came through the report intake, which never says who sent it. */
  readonly channel: "report-api" | "intake";
  /**
   * The bundle's category: the id the reporter's sheet offered and the engine routes by.
   * undefined when the report did not open (wrong key, damaged, not a valid bundle, version 1).
   */
  readonly category: ReportCategory | undefined;
  readonly subject: "message" | "profile" | undefined;
  readonly signature: SignatureStatus | undefined;
  /** When this moderator marked it handled, on this device. */
  readonly handledAt: number | undefined;
  /**
   * TEAM: the ages the report carries (what the reporter's engine let go,
   * verified only); undefined: it did not open. Each side undefined: not known.
   */
  readonly bands: ModerationBands | undefined;
};

/** TEAM: one line of the team's history on a report, newest first. */
export type ModerationHistoryLine = {
  readonly kind: "handled" | "reopened" | "note";
  readonly at: number;
  /**
   * The moderator's name on the team: their display name in the moderation
   * room, else their account's name part; "you" for this moderator.
   */
  readonly by: { readonly kind: "you" } | { readonly kind: "moderator"; readonly name: string };
  readonly note: string | undefined;
};

export type ModerationHandoffState = {
  /** Bodies the engine advises for this report that this deployment has a key for. */
  readonly offers: readonly HelpResourceId[];
  readonly busy: boolean;
  readonly result:
    | undefined
    | {
        readonly kind: "ready";
        readonly bodyId: HelpResourceId;
        readonly fileName: string;
        /** A data: URL of the sealed file, for the download link. */
        readonly href: string;
        readonly packageId: string;
        readonly summary: string;
        readonly handedOverAt: number;
      }
    | { readonly kind: "failed"; readonly bodyId: HelpResourceId; readonly error: MessageKey };
};

export type ModerationReportDetail = ModerationReportRow & {
  /**
   * Accounts the server says filed it (authenticated by the homeserver);
   * empty for a report through the intake: nothing on this screen can name
   * a reporter who left their name out.
   */
  readonly filedBy: readonly string[];
  readonly serverEventSender: string | null;
  readonly checks: ServerChecks;
  readonly content:
    ModerationOpenedReport | { readonly kind: "unreadable"; readonly problems: readonly string[] };
  readonly handoff: ModerationHandoffState;
  /**
   * The moderator who marked it handled, per the team's shared status in the
   * moderation room, by name (TEAM: their display name there, else their
   * account's name part; never an ID).
   */
  readonly handledBy: string | undefined;
  /** Whether handled/reopened reach the whole team (else they stay on this device). */
  readonly statusShared: boolean;
  /** The outcome for the reporter (OUT). */
  readonly outcome: ModerationOutcomeState;
  /** Reported media (RMEDIA): placeholders behind a warning until "Toon". */
  readonly media: readonly ModerationMediaView[];
  /** TEAM: the team's statuses and notes, newest first (empty without a moderation room). */
  readonly history: readonly ModerationHistoryLine[];
  /** TEAM: the note being written for the team (sent with "Opslaan" or with "Afgehandeld"). */
  readonly noteDraft: string;
};

/** What the moderation screen's views may ask for. */
export type ModerationViewActions = {
  readonly back: () => void;
  readonly setKeyInput: (input: string) => void;
  readonly importKey: () => Promise<void>;
  /** After a key rotation: add the new key beside the old one (older reports keep opening). */
  readonly startAddingKey: () => void;
  readonly cancelAddingKey: () => void;
  readonly forgetKey: () => void;
  readonly refresh: () => Promise<void>;
  readonly openReport: (reportId: string) => void;
  readonly closeReport: () => void;
  readonly markHandled: (reportId: string) => void;
  readonly reopen: (reportId: string) => void;
  /** TEAM: the note for the team on the open report. */
  readonly setNote: (text: string) => void;
  /** TEAM: shares the note with the team, keeping the report's state. */
  readonly addNote: (reportId: string) => void;
  /** Seals the open report into a handoff package for this body. */
  readonly handOver: (bodyId: HelpResourceId) => Promise<void>;
  /** Chooses the open report's outcome: nothing is sent until confirmOutcome. */
  readonly chooseOutcome: (choice: OutcomeChoice) => void;
  /** "Andere keuze": back to the choices, nothing sent. */
  readonly changeOutcome: () => void;
  /** Sends the chosen outcome: handled for the team, and to the reporter. */
  readonly confirmOutcome: () => Promise<void>;
  /** Sends the chosen outcome again (the intake was not reached). */
  readonly resendOutcome: () => Promise<void>;
  /** Reported media (RMEDIA): "Toon" on the open report's item: download, check, decrypt, show. */
  readonly showMedia: (index: number) => Promise<void>;
};

export type ModerationKeyState =
  | { readonly kind: "checking" }
  | {
      readonly kind: "needed";
      readonly input: string;
      readonly busy: boolean;
      readonly error: MessageKey | undefined;
    }
  /**
   * `matchesDeployment` false: no key here is the one this app seals to (an
   * old key, or a mistake); `keyCount`: keys on this device; `adding`: the
   * form for one more key (a rotation), while it is open.
   */
  | {
      readonly kind: "ready";
      readonly matchesDeployment: boolean | null;
      readonly keyCount: number;
      readonly adding: KeyForm | undefined;
    };

export type KeyForm = {
  readonly input: string;
  readonly busy: boolean;
  readonly error: MessageKey | undefined;
};

export type ModerationInboxState = {
  readonly status: "idle" | "loading" | "loaded" | "failed";
  readonly error: MessageKey | undefined;
  readonly open: readonly ModerationReportRow[];
  readonly handled: readonly ModerationReportRow[];
  /** Reports still missing parts. */
  readonly incomplete: number;
  /** Reports from other clients, not sealed by this app. */
  readonly unrecognised: number;
  readonly userReportsListed: boolean;
  readonly truncated: boolean;
};

export type ModerationSnapshot = {
  readonly key: ModerationKeyState;
  readonly inbox: ModerationInboxState;
  readonly selected: ModerationReportDetail | undefined;
};

const EMPTY_INBOX: ModerationInboxState = {
  status: "idle",
  error: undefined,
  open: [],
  handled: [],
  incomplete: 0,
  unrecognised: 0,
  userReportsListed: true,
  truncated: false,
};

export class ModerationViewModel
  extends ViewModel<ModerationSnapshot>
  implements ModerationViewActions
{
  readonly #deps: ModerationDependencies;
  readonly #actions: ModerationActions;
  #reports: readonly InboxReport[] = [];
  #selectedId: string | undefined;
  /** The open report's handoff, while it stays open. */
  #handoff: Pick<ModerationHandoffState, "busy" | "result"> = { busy: false, result: undefined };
  /** The outcome (OUT): chosen on this device this session, per report, and the last send. */
  readonly #outcomes = new Map<
    string,
    {
      readonly outcome: StatusOutcome;
      readonly at: number;
      readonly lastSend: OutcomeSendResult | undefined;
    }
  >();
  #outcomeSending: string | undefined;
  /** The outcome chosen on the open report, waiting for the moderator's confirmation. */
  #confirming: { readonly reportId: string; readonly choice: OutcomeChoice } | undefined;
  /** TEAM: the note being written on the open report. */
  #noteDraft = "";
  /** Ignores a load that finished after a newer one started (or after dispose). */
  #generation = 0;
  #disposed = false;
  /** Reported media (RMEDIA) of the open report. */
  readonly #media: ModerationMedia;

  constructor(deps: ModerationDependencies, actions: ModerationActions) {
    super({ key: { kind: "checking" }, inbox: EMPTY_INBOX, selected: undefined });
    this.#deps = deps;
    this.#actions = actions;
    this.#media = new ModerationMedia(deps.media, () => {
      if (!this.#disposed) this.#publish();
    });
  }

  /** Looks for a stored key; with one, loads the reports. */
  async start(): Promise<void> {
    // A key that cannot be read (libsodium failed to load) is asked for again.
    const status = await this.#deps.port.storedKey().catch(() => undefined);
    if (this.#disposed) return;
    if (status === undefined) {
      this.#needKey();
      return;
    }
    this.update({ ...this.getSnapshot(), key: { kind: "ready", ...status, adding: undefined } });
    await this.refresh();
  }

  readonly back = (): void => {
    this.#actions.back();
  };

  readonly setKeyInput = (input: string): void => {
    const view = this.getSnapshot();
    if (view.key.kind === "needed") {
      this.update({ ...view, key: { ...view.key, input, error: undefined } });
    } else if (view.key.kind === "ready" && view.key.adding !== undefined) {
      this.update({
        ...view,
        key: { ...view.key, adding: { ...view.key.adding, input, error: undefined } },
      });
    }
  };

  readonly startAddingKey = (): void => {
    const view = this.getSnapshot();
    if (view.key.kind !== "ready" || view.key.adding !== undefined) return;
    this.update({
      ...view,
      key: { ...view.key, adding: { input: "", busy: false, error: undefined } },
    });
  };

  readonly cancelAddingKey = (): void => {
    const view = this.getSnapshot();
    if (view.key.kind === "ready")
      this.update({ ...view, key: { ...view.key, adding: undefined } });
  };

  readonly importKey = async (): Promise<void> => {
    const view = this.getSnapshot();
    const key = view.key;
    const form: KeyForm | undefined =
      key.kind === "needed" ? key : key.kind === "ready" ? key.adding : undefined;
    if (form === undefined || form.busy) return;
    const busy = { ...form, busy: true, error: undefined };
    this.update({
      ...view,
      key: key.kind === "ready" ? { ...key, adding: busy } : { kind: "needed", ...busy },
    });
    const result = await this.#deps.port
      .importKey(form.input)
      .catch(() => ({ ok: false, problem: "unreadable" }) as const);
    if (this.#disposed) return;
    if (!result.ok) {
      const failed = { input: form.input, busy: false, error: keyError(result.problem) };
      const now = this.getSnapshot().key;
      this.update({
        ...this.getSnapshot(),
        key: now.kind === "ready" ? { ...now, adding: failed } : { kind: "needed", ...failed },
      });
      return;
    }
    // The pasted secret is not kept in the snapshot once stored.
    this.update({
      ...this.getSnapshot(),
      key: { kind: "ready", ...result.status, adding: undefined },
    });
    await this.refresh();
  };

  readonly forgetKey = (): void => {
    this.#deps.port.forgetKey();
    this.#generation++;
    this.#reports = [];
    this.#selectedId = undefined;
    this.#needKey();
  };

  readonly refresh = async (): Promise<void> => {
    if (this.getSnapshot().key.kind !== "ready") return;
    const generation = ++this.#generation;
    this.update({
      ...this.getSnapshot(),
      inbox: { ...this.getSnapshot().inbox, status: "loading", error: undefined },
    });
    const result = await this.#deps.port.loadInbox().catch(
      (error: unknown) =>
        ({
          ok: false,
          problem: { kind: "unexpected", status: null, message: String(error) },
        }) as const,
    );
    if (this.#disposed || generation !== this.#generation) return;
    if (!result.ok) {
      if (result.problem.kind === "no-key") {
        this.#needKey();
        return;
      }
      this.update({
        ...this.getSnapshot(),
        inbox: { ...this.getSnapshot().inbox, status: "failed", error: loadError(result.problem) },
      });
      return;
    }
    const { inbox } = result;
    this.#reports = inbox.reports;
    this.#publish({
      status: "loaded",
      error: undefined,
      incomplete: inbox.incomplete,
      unrecognised: inbox.unrecognised,
      userReportsListed: inbox.userReports === "listed",
      truncated: inbox.truncated,
    });
  };

  readonly openReport = (reportId: string): void => {
    if (!this.#reports.some((r) => r.reportId === reportId)) return;
    this.#selectedId = reportId;
    this.#handoff = { busy: false, result: undefined };
    this.#noteDraft = "";
    this.#confirming = undefined;
    this.#publish();
  };

  readonly showMedia = async (index: number): Promise<void> => {
    const report = this.#reports.find((r) => r.reportId === this.#selectedId);
    if (report === undefined || !report.opened.ok) return;
    const item = report.opened.bundle.media?.[index];
    if (item === undefined) return;
    await this.#media.show(report.reportId, index, item, item.name);
  };

  readonly closeReport = (): void => {
    this.#media.release();
    this.#selectedId = undefined;
    this.#handoff = { busy: false, result: undefined };
    this.#noteDraft = "";
    this.#confirming = undefined;
    this.#publish();
  };

  readonly handOver = async (bodyId: HelpResourceId): Promise<void> => {
    const report = this.#reports.find((r) => r.reportId === this.#selectedId);
    const offers = this.getSnapshot().selected?.handoff.offers ?? [];
    if (report === undefined || this.#handoff.busy || !offers.includes(bodyId)) return;
    const reportId = report.reportId;
    this.#handoff = { busy: true, result: this.#handoff.result };
    this.#publish();
    const now = this.#deps.clock();
    const outcome = await this.#deps.handoff
      .create(report, bodyId, now)
      .catch((): HandoffOutcome => ({ ok: false, reason: "invalid", problems: ["failed"] }));
    if (this.#disposed || this.#selectedId !== reportId) return;
    this.#handoff = {
      busy: false,
      result: outcome.ok
        ? {
            kind: "ready",
            bodyId,
            fileName: outcome.file.fileName,
            href: `data:application/json;charset=utf-8,${encodeURIComponent(outcome.file.text)}`,
            packageId: outcome.file.package.packageId,
            summary: outcome.file.package.summary.text,
            handedOverAt: now,
          }
        : {
            kind: "failed",
            bodyId,
            error:
              outcome.reason === "no-key"
                ? "moderation.handoff.error.noKey"
                : "moderation.handoff.error.failed",
          },
    };
    this.#publish();
  };

  readonly chooseOutcome = (choice: OutcomeChoice): void => {
    const reportId = this.#selectedId;
    const bodies = this.getSnapshot().selected?.outcome.bodies ?? [];
    if (reportId === undefined || this.#outcomeSending !== undefined) return;
    if (choice.decision === "forwarded" && !bodies.includes(choice.forwardedTo)) return;
    this.#confirming = { reportId, choice };
    this.#publish();
  };

  readonly changeOutcome = (): void => {
    this.#confirming = undefined;
    this.#publish();
  };

  readonly confirmOutcome = async (): Promise<void> => {
    const report = this.#reports.find((r) => r.reportId === this.#selectedId);
    const confirming = this.#confirming;
    if (report === undefined || this.#outcomeSending !== undefined) return;
    // Only what the moderator sees waiting for confirmation (not if the team decided meanwhile).
    const shown = this.getSnapshot().selected?.outcome.confirming;
    if (confirming?.reportId !== report.reportId || shown === undefined) return;
    this.#confirming = undefined;
    const { choice } = confirming;
    const outcome: StatusOutcome = {
      decision: choice.decision,
      forwardedTo: choice.decision === "forwarded" ? choice.forwardedTo : null,
      reason: choice.decision === "no-action" ? choice.reason : null,
      sentToReporter: false,
    };
    // TEAM's note typed for the team goes along with the first status (not to the reporter).
    const note = this.#noteDraft;
    this.#noteDraft = "";
    await this.#sendOutcome(report, outcome, this.#deps.clock(), note);
  };

  readonly resendOutcome = async (): Promise<void> => {
    const report = this.#reports.find((r) => r.reportId === this.#selectedId);
    if (report === undefined || this.#outcomeSending !== undefined) return;
    const mine = this.#outcomes.get(report.reportId);
    const outcome = mine?.outcome ?? this.#deps.port.outcomeOf(report.reportId);
    const at = mine?.at ?? this.#deps.port.handled().get(report.reportId);
    if (outcome === undefined || at === undefined) return;
    // The same decision at the same time: the reporter's device keeps one outcome per report.
    await this.#sendOutcome(report, outcome, at);
  };

  /** Sends to the reporter when the report has a reply channel, then shares it with the team. */
  async #sendOutcome(
    report: InboxReport,
    outcome: StatusOutcome,
    at: number,
    note?: string,
  ): Promise<void> {
    const { reportId } = report;
    const replyTo = report.opened.ok ? report.opened.bundle.replyTo : undefined;
    this.#outcomeSending = reportId;
    this.#outcomes.set(reportId, { outcome, at, lastSend: undefined });
    this.#publish();
    const lastSend =
      replyTo === undefined || this.#deps.outcomes === undefined
        ? undefined
        : await this.#deps.outcomes
            .send(replyTo, {
              version: 1,
              reportId,
              decision: outcome.decision,
              forwardedTo: outcome.forwardedTo,
              reason: outcome.reason,
              decidedAt: at,
            })
            .catch((): OutcomeSendResult => "failed");
    const shared: StatusOutcome = { ...outcome, sentToReporter: lastSend === "sent" };
    this.#outcomeSending = undefined;
    this.#outcomes.set(reportId, { outcome: shared, at, lastSend });
    if (this.#disposed) return;
    this.#deps.port.recordOutcome(reportId, at, shared, note);
    this.#publish();
  }

  readonly markHandled = (reportId: string): void => {
    // TEAM: a note typed for the team goes along with the status.
    this.#deps.port.markHandled(reportId, this.#deps.clock(), this.#noteDraft);
    this.#noteDraft = "";
    this.#publish();
  };

  readonly setNote = (text: string): void => {
    this.#noteDraft = text.slice(0, MAX_TEAM_NOTE_LENGTH);
    this.#publish();
  };

  readonly addNote = (reportId: string): void => {
    if (this.#noteDraft.trim() === "") return;
    if (this.#deps.port.addNote(reportId, this.#noteDraft, this.#deps.clock())) {
      this.#noteDraft = "";
    }
    this.#publish();
  };

  readonly reopen = (reportId: string): void => {
    this.#outcomes.delete(reportId);
    this.#deps.port.reopen(reportId);
    this.#publish();
  };

  override dispose(): void {
    this.#disposed = true;
    this.#media.release();
    super.dispose();
  }

  #needKey(): void {
    this.update({
      key: { kind: "needed", input: "", busy: false, error: undefined },
      inbox: EMPTY_INBOX,
      selected: undefined,
    });
  }

  /** Rebuilds rows and the open report from the last load and the handled list. */
  #publish(
    counts: Omit<ModerationInboxState, "open" | "handled"> = this.getSnapshot().inbox,
  ): void {
    const handled = this.#deps.port.handled();
    const now = this.#deps.clock();
    const rows = this.#reports.map((report) =>
      rowOf(report, handled.get(report.reportId), now, this.#deps.deadlineHours),
    );
    // The queue in the order it must be handled: the nearest deadline first.
    const byDeadline = (a: ModerationReportRow, b: ModerationReportRow): number =>
      a.deadlineAt - b.deadlineAt || a.reportId.localeCompare(b.reportId);
    const selectedReport = this.#reports.find((r) => r.reportId === this.#selectedId);
    const selectedRow = rows.find((r) => r.reportId === this.#selectedId);
    this.update({
      ...this.getSnapshot(),
      inbox: {
        ...counts,
        open: rows.filter((r) => r.handledAt === undefined).sort(byDeadline),
        handled: rows.filter((r) => r.handledAt !== undefined),
      },
      selected:
        selectedReport === undefined || selectedRow === undefined
          ? undefined
          : this.#detailOf(selectedReport, selectedRow),
    });
  }

  /** TEAM: who marked it handled, by name: their display name in the moderation room if set. */
  #handledByName(reportId: string): string | undefined {
    const userId = this.#deps.port.handledBy(reportId);
    if (userId === undefined) return undefined;
    const line = this.#deps.port
      .history(reportId)
      .find((entry) => entry.kind === "handled" && entry.by === userId);
    return line?.name ?? nameOf(userId);
  }

  #detailOf(report: InboxReport, row: ModerationReportRow): ModerationReportDetail {
    const { opened } = report;
    const routing = opened.ok
      ? this.#deps.decideRouting({
          category: opened.bundle.category,
          subject: opened.bundle.evidence.kind === "messages" ? "message" : "profile",
        })
      : undefined;
    // The bodies the engine advised, in its order, that this deployment can seal to.
    const advised =
      routing === undefined
        ? []
        : [...new Set([...routing.adviceForChat, ...routing.adviceForPublicWebsite])];
    return {
      ...row,
      // A report through the intake names no filer: the server's record is the intake's.
      filedBy: report.channel === "intake" ? [] : report.filedBy,
      statusShared: this.#deps.port.sharesStatus,
      handledBy: row.handledAt === undefined ? undefined : this.#handledByName(report.reportId),
      serverEventSender: report.serverEventSender,
      checks: report.checks,
      content:
        opened.ok && routing !== undefined
          ? openedReport(opened.bundle, opened.signerPublicKey, routing)
          : { kind: "unreadable", problems: opened.ok ? [] : opened.problems },
      history: this.#deps.port.history(report.reportId).map((entry): ModerationHistoryLine => ({
        kind: entry.kind,
        at: entry.at,
        by:
          entry.by === this.#deps.userId
            ? { kind: "you" }
            : { kind: "moderator", name: entry.name ?? nameOf(entry.by) },
        note: entry.note ?? undefined,
      })),
      noteDraft: this.#noteDraft,
      handoff: {
        offers: advised.filter((id) => this.#deps.handoff.bodies.includes(id)),
        ...this.#handoff,
      },
      outcome: {
        bodies: advised,
        canReachReporter:
          this.#deps.outcomes !== undefined && opened.ok && opened.bundle.replyTo !== undefined,
        // Chosen here this session, else what the team's status says.
        chosen:
          row.handledAt === undefined
            ? undefined
            : (this.#outcomes.get(report.reportId)?.outcome ??
              this.#deps.port.outcomeOf(report.reportId)),
        confirming:
          row.handledAt === undefined && this.#confirming?.reportId === report.reportId
            ? {
                choice: this.#confirming.choice,
                // The reporter's own words: their band when the report says it.
                readerWords:
                  opened.ok &&
                  whyAudienceOf(opened.bundle.bands?.reporter?.band ?? "unverified") === "child"
                    ? "child"
                    : "general",
              }
            : undefined,
        sending: this.#outcomeSending === report.reportId,
        lastSend: this.#outcomes.get(report.reportId)?.lastSend,
      },
      media: opened.ok ? this.#media.viewOf(report.reportId, opened.bundle.media ?? []) : [],
    };
  }
}

/** Hours for a category from configuration: its own, else "*", else 72. */
export function deadlineHoursFor(
  category: ReportCategory | undefined,
  config: Readonly<Record<string, number>>,
): number {
  return (category === undefined ? undefined : config[category]) ?? config["*"] ?? 72;
}

function rowOf(
  report: InboxReport,
  handledAt: number | undefined,
  now: number,
  deadlines: Readonly<Record<string, number>>,
): ModerationReportRow {
  const { opened } = report;
  const deadlineHours = deadlineHoursFor(opened.ok ? opened.bundle.category : undefined, deadlines);
  const deadlineAt = report.receivedAt + deadlineHours * 3_600_000;
  return {
    reportId: report.reportId,
    receivedAt: report.receivedAt,
    ageMs: Math.max(0, now - report.receivedAt),
    deadlineAt,
    deadlineHours,
    overdue: handledAt === undefined && now > deadlineAt,
    channel: report.channel,
    category: opened.ok ? opened.bundle.category : undefined,
    subject: opened.ok
      ? opened.bundle.evidence.kind === "messages"
        ? "message"
        : "profile"
      : undefined,
    signature: opened.ok ? opened.signature : undefined,
    handledAt,
    bands: opened.ok ? bandsOf(opened.bundle.bands) : undefined,
  };
}

/** TEAM: a moderator without a display name: their account's name part (no server, no "@"). */
function nameOf(userId: string): string {
  const colon = userId.indexOf(":");
  return userId.slice(1, colon === -1 ? undefined : colon);
}

/** A short note for the team; the protocol's status allows more. */
export const MAX_TEAM_NOTE_LENGTH = 500;

function keyError(problem: ModeratorKeyProblem): MessageKey {
  switch (problem) {
    case "empty":
      return "moderation.key.error.empty";
    case "unreadable":
      return "moderation.key.error.unreadable";
    case "mismatched-pair":
      return "moderation.key.error.mismatchedPair";
    default:
      return assertNever(problem);
  }
}

function loadError(problem: AdminApiProblem): MessageKey {
  switch (problem.kind) {
    case "unreachable":
      return "moderation.error.unreachable";
    case "signed-out":
      return "moderation.error.signedOut";
    case "not-admin":
      return "moderation.error.notAdmin";
    case "server-error":
      return "moderation.error.server";
    case "unexpected":
      return "moderation.error.unexpected";
    default:
      return assertNever(problem);
  }
}
