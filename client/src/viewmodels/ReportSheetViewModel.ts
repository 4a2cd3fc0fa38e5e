// View model of the report sheet: what will be shared (the reported message
// and, unless the reporter leaves it out, a few messages before it), the
// engine's default category, and one button that files the report. Details
// (another category, a note, leaving the name out when the engine allows it)
// are optional. After filing it shows the outbox's live status and what the
// engine offers next: block, leave, help, and where else to report.
//
// Why a sheet before sending, and not a report on the first tap: the reporter
// must see what is shared before it is shared, and be able to leave the
// conversation out (docs/measures/reporting.md, "The report sheet").

import type {
  AfterReportAction,
  HelpResourceId,
  ReportCategory as EngineCategory,
} from "@safety-by-design/policy-engine";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/chatSession.ts";
import {
  REPORT_CATEGORIES,
  type EvidenceMessageInput,
  type ReportCategory,
} from "../matrix/reporting/bundle.ts";
import type { OutboxState } from "../matrix/reporting/reportStore.ts";
import type { ReportFiler, ReportSubmission } from "../matrix/reporting/reportFiler.ts";
import type { ReportDecider, ReportOutcome } from "../policy/decideReport.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import { ViewModel } from "./ViewModel.ts";

/** How many messages before the reported one are offered as context. */
export const DEFAULT_CONTEXT_MESSAGES = 5;

/** The translation key of the good-faith statement shown beside the report button (DSA Art. 16(2)(d)). */
export const GOOD_FAITH_STATEMENT_KEY = "report.goodFaith";

export type ReportSubject =
  | { readonly kind: "message"; readonly roomId: string; readonly eventId: string }
  /** A request from someone who is not a contact: their profile is reported. */
  | {
      readonly kind: "request";
      readonly roomId: string;
      readonly userId: string;
      readonly displayName: string | undefined;
    }
  /** A person in a conversation (the conversation's options). */
  | { readonly kind: "profile"; readonly roomId: string; readonly userId: string };

/** What the sheet reads of the session: the decrypted conversation as the reporter sees it. */
export type ReportEvidenceSource = {
  readonly userId: string;
  conversation(roomId: string): ConversationSnapshot | undefined;
  /**
   * A person as the reporter's screen shows them (the room decision store):
   * `shown` false for someone the engine keeps back, whose name, ID and
   * messages the sheet must not show either (they still travel, sealed).
   */
  person(roomId: string, userId: string): { readonly label: string; readonly shown: boolean };
};

export type ReportSheetActions = {
  readonly block: (userId: string) => Promise<void>;
  readonly leave: (roomId: string) => Promise<void>;
  /** Opens help for after a report of this (engine) category. */
  readonly help: (category: EngineCategory) => void;
  readonly close: () => void;
};

export type ReportSheetDependencies = {
  readonly reporting: ReportFiler;
  readonly decide: ReportDecider;
  readonly source: ReportEvidenceSource;
  /** The category in words, in the reporter's language: the DSA explanation of a one-tap report. */
  readonly explanation: (category: ReportCategory) => string;
  readonly actions: ReportSheetActions;
  /** The reporter blocked the person already (block and report from a request). */
  readonly alreadyBlocked?: boolean;
  readonly contextLimit?: number;
  /** A usability study's log: a filed report's category and target only (default: none). */
  readonly study?: StudyRecorder;
};

export type EvidenceRow = {
  readonly eventId: string;
  readonly senderUserId: string;
  readonly senderLabel: string;
  readonly mine: boolean;
  readonly timestamp: number;
  /** False: the reporter's device could not decrypt it; it travels without a body. */
  readonly readable: boolean;
  /** From someone the engine keeps back: the sheet shows a placeholder; the body travels sealed. */
  readonly keptBack: boolean;
  readonly body: string;
};

export type ReportPhase =
  /** This installation has no moderation key: nothing can be sent. */
  | "unavailable"
  /** The reported message is not in the conversation (any more). */
  | "not-found"
  | "review"
  | "filing"
  | "filed"
  /** Filing failed before anything was stored or sent. */
  | "failed";

export type ReportSheetSnapshot = {
  readonly phase: ReportPhase;
  readonly target: "message" | "request" | "profile";
  readonly reporterUserId: string;
  readonly reportedUserId: string;
  readonly reportedLabel: string;
  /** The reported person's name and ID may show (not someone the engine keeps back). */
  readonly reportedShown: boolean;
  readonly roomId: string;
  readonly reported: EvidenceRow | undefined;
  /** The messages before the reported one that can go with it, oldest first. */
  readonly context: readonly EvidenceRow[];
  readonly includeContext: boolean;
  /** The engine's default, or the reporter's choice. */
  readonly category: ReportCategory;
  readonly categoryChosen: boolean;
  readonly categories: readonly ReportCategory[];
  readonly note: string;
  readonly detailsOpen: boolean;
  /** The engine allows leaving the name out (DSA Art. 16(2)(c)). */
  readonly identityOptional: boolean;
  readonly includeIdentity: boolean;
  readonly reportId: string | undefined;
  /** The outbox's state of the filed report. */
  readonly status: OutboxState | undefined;
  /** What the engine offers after reporting (and instead, when reports cannot be sent). */
  readonly afterActions: readonly AfterReportAction[];
  /** Organisations the engine advises for this category (shown with contact details). */
  readonly advice: readonly HelpResourceId[];
  readonly blocked: boolean;
  readonly left: boolean;
  readonly busy: boolean;
};

export class ReportSheetViewModel extends ViewModel<ReportSheetSnapshot> {
  readonly #deps: ReportSheetDependencies;
  readonly #subject: ReportSubject;
  readonly #reportedDisplayName: string | undefined;
  #outcome: ReportOutcome;
  #phase: ReportPhase;
  #chosen: ReportCategory | undefined;
  #note = "";
  #includeContext = true;
  #identityChoice: boolean | undefined;
  #detailsOpen = false;
  #reportId: string | undefined;
  #blocked: boolean;
  #left = false;
  #busy = false;
  readonly #base: EvidenceFields;

  constructor(subject: ReportSubject, deps: ReportSheetDependencies) {
    const evidence = gatherEvidence(subject, deps.source, deps.contextLimit);
    const outcome = deps.decide({
      reportedUserId: evidence.reportedUserId,
      reportedDisplayName: evidence.reportedDisplayName,
      target: subject.kind,
    });
    const phase: ReportPhase = !deps.reporting.canSend
      ? "unavailable"
      : evidence.found
        ? "review"
        : "not-found";
    const base = {
      target: subject.kind,
      reporterUserId: deps.source.userId,
      reportedUserId: evidence.reportedUserId,
      reportedLabel: evidence.reportedLabel,
      reportedShown: evidence.reportedShown,
      roomId: subject.roomId,
      reported: evidence.reported,
      context: evidence.context,
    };
    super(snapshotOf(base, outcome, phase, {}));
    this.#deps = deps;
    this.#subject = subject;
    this.#reportedDisplayName = evidence.reportedDisplayName;
    this.#base = base;
    this.#outcome = outcome;
    this.#phase = phase;
    this.#blocked = deps.alreadyBlocked === true;
    this.#publish();
    this.onDispose(
      deps.reporting.subscribe(() => {
        this.#publish();
      }),
    );
  }

  readonly toggleDetails = (): void => {
    this.#detailsOpen = !this.#detailsOpen;
    this.#publish();
  };

  /** Another category: the engine decides again (anonymity, advice and help depend on it). */
  readonly setCategory = (category: ReportCategory): void => {
    if (!this.#editable()) return;
    this.#chosen = category;
    this.#outcome = this.#deps.decide({
      reportedUserId: this.#base.reportedUserId,
      reportedDisplayName: this.#reportedDisplayName,
      target: this.#subject.kind,
      category,
    });
    this.#publish();
  };

  readonly setNote = (note: string): void => {
    if (!this.#editable()) return;
    this.#note = note;
    this.#publish();
  };

  readonly setIncludeContext = (include: boolean): void => {
    if (!this.#editable()) return;
    this.#includeContext = include;
    this.#publish();
  };

  /** Only where the engine allows leaving the name out. */
  readonly setIncludeIdentity = (include: boolean): void => {
    if (!this.#editable() || !this.#outcome.decision.reporterIdentityOptional) return;
    this.#identityChoice = include;
    this.#publish();
  };

  /**
   * Files the report. Resolves once it is stored on this device (status
   * "queued"); delivery follows in the background and the status follows it.
   */
  readonly file = async (): Promise<void> => {
    if (this.#phase !== "review" && this.#phase !== "failed") return;
    const submission = this.#submission();
    if (submission === undefined) return;
    this.#phase = "filing";
    this.#publish();
    const result = await this.#deps.reporting.file(submission);
    if (result.ok) {
      this.#reportId = result.status.reportId;
      this.#phase = "filed";
      const { decision } = this.#outcome;
      (this.#deps.study ?? NO_STUDY).record({
        kind: "report-filed",
        decisionId: decision.decisionId,
        packId: decision.pack.id,
        category: decision.category,
        target: this.#subject.kind,
      });
    } else {
      this.#phase = result.reason === "not-configured" ? "unavailable" : "failed";
    }
    this.#publish();
  };

  /** The server refused the report for good: the reporter may ask to try again. */
  readonly retryDelivery = async (): Promise<void> => {
    if (this.#reportId !== undefined) await this.#deps.reporting.retry(this.#reportId);
  };

  readonly block = async (): Promise<void> => {
    if (this.#blocked) return;
    await this.#run(() => this.#deps.actions.block(this.#base.reportedUserId));
    this.#blocked = true;
    this.#publish();
  };

  readonly leave = async (): Promise<void> => {
    if (this.#left) return;
    await this.#run(() => this.#deps.actions.leave(this.#base.roomId));
    this.#left = true;
    this.#publish();
  };

  readonly help = (): void => {
    this.#deps.actions.help(this.#outcome.decision.category);
  };

  readonly close = (): void => {
    this.#deps.actions.close();
  };

  async #run(action: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.#publish();
    try {
      await action();
    } finally {
      this.#busy = false;
      this.#publish();
    }
  }

  #editable(): boolean {
    return this.#phase === "review" || this.#phase === "failed";
  }

  #includeIdentity(): boolean {
    return this.#outcome.decision.reporterIdentityOptional ? (this.#identityChoice ?? false) : true;
  }

  #submission(): ReportSubmission | undefined {
    const category = this.#outcome.category;
    const common = {
      category,
      note: this.#note,
      explanation: this.#deps.explanation(category),
      includeIdentity: this.#includeIdentity(),
      // Tapping the button that carries the statement is the confirmation.
      goodFaith: { confirmed: true, statementKey: GOOD_FAITH_STATEMENT_KEY },
    };
    if (this.#subject.kind !== "message") {
      return { ...common, subject: { kind: "profile", userId: this.#base.reportedUserId } };
    }
    const reported = this.#base.reported;
    if (reported === undefined) return undefined;
    return {
      ...common,
      subject: {
        kind: "message",
        roomId: this.#subject.roomId,
        reported: toEvidenceInput(reported),
        preceding: this.#includeContext ? this.#base.context.map(toEvidenceInput) : [],
        contextConsent: this.#includeContext,
      },
    };
  }

  #publish(): void {
    const status =
      this.#reportId === undefined
        ? undefined
        : this.#deps.reporting.getSnapshot().reports.find((r) => r.reportId === this.#reportId)
            ?.state;
    this.update(
      snapshotOf(this.#base, this.#outcome, this.#phase, {
        status,
        reportId: this.#reportId,
        categoryChosen: this.#chosen !== undefined,
        note: this.#note,
        detailsOpen: this.#detailsOpen,
        includeContext: this.#includeContext,
        includeIdentity: this.#includeIdentity(),
        blocked: this.#blocked,
        left: this.#left,
        busy: this.#busy,
      }),
    );
  }
}

type Evidence = {
  readonly found: boolean;
  readonly reportedUserId: string;
  readonly reportedDisplayName: string | undefined;
  readonly reportedLabel: string;
  readonly reportedShown: boolean;
  readonly reported: EvidenceRow | undefined;
  readonly context: readonly EvidenceRow[];
};

/**
 * What the reporter's device shows of the conversation, fixed when the sheet
 * opens: the sheet shares exactly what it showed. Unsent messages of one's
 * own have no event ID yet and are left out.
 */
function gatherEvidence(
  subject: ReportSubject,
  source: ReportEvidenceSource,
  contextLimit = DEFAULT_CONTEXT_MESSAGES,
): Evidence {
  const conversation = source.conversation(subject.roomId);
  const members = new Map((conversation?.members ?? []).map((m) => [m.userId, m]));
  const person = (userId: string) => source.person(subject.roomId, userId);
  if (subject.kind !== "message") {
    const member = members.get(subject.userId);
    const shown = person(subject.userId);
    const displayName =
      subject.kind === "request" ? subject.displayName : (member?.name ?? undefined);
    return {
      found: true,
      reportedUserId: subject.userId,
      reportedDisplayName: displayName,
      reportedLabel: shown.label,
      reportedShown: shown.shown,
      reported: undefined,
      context: [],
    };
  }
  const messages = conversation?.messages ?? [];
  const index = messages.findIndex((m) => m.eventId === subject.eventId);
  const message = messages[index];
  if (message === undefined) {
    return {
      found: false,
      reportedUserId: "",
      reportedDisplayName: undefined,
      reportedLabel: "",
      reportedShown: false,
      reported: undefined,
      context: [],
    };
  }
  const row = (m: TimelineMessage): EvidenceRow => {
    const mine = m.sender === source.userId;
    const sender = person(m.sender);
    return {
      eventId: m.eventId,
      senderUserId: m.sender,
      senderLabel: sender.label,
      mine,
      timestamp: m.timestamp,
      readable: m.kind === "text",
      keptBack: !mine && !sender.shown,
      body: m.kind === "text" ? m.body : "",
    };
  };
  const reportedPerson = person(message.sender);
  return {
    found: true,
    reportedUserId: message.sender,
    reportedDisplayName: members.get(message.sender)?.name,
    reportedLabel: reportedPerson.label,
    reportedShown: reportedPerson.shown,
    reported: row(message),
    context: messages
      .slice(0, index)
      .filter((m) => m.sendState === "sent" && m.eventId.startsWith("$"))
      .slice(-contextLimit)
      .map(row),
  };
}

function toEvidenceInput(row: EvidenceRow): EvidenceMessageInput {
  return {
    eventId: row.eventId,
    sender: row.senderUserId,
    timestamp: row.timestamp,
    kind: row.readable ? "text" : "undecryptable",
    body: row.body,
  };
}

type EvidenceFields = Pick<
  ReportSheetSnapshot,
  | "target"
  | "reporterUserId"
  | "reportedUserId"
  | "reportedLabel"
  | "reportedShown"
  | "roomId"
  | "reported"
  | "context"
>;

type Choices = Partial<
  Pick<
    ReportSheetSnapshot,
    | "status"
    | "reportId"
    | "categoryChosen"
    | "note"
    | "detailsOpen"
    | "includeContext"
    | "includeIdentity"
    | "blocked"
    | "left"
    | "busy"
  >
>;

const AFTER_ACTIONS: readonly AfterReportAction[] = ["block", "leave", "get-help"];

function snapshotOf(
  base: EvidenceFields,
  outcome: ReportOutcome,
  phase: ReportPhase,
  choices: Choices,
): ReportSheetSnapshot {
  const { decision } = outcome;
  return {
    ...base,
    phase,
    includeContext: choices.includeContext ?? true,
    category: outcome.category,
    categoryChosen: choices.categoryChosen ?? false,
    categories: REPORT_CATEGORIES,
    note: choices.note ?? "",
    detailsOpen: choices.detailsOpen ?? false,
    identityOptional: decision.reporterIdentityOptional,
    includeIdentity: choices.includeIdentity ?? !decision.reporterIdentityOptional,
    reportId: choices.reportId,
    status: choices.status,
    afterActions: AFTER_ACTIONS.filter((a) => decision.actions.includes(a)),
    advice: decision.destinations.flatMap((d) => (d.delivery === "advice" ? [d.id] : [])),
    blocked: choices.blocked ?? false,
    left: choices.left ?? false,
    busy: choices.busy ?? false,
  };
}
