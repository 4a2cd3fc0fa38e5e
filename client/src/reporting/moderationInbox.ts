// Services layer, reporting: the moderator's side of the report API. Lists what
// the homeserver holds through Synapse's admin API, opens every sealed report
// with the team's key on the moderator's own device, and puts each report
// next to what the server itself recorded (who filed it, when, about which
// event or user), so the moderator can check the one against the other.
//
// Endpoints (Synapse admin API, read in Synapse 1.160's source,
// synapse/rest/admin/event_reports.py and user_reports.py):
//   GET /_synapse/admin/v1/users/{userId}/admin   200 { admin } for an admin, 403 otherwise
//   GET /_synapse/admin/v1/event_reports?from&limit&dir   { event_reports, total, next_token? }
//   GET /_synapse/admin/v1/user_reports?from&limit&dir    { user_reports, total, next_token? }
// User reports (POST /users/{userId}/report) are not in event_reports: they
// have their own list since Synapse 1.133; an older server answers 404 there,
// which is "unsupported", not an error.
//
// Paging is by offset, oldest first (`dir=f`): a report that arrives while we
// page lands after the last page instead of shifting the pages we still have
// to read. The same Synapse record seen twice is counted once, and parts of
// one report are grouped by the report ID, so a shifted page cannot double a
// report.

import {
  parseReportPart,
  readReportReasons,
  type ModerationKeyPair,
  type OpenedReport,
} from "@safety-by-design/protocol";
import {
  parseModeratorKeyInput,
  type ModerationKeyText,
  type ModeratorDeviceStore,
  type ModeratorKeyProblem,
} from "./moderatorKeyStore.ts";

export type AdminApiProblem =
  /** No answer: offline, refused, or timed out. */
  | { readonly kind: "unreachable"; readonly message: string }
  /** 401: the access token was refused (signed out elsewhere). */
  | { readonly kind: "signed-out" }
  /** 403: this account is not a server admin. */
  | { readonly kind: "not-admin" }
  /** 5xx: the homeserver (or its proxy) failed. */
  | { readonly kind: "server-error"; readonly status: number }
  /** Anything else: another 4xx, or an answer that is not the documented JSON. */
  | { readonly kind: "unexpected"; readonly status: number | null; readonly message: string };

export type AdminResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: AdminApiProblem };

/** What the homeserver recorded about one report request, in its own words. */
export type ServerReportRecord = {
  /** Synapse's row ID, unique per list (event or user). */
  readonly id: number;
  readonly receivedAt: number;
  /** The account that filed it, as the server authenticated it. */
  readonly filedBy: string;
  readonly target:
    | {
        readonly kind: "event";
        readonly roomId: string;
        readonly eventId: string;
        /** The reported event's sender as the server holds it; null if the event is gone. */
        readonly eventSender: string | null;
      }
    | { readonly kind: "user"; readonly userId: string };
  readonly reason: unknown;
};

export type ServerReportListing = {
  readonly records: readonly ServerReportRecord[];
  /** "unsupported": this Synapse has no user report list (before 1.133). */
  readonly userReports: "listed" | "unsupported";
  /** More reports exist than one load reads (MAX_PAGES pages per list). */
  readonly truncated: boolean;
};

export type ModerationAdminApi = {
  /** Whether this account is a server admin; a non-admin is `false`, not a problem. */
  isServerAdmin(userId: string): Promise<AdminResult<boolean>>;
  listReports(): Promise<AdminResult<ServerReportListing>>;
};

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type ModerationAdminApiOptions = {
  readonly homeserverUrl: string;
  readonly accessToken: string;
  readonly fetch?: Fetch;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
  readonly maxPages?: number;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_PAGE_SIZE = 100;
/** 100 pages of 100: far beyond a demo; a real team would filter by room or user. */
const DEFAULT_MAX_PAGES = 100;

export function createModerationAdminApi(options: ModerationAdminApiOptions): ModerationAdminApi {
  const base = options.homeserverUrl.replace(/\/+$/, "");
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;

  const get = async (path: string): Promise<AdminResult<unknown>> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: "GET",
        headers: { authorization: `Bearer ${options.accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, problem: { kind: "unreachable", message: describe(error) } };
    }
    if (!response.ok) {
      return { ok: false, problem: await classifyFailure(response) };
    }
    try {
      return { ok: true, value: (await response.json()) as unknown };
    } catch {
      return {
        ok: false,
        problem: { kind: "unexpected", status: response.status, message: "the answer is not JSON" },
      };
    }
  };

  /** Reads every page of one list; `undefined` rows (not the documented shape) are skipped. */
  const listAll = async (
    path: string,
    field: string,
    toRecord: (row: Record<string, unknown>) => ServerReportRecord | undefined,
  ): Promise<AdminResult<{ records: ServerReportRecord[]; truncated: boolean }>> => {
    const records: ServerReportRecord[] = [];
    let from = 0;
    for (let page = 0; page < maxPages; page++) {
      const answer = await get(`${path}?dir=f&limit=${pageSize}&from=${from}`);
      if (!answer.ok) return answer;
      const body = answer.value as Record<string, unknown> | null;
      const rows = body?.[field];
      if (!Array.isArray(rows)) {
        return {
          ok: false,
          problem: { kind: "unexpected", status: 200, message: `the answer has no ${field} list` },
        };
      }
      for (const row of rows) {
        if (typeof row !== "object" || row === null) continue;
        const record = toRecord(row as Record<string, unknown>);
        if (record !== undefined) records.push(record);
      }
      const next = body?.["next_token"];
      if (typeof next !== "number" || !Number.isSafeInteger(next) || next <= from) {
        return { ok: true, value: { records, truncated: false } };
      }
      from = next;
    }
    return { ok: true, value: { records, truncated: true } };
  };

  return {
    async isServerAdmin(userId) {
      const answer = await get(`/_synapse/admin/v1/users/${encodeURIComponent(userId)}/admin`);
      if (answer.ok) {
        const admin = (answer.value as Record<string, unknown> | null)?.["admin"];
        return { ok: true, value: admin === true };
      }
      // Synapse answers 403 M_FORBIDDEN "You are not a server admin" to everyone else.
      if (answer.problem.kind === "not-admin") return { ok: true, value: false };
      return answer;
    },

    async listReports() {
      const events = await listAll(
        "/_synapse/admin/v1/event_reports",
        "event_reports",
        eventRecord,
      );
      if (!events.ok) return events;
      const users = await listAll("/_synapse/admin/v1/user_reports", "user_reports", userRecord);
      let userRecords: ServerReportRecord[] = [];
      let userReports: ServerReportListing["userReports"] = "listed";
      let truncated = events.value.truncated;
      if (users.ok) {
        userRecords = users.value.records;
        truncated ||= users.value.truncated;
      } else if (users.problem.kind === "unexpected" && users.problem.status === 404) {
        userReports = "unsupported";
      } else {
        return users;
      }
      return {
        ok: true,
        value: {
          records: [...dedupe(events.value.records), ...dedupe(userRecords)],
          userReports,
          truncated,
        },
      };
    },
  };
}

function eventRecord(row: Record<string, unknown>): ServerReportRecord | undefined {
  const { id, received_ts: receivedAt, room_id: roomId, event_id: eventId, user_id: filedBy } = row;
  const sender = row["sender"];
  if (
    typeof id !== "number" ||
    typeof receivedAt !== "number" ||
    typeof roomId !== "string" ||
    typeof eventId !== "string" ||
    typeof filedBy !== "string"
  ) {
    return undefined;
  }
  return {
    id,
    receivedAt,
    filedBy,
    target: {
      kind: "event",
      roomId,
      eventId,
      eventSender: typeof sender === "string" ? sender : null,
    },
    reason: row["reason"],
  };
}

function userRecord(row: Record<string, unknown>): ServerReportRecord | undefined {
  const { id, received_ts: receivedAt, target_user_id: userId, user_id: filedBy } = row;
  if (
    typeof id !== "number" ||
    typeof receivedAt !== "number" ||
    typeof userId !== "string" ||
    typeof filedBy !== "string"
  ) {
    return undefined;
  }
  return { id, receivedAt, filedBy, target: { kind: "user", userId }, reason: row["reason"] };
}

function dedupe(records: readonly ServerReportRecord[]): ServerReportRecord[] {
  const seen = new Set<number>();
  return records.filter((record) => !seen.has(record.id) && seen.add(record.id));
}

async function classifyFailure(response: Response): Promise<AdminApiProblem> {
  const status = response.status;
  if (status === 401) return { kind: "signed-out" };
  if (status === 403) return { kind: "not-admin" };
  if (status >= 500) return { kind: "server-error", status };
  const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  return {
    kind: "unexpected",
    status,
    message:
      typeof body?.error === "string"
        ? body.error.slice(0, 300)
        : `HTTP ${status} ${response.statusText}`.trim(),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.name === "TimeoutError" ? "the homeserver did not answer in time" : error.message;
  }
  return "network error";
}

// ---------------------------------------------------------------------------
// Opening: sealed reasons -> checked reports, each beside the server's record.

/** What the moderator can check between the sealed bundle and the server's own record. */
export type ServerChecks = {
  /**
   * The account the server says filed every part is the reporter the bundle
   * names; null when the reporter withheld their identity or the report did
   * not open. This is what binds a valid signature to an account.
   */
  readonly filedByNamedReporter: boolean | null;
  /** Every part was filed on the bundle's own target (reported event, or user); null if not opened. */
  readonly targetMatches: boolean | null;
  /** The server's sender of the reported event is the bundle's; null for profiles or a missing event. */
  readonly senderMatches: boolean | null;
};

export type InboxReport = {
  readonly reportId: string;
  readonly opened: OpenedReport;
  /** When the server received the first part. */
  readonly receivedAt: number;
  /** Distinct accounts that filed its parts (one, unless something is wrong). */
  readonly filedBy: readonly string[];
  /** The reported event's sender as the server holds it (event reports only). */
  readonly serverEventSender: string | null;
  readonly checks: ServerChecks;
};

export type OpenedInbox = {
  /** Newest first. */
  readonly reports: readonly InboxReport[];
  /** Reports still missing parts. */
  readonly incomplete: number;
  /** Reports filed by other clients (not sealed by this app): not shown. */
  readonly unrecognised: number;
  readonly userReports: ServerReportListing["userReports"];
  readonly truncated: boolean;
};

/** Opens every complete report in a listing with the team's key. Never throws on bad data. */
export async function openReportListing(
  listing: ServerReportListing,
  keyPair: ModerationKeyPair,
): Promise<OpenedInbox> {
  const byReport = new Map<string, ServerReportRecord[]>();
  for (const record of listing.records) {
    const part = parseReportPart(record.reason);
    if (part === undefined) continue;
    const list = byReport.get(part.reportId) ?? [];
    list.push(record);
    byReport.set(part.reportId, list);
  }
  const inbox = await readReportReasons(
    listing.records.map((r) => r.reason),
    keyPair,
  );
  const reports = inbox.reports.map((received): InboxReport => {
    const records = byReport.get(received.reportId) ?? [];
    const eventTarget = records.find((r) => r.target.kind === "event")?.target;
    const serverEventSender = eventTarget?.kind === "event" ? eventTarget.eventSender : null;
    return {
      reportId: received.reportId,
      opened: received.opened,
      receivedAt: Math.min(...records.map((r) => r.receivedAt)),
      filedBy: [...new Set(records.map((r) => r.filedBy))],
      serverEventSender,
      checks: checksFor(received.opened, records, serverEventSender),
    };
  });
  reports.sort((a, b) => b.receivedAt - a.receivedAt || a.reportId.localeCompare(b.reportId));
  return {
    reports,
    incomplete: inbox.incomplete.length,
    unrecognised: inbox.unrecognised,
    userReports: listing.userReports,
    truncated: listing.truncated,
  };
}

function checksFor(
  opened: OpenedReport,
  records: readonly ServerReportRecord[],
  serverEventSender: string | null,
): ServerChecks {
  if (!opened.ok) return { filedByNamedReporter: null, targetMatches: null, senderMatches: null };
  const { evidence, notice } = opened.bundle;
  const reporter = notice.reporter;
  const filedByNamedReporter =
    reporter.kind === "identified" ? records.every((r) => r.filedBy === reporter.userId) : null;
  const targetMatches = records.every((r) =>
    evidence.kind === "messages"
      ? r.target.kind === "event" &&
        r.target.roomId === evidence.roomId &&
        r.target.eventId === evidence.reported.eventId
      : r.target.kind === "user" && r.target.userId === evidence.userId,
  );
  const senderMatches =
    evidence.kind === "messages" && serverEventSender !== null
      ? serverEventSender === evidence.reported.sender
      : null;
  return { filedByNamedReporter, targetMatches, senderMatches };
}

// ---------------------------------------------------------------------------
// The moderator's inbox as one service: the admin API, the team key on this
// device, and the device's handled list. The moderation view model's port.

/** null: the deployment configures no public key to compare with. */
export type ModeratorKeyStatus = { readonly matchesDeployment: boolean | null };

export type ModeratorKeyImport =
  | { readonly ok: true; readonly status: ModeratorKeyStatus }
  | { readonly ok: false; readonly problem: ModeratorKeyProblem };

export type InboxLoad =
  | { readonly ok: true; readonly inbox: OpenedInbox }
  | { readonly ok: false; readonly problem: AdminApiProblem | { readonly kind: "no-key" } };

export type ModerationService = {
  /** Whether to offer the moderation screen at all: this account is a server admin. Never throws. */
  isAvailable(): Promise<boolean>;
  storedKey(): Promise<ModeratorKeyStatus | undefined>;
  importKey(input: string): Promise<ModeratorKeyImport>;
  forgetKey(): void;
  loadInbox(): Promise<InboxLoad>;
  handled(): ReadonlyMap<string, number>;
  markHandled(reportId: string, at: number): void;
  reopen(reportId: string): void;
};

export function createModerationService(options: {
  readonly userId: string;
  readonly api: ModerationAdminApi;
  readonly store: ModeratorDeviceStore;
  /** The public key this deployment seals reports to (base64url), if configured. */
  readonly deploymentPublicKey: string | undefined;
}): ModerationService {
  const { api, store, deploymentPublicKey } = options;
  let admin: Promise<boolean> | undefined;
  const status = (text: ModerationKeyText): ModeratorKeyStatus => ({
    matchesDeployment:
      deploymentPublicKey === undefined ? null : text.publicKey === deploymentPublicKey,
  });

  return {
    isAvailable() {
      admin ??= api.isServerAdmin(options.userId).then(
        (answer) => {
          // An answer is kept for the session; a failure is asked again next time.
          if (!answer.ok) admin = undefined;
          return answer.ok && answer.value;
        },
        () => {
          admin = undefined;
          return false;
        },
      );
      return admin;
    },
    async storedKey() {
      const stored = await store.loadKey();
      return stored === undefined ? undefined : status(stored.text);
    },
    async importKey(input) {
      const parsed = await parseModeratorKeyInput(input);
      if (!parsed.ok) return parsed;
      store.saveKey(parsed.text);
      return { ok: true, status: status(parsed.text) };
    },
    forgetKey() {
      store.forgetKey();
    },
    async loadInbox() {
      const stored = await store.loadKey();
      if (stored === undefined) return { ok: false, problem: { kind: "no-key" } };
      const listing = await api.listReports();
      if (!listing.ok) return listing;
      return { ok: true, inbox: await openReportListing(listing.value, stored.keyPair) };
    },
    handled: () => store.handled(),
    markHandled: (reportId, at) => {
      store.markHandled(reportId, at);
    },
    reopen: (reportId) => {
      store.reopen(reportId);
    },
  };
}
