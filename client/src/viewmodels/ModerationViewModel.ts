// View model of the moderation screen, for an account that is a server
// admin. First it needs the team's secret key on this device (pasted once,
// kept per account, forgettable); then it lists the homeserver's reports,
// opened on this device, and shows one with its evidence, DSA notice,
// signature, the server's own record and the engine's routing advice. "Mark
// handled" is a note on this device (see moderatorKeyStore.ts for why the
// server's record is not deleted). No rule lives here: routing is the policy
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
import type { ModerationRoutingDecider } from "../policy/decideModerationRouting.ts";
import { assertNever } from "./assertNever.ts";
import { openedReport, type ModerationOpenedReport } from "./moderationReport.ts";
import { ViewModel } from "./ViewModel.ts";

export type {
  ModerationEvidence,
  ModerationEvidenceMessage,
  ModerationOpenedReport,
} from "./moderationReport.ts";

/** What the screen needs of the Matrix layer; its ModerationService satisfies it. */
export type ModerationPort = Omit<ModerationService, "isAvailable">;

export type ModerationDependencies = {
  readonly port: ModerationPort;
  readonly decideRouting: ModerationRoutingDecider;
  readonly clock: () => number;
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
  /**
   * The bundle's category: the id the reporter's sheet offered and the engine routes by.
   * undefined when the report did not open (wrong key, damaged, not a valid bundle, version 1).
   */
  readonly category: ReportCategory | undefined;
  readonly subject: "message" | "profile" | undefined;
  readonly signature: SignatureStatus | undefined;
  /** When this moderator marked it handled, on this device. */
  readonly handledAt: number | undefined;
};

export type ModerationReportDetail = ModerationReportRow & {
  /** Accounts the server says filed it (authenticated by the homeserver). */
  readonly filedBy: readonly string[];
  readonly serverEventSender: string | null;
  readonly checks: ServerChecks;
  readonly content:
    ModerationOpenedReport | { readonly kind: "unreadable"; readonly problems: readonly string[] };
};

/** What the moderation screen's views may ask for. */
export type ModerationViewActions = {
  readonly back: () => void;
  readonly setKeyInput: (input: string) => void;
  readonly importKey: () => Promise<void>;
  readonly forgetKey: () => void;
  readonly refresh: () => Promise<void>;
  readonly openReport: (reportId: string) => void;
  readonly closeReport: () => void;
  readonly markHandled: (reportId: string) => void;
  readonly reopen: (reportId: string) => void;
};

export type ModerationKeyState =
  | { readonly kind: "checking" }
  | {
      readonly kind: "needed";
      readonly input: string;
      readonly busy: boolean;
      readonly error: MessageKey | undefined;
    }
  /** `matchesDeployment` false: not the key this app seals to (an old key, or a mistake). */
  | { readonly kind: "ready"; readonly matchesDeployment: boolean | null };

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
  /** Ignores a load that finished after a newer one started (or after dispose). */
  #generation = 0;
  #disposed = false;

  constructor(deps: ModerationDependencies, actions: ModerationActions) {
    super({ key: { kind: "checking" }, inbox: EMPTY_INBOX, selected: undefined });
    this.#deps = deps;
    this.#actions = actions;
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
    this.update({ ...this.getSnapshot(), key: { kind: "ready", ...status } });
    await this.refresh();
  }

  readonly back = (): void => {
    this.#actions.back();
  };

  readonly setKeyInput = (input: string): void => {
    const view = this.getSnapshot();
    if (view.key.kind === "needed") {
      this.update({ ...view, key: { ...view.key, input, error: undefined } });
    }
  };

  readonly importKey = async (): Promise<void> => {
    const view = this.getSnapshot();
    if (view.key.kind !== "needed" || view.key.busy) return;
    this.update({ ...view, key: { ...view.key, busy: true, error: undefined } });
    const result = await this.#deps.port
      .importKey(view.key.input)
      .catch(() => ({ ok: false, problem: "unreadable" }) as const);
    if (this.#disposed) return;
    if (!result.ok) {
      this.update({
        ...this.getSnapshot(),
        key: {
          kind: "needed",
          input: view.key.input,
          busy: false,
          error: keyError(result.problem),
        },
      });
      return;
    }
    // The pasted secret is not kept in the snapshot once stored.
    this.update({ ...this.getSnapshot(), key: { kind: "ready", ...result.status } });
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
    this.#publish();
  };

  readonly closeReport = (): void => {
    this.#selectedId = undefined;
    this.#publish();
  };

  readonly markHandled = (reportId: string): void => {
    this.#deps.port.markHandled(reportId, this.#deps.clock());
    this.#publish();
  };

  readonly reopen = (reportId: string): void => {
    this.#deps.port.reopen(reportId);
    this.#publish();
  };

  override dispose(): void {
    this.#disposed = true;
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
    const rows = this.#reports.map((report) => rowOf(report, handled.get(report.reportId)));
    const selectedReport = this.#reports.find((r) => r.reportId === this.#selectedId);
    const selectedRow = rows.find((r) => r.reportId === this.#selectedId);
    this.update({
      ...this.getSnapshot(),
      inbox: {
        ...counts,
        open: rows.filter((r) => r.handledAt === undefined),
        handled: rows.filter((r) => r.handledAt !== undefined),
      },
      selected:
        selectedReport === undefined || selectedRow === undefined
          ? undefined
          : this.#detailOf(selectedReport, selectedRow),
    });
  }

  #detailOf(report: InboxReport, row: ModerationReportRow): ModerationReportDetail {
    const { opened } = report;
    return {
      ...row,
      filedBy: report.filedBy,
      serverEventSender: report.serverEventSender,
      checks: report.checks,
      content: opened.ok
        ? openedReport(
            opened.bundle,
            opened.signerPublicKey,
            this.#deps.decideRouting({
              category: opened.bundle.category,
              subject: opened.bundle.evidence.kind === "messages" ? "message" : "profile",
            }),
          )
        : { kind: "unreadable", problems: opened.problems },
    };
  }
}

function rowOf(report: InboxReport, handledAt: number | undefined): ModerationReportRow {
  const { opened } = report;
  return {
    reportId: report.reportId,
    receivedAt: report.receivedAt,
    category: opened.ok ? opened.bundle.category : undefined,
    subject: opened.ok
      ? opened.bundle.evidence.kind === "messages"
        ? "message"
        : "profile"
      : undefined,
    signature: opened.ok ? opened.signature : undefined,
    handledAt,
  };
}

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
