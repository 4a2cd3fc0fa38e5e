// View model of the report sheet: what will be shared (the reported message
// (Over 400 lines: the sheet's steps (choose, review, sending, sent) share one draft; the evidence rules are the engine's.)
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
  AgeBand,
  ModeratorBand,
  ReportCategory,
  ReportSheet,
} from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { TimelineMessage } from "../matrix/sessionTypes.ts";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import type { OutboxState } from "../reporting/reportStore.ts";
import type { ReportFiler, ReportSubmission } from "../reporting/reportFiler.ts";
import { DEFAULT_REPORT_MEDIA_LIMITS, type ReportMediaLimits } from "../reporting/reportMedia.ts";
import type { ReportDecider, ReportOutcome } from "../policy/decideReport.ts";
import { NO_STUDY, type StudyRecorder } from "../study/recorder.ts";
import {
  contextRows,
  gatherEvidence,
  toEvidenceInput,
  unseenEvidence,
  type EvidenceRow,
  type ReportEvidenceSource,
  type ReportSubject,
} from "./reportEvidence.ts";
import {
  readReportMedia,
  reportMediaRows,
  type ReportMediaRow,
  type ReportMediaSource,
} from "./reportMediaRows.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

export type { EvidenceRow, ReportEvidenceSource, ReportSubject } from "./reportEvidence.ts";

/** The translation key of the good-faith statement shown beside the report button (DSA Art. 16(2)(d)). */
export const GOOD_FAITH_STATEMENT_KEY = "report.goodFaith";

export type ReportSheetActions = {
  readonly block: (userId: string) => Promise<void>;
  readonly leave: (roomId: string) => Promise<void>;
  /** Opens help for after a report of this category. */
  readonly help: (category: ReportCategory) => void;
  readonly close: () => void;
  /** Opens "Mijn meldingen", where the outcome will show (issue 18); absent: not offered. */
  readonly myReports?: (() => void) | undefined;
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
  /** A usability study's log: a filed report's category and target only (default: none). */
  readonly study?: StudyRecorder;
  /** The reporter's band as the engine reads it: whom "why?" after reporting is written for. */
  readonly readerBand: () => AgeBand;
  /** Reported media (RMEDIA): the engine's media decision and the bytes; absent: no media goes. */
  readonly media?: ReportMediaSource;
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
  /**
   * The engine's layout for the reporter's band: "simple" (the youngest)
   * pre-sets nothing, offers a few choices in children's words and, after
   * filing, says thank you and who helps next before anything else.
   */
  readonly sheet: ReportSheet;
  /**
   * How many messages of a reported request travel sealed although the
   * reporter never saw them (held aside): the sheet says so, never shows them.
   */
  readonly unseenCount: number;
  /**
   * TEAM: what goes to the moderators about the reporter's own age (the
   * engine's `moderatorBands`, for a named or a withheld report): the band,
   * only "under 18", only "adult", or nothing (undefined).
   */
  readonly ageAlong: "minor-band" | "minor" | "adult" | undefined;
  /** The engine's default, or the reporter's choice. */
  readonly category: ReportCategory;
  readonly categoryChosen: boolean;
  /** What the reporter may pick, in order: the engine's `categoryChoices` (the pack's, per band). */
  readonly categories: readonly ReportCategory[];
  readonly note: string;
  readonly detailsOpen: boolean;
  /**
   * Reported media (RMEDIA): the images and files that go with the report
   * (of the reported message, the included context, or a request's unseen
   * messages), each named only when the engine lets the reporter see it.
   */
  readonly media: readonly ReportMediaRow[];
  /** Why filing with media failed: it could not be read, is too large, or did not upload. */
  readonly mediaProblem: "not-read" | "too-large" | "not-sent" | undefined;
  /** The deployment's caps, for the words when media is over them: items per report, MB per item. */
  readonly mediaCaps?: { readonly count: number; readonly megabytes: number };
  /** The engine allows leaving the name out (DSA Art. 16(2)(c)). */
  readonly identityOptional: boolean;
  readonly includeIdentity: boolean;
  readonly reportId: string | undefined;
  /** The outbox's state of the filed report. */
  readonly status: OutboxState | undefined;
  /**
   * What the engine offers after reporting (and instead, when reports cannot
   * be sent), less what is done already: block (once, someone known to be
   * blocked), leave (once) and help.
   */
  readonly offers: {
    readonly block: boolean;
    readonly leave: boolean;
    readonly help: boolean;
  };
  /** Organisations the engine advises for this category (shown with contact details). */
  readonly advice: readonly HelpResourceId[];
  /** Help for after this report (the engine's, for the reporter's band and the category). */
  readonly help: readonly HelpResourceId[];
  readonly blocked: boolean;
  readonly left: boolean;
  readonly busy: boolean;
  /** Who gets the report, what else is advised and offered, and why: the report decision's rules. */
  readonly why: WhyView;
};

/** What the report sheet's view may ask for. */
export type ReportSheetViewActions = {
  readonly toggleDetails: () => void;
  readonly setCategory: (category: ReportCategory) => void;
  readonly setNote: (note: string) => void;
  readonly setIncludeContext: (include: boolean) => void;
  readonly setIncludeIdentity: (include: boolean) => void;
  readonly file: () => Promise<void>;
  readonly retryDelivery: () => Promise<void>;
  readonly block: () => Promise<void>;
  readonly leave: () => Promise<void>;
  readonly help: () => void;
  readonly close: () => void;
  /** "Mijn meldingen" after filing; undefined when this session has none to open. */
  readonly openMyReports?: (() => void) | undefined;
};

export class ReportSheetViewModel
  extends ViewModel<ReportSheetSnapshot>
  implements ReportSheetViewActions
{
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
  /** A request's messages the reporter never saw: kept here, never in a snapshot. */
  readonly #unseen: readonly TimelineMessage[];
  /** Reported media (RMEDIA) per message, by event ID; which go depends on the context choice. */
  readonly #mediaByEvent: ReadonlyMap<string, readonly ReportMediaRow[]>;
  #mediaProblem: ReportSheetSnapshot["mediaProblem"];
  /** Previews this sheet drew of pictures the conversation already shows, by event ID. */
  readonly #previews = new Map<string, ShownPicture>();
  #disposed = false;

  constructor(subject: ReportSubject, deps: ReportSheetDependencies) {
    const evidence = gatherEvidence(subject, deps.source);
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
      // The pack's evidence window; a later change of category keeps it (the pack sets one).
      context: contextRows(evidence, outcome.contextMessages, subject.roomId, deps.source),
    };
    const unseen = subject.kind === "request" ? (subject.unseen ?? []) : [];
    super(snapshotOf(base, outcome, phase, {}, deps.readerBand(), unseen));
    this.#unseen = unseen;
    this.#mediaByEvent = mediaOf(subject, base, unseen, deps);
    this.#deps = deps;
    this.openMyReports = deps.actions.myReports;
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
    this.#drawPreviews();
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
    const withoutMedia = this.#submission();
    if (withoutMedia === undefined) return;
    this.#phase = "filing";
    this.#mediaProblem = undefined;
    this.#publish();
    // Reported media (RMEDIA): read on this device now (the reporter's tap), sealed, never shown.
    const rows = this.#media();
    let submission: ReportSubmission = withoutMedia;
    if (rows.length > 0 && this.#deps.media !== undefined) {
      try {
        submission = {
          ...withoutMedia,
          media: await readReportMedia(rows, this.#subject.roomId, this.#deps.media),
        };
      } catch {
        this.#phase = "failed";
        this.#mediaProblem = "not-read";
        this.#publish();
        return;
      }
    }
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
      this.#mediaProblem =
        result.reason === "media-too-large"
          ? "too-large"
          : result.reason === "media-not-sent"
            ? "not-sent"
            : undefined;
    }
    this.#publish();
  };

  /** Draws the previews of pictures the reporter already sees behind the sheet; released on dispose. */
  #drawPreviews(): void {
    const media = this.#deps.media;
    const preview = media?.preview;
    if (media === undefined || preview === undefined) return;
    for (const row of [...this.#mediaByEvent.values()].flat()) {
      if (row.preview === undefined) continue;
      preview(this.#subject.roomId, row.eventId)
        .then((picture) => {
          if (this.#disposed) {
            media.release?.(picture);
            return;
          }
          this.#previews.set(row.eventId, picture);
          this.#publish();
        })
        // No preview: the words still say what goes along.
        .catch(() => undefined);
    }
    this.onDispose(() => {
      this.#disposed = true;
      for (const picture of this.#previews.values()) media.release?.(picture);
      this.#previews.clear();
    });
  }

  /** The media that goes now: the reported message's, the context's when it goes, a request's. */
  #media(): readonly ReportMediaRow[] {
    const ids =
      this.#subject.kind === "message"
        ? [
            this.#base.reported?.eventId ?? "",
            ...(this.#includeContext ? this.#base.context.map((row) => row.eventId) : []),
          ]
        : unseenEvidence(this.#unseen, this.#outcome.decision.requestMessages).map(
            (m) => m.eventId,
          );
    return ids.flatMap((id) =>
      (this.#mediaByEvent.get(id) ?? []).map((row) => ({
        ...row,
        picture: this.#previews.get(row.eventId),
      })),
    );
  }

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

  /** Offered only when the session has "Mijn meldingen" to open. */
  readonly openMyReports: (() => void) | undefined;

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
    const { category } = this.#outcome.decision;
    const common = {
      category,
      note: this.#note,
      explanation: this.#deps.explanation(category),
      includeIdentity: this.#includeIdentity(),
      // Tapping the button that carries the statement is the confirmation.
      goodFaith: { confirmed: true, statementKey: GOOD_FAITH_STATEMENT_KEY },
      // TEAM: the ages the engine lets go to the moderators (the filer picks by identity).
      moderatorBands: this.#outcome.decision.moderatorBands,
    };
    if (this.#subject.kind !== "message") {
      const unseen = unseenEvidence(this.#unseen, this.#outcome.decision.requestMessages);
      return {
        ...common,
        subject:
          unseen.length === 0
            ? { kind: "profile", userId: this.#base.reportedUserId }
            : {
                kind: "profile",
                userId: this.#base.reportedUserId,
                unseen: { roomId: this.#subject.roomId, messages: unseen },
              },
      };
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
      snapshotOf(
        this.#base,
        this.#outcome,
        this.#phase,
        {
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
          media: this.#media(),
          mediaProblem: this.#mediaProblem,
          mediaCaps: capsOf(this.#deps.reporting.mediaLimits ?? DEFAULT_REPORT_MEDIA_LIMITS),
        },
        this.#deps.readerBand(),
        this.#unseen,
      ),
    );
  }
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
    | "media"
    | "mediaProblem"
    | "mediaCaps"
  >
>;

function capsOf(limits: ReportMediaLimits): NonNullable<ReportSheetSnapshot["mediaCaps"]> {
  return { count: limits.maxItems, megabytes: Math.floor(limits.maxItemBytes / (1024 * 1024)) };
}

/** Reported media (RMEDIA) of every message that could go, by event ID. */
function mediaOf(
  subject: ReportSubject,
  base: EvidenceFields,
  unseen: readonly TimelineMessage[],
  deps: ReportSheetDependencies,
): ReadonlyMap<string, readonly ReportMediaRow[]> {
  const reporter = deps.source.userId;
  const rows =
    subject.kind === "message"
      ? reportMediaRows(
          (deps.source.conversation(subject.roomId)?.messages ?? []).filter(
            (m) =>
              m.eventId === base.reported?.eventId ||
              base.context.some((row) => row.eventId === m.eventId),
          ),
          subject.roomId,
          reporter,
          deps.media,
          true,
        )
      : // A request held aside: its media goes sealed and is never named.
        reportMediaRows(unseen, subject.roomId, reporter, deps.media, false);
  const byEvent = new Map<string, ReportMediaRow[]>();
  for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row]);
  return byEvent;
}

/** TEAM: the reporter's own age as it goes to the moderators, for the sheet's one line. */
function ageAlong(band: ModeratorBand | null): ReportSheetSnapshot["ageAlong"] {
  if (band === null) return undefined;
  if (band.group === "adult") return "adult";
  return band.band === null ? "minor" : "minor-band";
}

function snapshotOf(
  base: EvidenceFields,
  outcome: ReportOutcome,
  phase: ReportPhase,
  choices: Choices,
  readerBand: AgeBand,
  unseen: readonly TimelineMessage[],
): ReportSheetSnapshot {
  const { decision } = outcome;
  const blocked = choices.blocked ?? false;
  const left = choices.left ?? false;
  return {
    ...base,
    phase,
    includeContext: choices.includeContext ?? true,
    sheet: decision.sheet,
    // A count, never the messages: what the reporter did not see stays unseen.
    unseenCount: unseenEvidence(unseen, decision.requestMessages).length,
    ageAlong: ageAlong(
      (choices.includeIdentity ?? !decision.reporterIdentityOptional)
        ? decision.moderatorBands.reporter
        : decision.moderatorBands.reporterWithheld,
    ),
    category: decision.category,
    categoryChosen: choices.categoryChosen ?? false,
    categories: decision.categoryChoices,
    note: choices.note ?? "",
    detailsOpen: choices.detailsOpen ?? false,
    identityOptional: decision.reporterIdentityOptional,
    includeIdentity: choices.includeIdentity ?? !decision.reporterIdentityOptional,
    reportId: choices.reportId,
    status: choices.status,
    offers: {
      // Someone not known (a message that is gone) cannot be blocked from here.
      block: decision.actions.includes("block") && !blocked && base.reportedUserId !== "",
      leave: decision.actions.includes("leave") && !left,
      help: decision.actions.includes("get-help"),
    },
    advice: decision.destinations.flatMap((d) => (d.delivery === "advice" ? [d.id] : [])),
    help: decision.help,
    blocked,
    left,
    busy: choices.busy ?? false,
    media: choices.media ?? [],
    mediaProblem: choices.mediaProblem,
    ...(choices.mediaCaps === undefined ? {} : { mediaCaps: choices.mediaCaps }),
    why: whyViewOf([decision], readerBand),
  };
}
