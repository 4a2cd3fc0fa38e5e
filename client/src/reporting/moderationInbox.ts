// Services layer, reporting: the moderator's side of the report API. Lists what
// (Over 400 lines: one reader of one API: listing, opening and cross-checking must agree on every field, so they stay side by side.)
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
  MAX_STATUS_NOTE_LENGTH,
  moderationPublicKeysFromText,
  openModerationStatus,
  parseReportPart,
  readReportReasons,
  sealModerationStatus,
  type ModerationStatus,
  type StatusOutcome,
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
  /** Synapse's row ID, unique per list (event or user); the event's position for the intake. */
  readonly id: number;
  readonly receivedAt: number;
  /**
   * The account that filed it, as the server authenticated it; null for a
   * part the report intake posted, which never says who sent it.
   */
  readonly filedBy: string | null;
  readonly target:
    | {
        readonly kind: "event";
        readonly roomId: string;
        readonly eventId: string;
        /** The reported event's sender as the server holds it; null if the event is gone. */
        readonly eventSender: string | null;
      }
    | { readonly kind: "user"; readonly userId: string }
    /** Posted into the moderation room by the report intake: no target outside the box. */
    | { readonly kind: "intake" };
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

// ---------------------------------------------------------------------------
// The moderation room: where the report intake posts the parts of reports
// that withhold the reporter (tools/lib/reportIntakeService.ts). Only events
// the intake's own account sent count: another member cannot slip a report in
// under the intake's name. Nothing here says who sent a report to the intake.
//   POST /_matrix/client/v3/join/{roomIdOrAlias}      the moderator was invited
//   GET  /_matrix/client/v3/rooms/{roomId}/messages?dir=b&filter=...

export const REPORT_PART_EVENT_TYPE = "org.safety-by-design.report_part";
/** The team's shared status of a report, sealed to the team key (protocol report/status.ts). */
export const REPORT_STATUS_EVENT_TYPE = "org.safety-by-design.report_status";

export type ModerationRoomApi = {
  listIntakeRecords(): Promise<
    AdminResult<{ readonly records: readonly ServerReportRecord[]; readonly truncated: boolean }>
  >;
  /** Every sealed status a member posted, newest first (`content.sealed`). */
  listStatuses(): Promise<AdminResult<readonly unknown[]>>;
  postStatus(sealed: string): Promise<AdminResult<unknown>>;
  /** TEAM: the room's members' display names (user ID -> name; null: none set). */
  listMembers?(): Promise<AdminResult<ReadonlyMap<string, string | null>>>;
};

export function createModerationRoomApi(options: {
  readonly homeserverUrl: string;
  readonly accessToken: string;
  /** The room's alias or ID. */
  readonly room: string;
  readonly intakeUserId: string;
  readonly fetch?: Fetch;
  readonly timeoutMs?: number;
  readonly maxPages?: number;
}): ModerationRoomApi {
  const base = options.homeserverUrl.replace(/\/+$/, "");
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<AdminResult<unknown>> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}/_matrix/client/v3${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.accessToken}`,
          "content-type": "application/json",
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { ok: false, problem: { kind: "unreachable", message: describe(error) } };
    }
    if (!response.ok) return { ok: false, problem: await classifyFailure(response) };
    try {
      return { ok: true, value: (await response.json()) as unknown };
    } catch {
      return {
        ok: false,
        problem: { kind: "unexpected", status: response.status, message: "the answer is not JSON" },
      };
    }
  };

  // Joining is how a moderator accepts the deployment's invitation; a member joins again harmlessly.
  let roomId: string | undefined;
  const join = async (): Promise<AdminResult<string>> => {
    if (roomId !== undefined) return { ok: true, value: roomId };
    const joined = await call("POST", `/join/${encodeURIComponent(options.room)}`, {});
    if (!joined.ok) return joined;
    const id = (joined.value as Record<string, unknown> | null)?.["room_id"];
    if (typeof id !== "string") {
      return { ok: false, problem: { kind: "unexpected", status: 200, message: "no room_id" } };
    }
    roomId = id;
    return { ok: true, value: id };
  };
  /** Every event of one type, newest first, over at most maxPages pages. */
  const events = async (
    type: string,
  ): Promise<AdminResult<{ events: unknown[]; truncated: boolean }>> => {
    const room = await join();
    if (!room.ok) return room;
    const filter = encodeURIComponent(JSON.stringify({ types: [type] }));
    const found: unknown[] = [];
    let from: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await call(
        "GET",
        `/rooms/${encodeURIComponent(room.value)}/messages?dir=b&limit=100&filter=${filter}${
          from === undefined ? "" : `&from=${encodeURIComponent(from)}`
        }`,
      );
      if (!answer.ok) return answer;
      const body = answer.value as { chunk?: unknown; end?: unknown } | null;
      const chunk = Array.isArray(body?.chunk) ? (body.chunk as unknown[]) : [];
      found.push(...chunk);
      if (typeof body?.end !== "string" || chunk.length === 0) {
        return { ok: true, value: { events: found, truncated: false } };
      }
      from = body.end;
    }
    return { ok: true, value: { events: found, truncated: true } };
  };

  return {
    async listIntakeRecords() {
      const listed = await events(REPORT_PART_EVENT_TYPE);
      if (!listed.ok) return listed;
      const records: ServerReportRecord[] = [];
      const seen = new Set<string>();
      for (const event of listed.value.events) {
        const record = intakeRecord(event, options.intakeUserId, records.length);
        if (record === undefined || seen.has(record.eventId)) continue;
        seen.add(record.eventId);
        records.push(record.record);
      }
      return { ok: true, value: { records, truncated: listed.value.truncated } };
    },
    async listStatuses() {
      const listed = await events(REPORT_STATUS_EVENT_TYPE);
      if (!listed.ok) return listed;
      return {
        ok: true,
        value: listed.value.events.flatMap((event) => {
          const e = event as { type?: unknown; content?: { sealed?: unknown } } | null;
          return e?.type === REPORT_STATUS_EVENT_TYPE && typeof e.content?.sealed === "string"
            ? [e.content.sealed]
            : [];
        }),
      };
    },
    async listMembers() {
      const room = await join();
      if (!room.ok) return room;
      const answer = await call("GET", `/rooms/${encodeURIComponent(room.value)}/joined_members`);
      if (!answer.ok) return answer;
      const joined = (answer.value as { joined?: unknown } | null)?.joined;
      const names = new Map<string, string | null>();
      if (typeof joined === "object" && joined !== null) {
        for (const [userId, member] of Object.entries(joined as Record<string, unknown>)) {
          const name = (member as { display_name?: unknown } | null)?.display_name;
          names.set(userId, typeof name === "string" && name.trim() !== "" ? name.trim() : null);
        }
      }
      return { ok: true, value: names };
    },
    async postStatus(sealed) {
      const room = await join();
      if (!room.ok) return room;
      const txn = `status-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      return call(
        "PUT",
        `/rooms/${encodeURIComponent(room.value)}/send/${REPORT_STATUS_EVENT_TYPE}/${txn}`,
        { sealed },
      );
    },
  };
}

function intakeRecord(
  event: unknown,
  intakeUserId: string,
  position: number,
): { readonly eventId: string; readonly record: ServerReportRecord } | undefined {
  if (typeof event !== "object" || event === null) return undefined;
  const e = event as Record<string, unknown>;
  const content = e["content"] as Record<string, unknown> | null | undefined;
  if (
    e["type"] !== REPORT_PART_EVENT_TYPE ||
    e["sender"] !== intakeUserId ||
    typeof e["event_id"] !== "string" ||
    typeof e["origin_server_ts"] !== "number" ||
    typeof content?.["part"] !== "string"
  ) {
    return undefined;
  }
  return {
    eventId: e["event_id"],
    record: {
      id: position,
      receivedAt: e["origin_server_ts"],
      filedBy: null,
      target: { kind: "intake" },
      reason: content["part"],
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
  /** How it arrived: Matrix's report API, or the report intake (which withholds who sent it). */
  readonly channel: "report-api" | "intake";
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

/** Opens every complete report in a listing with the team's keys. Never throws on bad data. */
export async function openReportListing(
  listing: ServerReportListing,
  keyPair: ModerationKeyPair | readonly ModerationKeyPair[],
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
      channel: records.every((r) => r.target.kind === "intake") ? "intake" : "report-api",
      opened: received.opened,
      receivedAt: Math.min(...records.map((r) => r.receivedAt)),
      filedBy: [...new Set(records.flatMap((r) => (r.filedBy === null ? [] : [r.filedBy])))],
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

/**
 * Opens a listing with every key on the device (after a rotation, older
 * reports are sealed to an older key; a team report opens with any current
 * key): per report, whichever key has a slot in it opens it.
 */
export async function openWithKeys(
  listing: ServerReportListing,
  keyPairs: readonly ModerationKeyPair[],
): Promise<OpenedInbox> {
  if (keyPairs.length === 0) throw new TypeError("no keys");
  return openReportListing(listing, keyPairs);
}

function checksFor(
  opened: OpenedReport,
  records: readonly ServerReportRecord[],
  serverEventSender: string | null,
): ServerChecks {
  if (!opened.ok) return { filedByNamedReporter: null, targetMatches: null, senderMatches: null };
  const { evidence, notice } = opened.bundle;
  const reporter = notice.reporter;
  const viaIntake = records.every((r) => r.target.kind === "intake");
  const filedByNamedReporter =
    reporter.kind === "identified" && !viaIntake
      ? records.every((r) => r.filedBy === reporter.userId)
      : null;
  const targetMatches = viaIntake
    ? null
    : records.every((r) =>
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

/**
 * matchesDeployment: whether a key on this device is one of the team keys the
 * deployment seals to now (null: no public key is configured to compare with);
 * keyCount: how many keys this device holds (more than one after a rotation).
 */
export type ModeratorKeyStatus = {
  readonly matchesDeployment: boolean | null;
  readonly keyCount: number;
};

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
  /** Report ID -> when it was handled: the team's shared status, else this device's note. */
  handled(): ReadonlyMap<string, number>;
  /** Which moderator marked it handled, per the team's shared status; undefined if not known. */
  handledBy(reportId: string): string | undefined;
  /** Handled/reopened are shared with the team (a moderation room is configured). */
  readonly sharesStatus: boolean;
  /** With a note for the team (TEAM), shared with the status; blank: none. */
  markHandled(reportId: string, at: number, note?: string): void;
  reopen(reportId: string): void;
  /**
   * The outcome for the reporter (OUT): marks the report handled and shares
   * the chosen outcome, and whether it reached the reporter's mailbox, with
   * the team in the same status.
   */
  recordOutcome(reportId: string, at: number, outcome: StatusOutcome, note?: string): void;
  /** The outcome the team chose for a report (latest status), if any. */
  outcomeOf(reportId: string): StatusOutcome | undefined;
  /**
   * TEAM: the team's statuses and notes on a report, newest first (the
   * moderation room's sealed statuses; empty without a room).
   */
  history(reportId: string): readonly TeamStatusEntry[];
  /**
   * TEAM: a short note for the team on a report, posted with its current
   * state (handled stays handled). False when there is no moderation room.
   */
  addNote(reportId: string, note: string, at: number): boolean;
};

/** One line of a report's team history: who set what, when, with which note. */
export type TeamStatusEntry = {
  /** What the status did: handled, opened again, or a note beside the same state. */
  readonly kind: "handled" | "reopened" | "note";
  readonly at: number;
  /** The moderator's Matrix user ID. */
  readonly by: string;
  /** Their display name in the moderation room, if they set one. */
  readonly name?: string | null;
  readonly note: string | null;
};

/**
 * A report's statuses as history lines, newest first: a status that keeps the
 * state of the one before is a note; the first "open" is a note too (a report
 * starts open).
 */
export function teamHistory(statuses: readonly ModerationStatus[]): TeamStatusEntry[] {
  const oldestFirst = [...statuses].sort((a, b) => a.at - b.at || a.by.localeCompare(b.by));
  let state: ModerationStatus["state"] = "open";
  const entries = oldestFirst.map((status): TeamStatusEntry => {
    const kind =
      status.state === state ? "note" : status.state === "handled" ? "handled" : "reopened";
    state = status.state;
    return { kind, at: status.at, by: status.by, note: status.note };
  });
  return entries.reverse();
}

export function createModerationService(options: {
  readonly userId: string;
  readonly api: ModerationAdminApi;
  /** The moderation room the report intake posts into; undefined: no intake here. */
  readonly room?: ModerationRoomApi | undefined;
  readonly store: ModeratorDeviceStore;
  /** The team keys this deployment seals reports to (base64url, comma-separated), if configured. */
  readonly deploymentPublicKey: string | undefined;
}): ModerationService {
  const { api, store, deploymentPublicKey } = options;
  /** The team keys the deployment seals to now (empty: none configured). */
  const deploymentKeys =
    deploymentPublicKey === undefined ? [] : deploymentPublicKey.split(",").filter((k) => k !== "");
  let admin: Promise<boolean> | undefined;
  /** The team's latest status per report, from the moderation room's sealed statuses. */
  let team = new Map<string, ModerationStatus>();
  /** TEAM: every status per report (the notes' history), in the order read. */
  let teamAll = new Map<string, ModerationStatus[]>();
  /** TEAM: the moderation room's members' display names, for the history. */
  let memberNames: ReadonlyMap<string, string | null> = new Map();
  const readTeamStatuses = async (
    sealed: readonly unknown[],
    keyPairs: readonly ModerationKeyPair[],
  ): Promise<void> => {
    const latest = new Map<string, ModerationStatus>();
    const all = new Map<string, ModerationStatus[]>();
    for (const text of sealed) {
      const status = await openModerationStatus(text, keyPairs);
      if (status === undefined) continue;
      all.set(status.reportId, [...(all.get(status.reportId) ?? []), status]);
      const known = latest.get(status.reportId);
      if (known === undefined || status.at > known.at) latest.set(status.reportId, status);
    }
    team = latest;
    teamAll = all;
  };
  /** Posts this moderator's status for the team; the local note stands if posting fails. */
  const share = (
    reportId: string,
    state: ModerationStatus["state"],
    at: number,
    outcome?: StatusOutcome,
    note: string | null = null,
  ): void => {
    const room = options.room;
    if (room === undefined) return;
    const status: ModerationStatus = {
      version: 1,
      reportId,
      state,
      at,
      by: options.userId,
      note,
      ...(outcome === undefined ? {} : { outcome }),
    };
    team.set(reportId, status);
    teamAll.set(reportId, [...(teamAll.get(reportId) ?? []), status]);
    void store
      .loadKeys()
      .then(async (keys) => {
        // Sealed to the team's current keys: those the deployment seals reports to,
        // so every moderator who can open the report can read its status; without
        // a configured list, to the newest key on this device.
        const configured = await moderationPublicKeysFromText(deploymentKeys.join(","));
        const newest = keys.at(-1)?.keyPair.publicKey;
        const recipients = configured ?? (newest === undefined ? [] : [newest]);
        if (recipients.length === 0) return;
        await room.postStatus(await sealModerationStatus(status, recipients));
      })
      .catch(() => undefined);
  };
  const status = (texts: readonly ModerationKeyText[]): ModeratorKeyStatus => ({
    matchesDeployment:
      deploymentPublicKey === undefined
        ? null
        : texts.some((text) => deploymentKeys.includes(text.publicKey)),
    keyCount: texts.length,
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
      const keys = await store.loadKeys();
      return keys.length === 0 ? undefined : status(keys.map((k) => k.text));
    },
    async importKey(input) {
      const parsed = await parseModeratorKeyInput(input);
      if (!parsed.ok) return parsed;
      store.saveKey(parsed.text);
      return { ok: true, status: status((await store.loadKeys()).map((k) => k.text)) };
    },
    forgetKey() {
      store.forgetKey();
    },
    async loadInbox() {
      const keys = await store.loadKeys();
      if (keys.length === 0) return { ok: false, problem: { kind: "no-key" } };
      const keyPairs = keys.map((k) => k.keyPair);
      const listing = await api.listReports();
      if (!listing.ok) return listing;
      const intake =
        options.room === undefined ? undefined : await options.room.listIntakeRecords();
      if (intake !== undefined && !intake.ok) return intake;
      const merged: ServerReportListing =
        intake === undefined
          ? listing.value
          : {
              ...listing.value,
              records: [...listing.value.records, ...intake.value.records],
              truncated: listing.value.truncated || intake.value.truncated,
            };
      if (options.room !== undefined) {
        const statuses = await options.room.listStatuses();
        if (statuses.ok) await readTeamStatuses(statuses.value, keyPairs);
        const members = await options.room.listMembers?.();
        if (members?.ok === true) memberNames = members.value;
      }
      return { ok: true, inbox: await openWithKeys(merged, keyPairs) };
    },
    handled: () => {
      // The team's status where there is one (the latest a moderator set), else this device's note.
      const merged = new Map(store.handled());
      for (const [reportId, status] of team) {
        if (status.state === "handled") merged.set(reportId, status.at);
        else merged.delete(reportId);
      }
      return merged;
    },
    sharesStatus: options.room !== undefined,
    handledBy: (reportId) => {
      const status = team.get(reportId);
      return status?.state === "handled" ? status.by : undefined;
    },
    markHandled: (reportId, at, note) => {
      store.markHandled(reportId, at);
      const trimmed = note?.trim().slice(0, MAX_STATUS_NOTE_LENGTH) ?? "";
      share(reportId, "handled", at, undefined, trimmed === "" ? null : trimmed);
    },
    reopen: (reportId) => {
      store.reopen(reportId);
      share(reportId, "open", Date.now());
    },
    recordOutcome: (reportId, at, outcome, note) => {
      store.markHandled(reportId, at);
      // A note typed for the team goes along, as with "Afgehandeld"; never to the reporter.
      const trimmed = note?.trim().slice(0, MAX_STATUS_NOTE_LENGTH) ?? "";
      share(reportId, "handled", at, outcome, trimmed === "" ? null : trimmed);
    },
    outcomeOf: (reportId) => {
      const status = team.get(reportId);
      return status?.state === "handled" ? status.outcome : undefined;
    },
    history: (reportId) =>
      teamHistory(teamAll.get(reportId) ?? []).map((entry) => ({
        ...entry,
        name: memberNames.get(entry.by) ?? null,
      })),
    addNote: (reportId, note, at) => {
      const trimmed = note.trim().slice(0, MAX_STATUS_NOTE_LENGTH);
      if (options.room === undefined || trimmed === "") return false;
      const state =
        team.get(reportId)?.state ?? (store.handled().has(reportId) ? "handled" : "open");
      share(reportId, state, at, undefined, trimmed);
      return true;
    },
  };
}
