// Services layer, reporting: the outcome of a report, back on the reporter's
// device (issue 18, acceptance 3; protocol report/outcome.ts). Every report
// gets a reply channel of its own: a fresh X25519 key pair and a random
// mailbox ID, made here when the report is filed, the secret half kept in
// this user's IndexedDB beside the never-lose outbox, the public half and the
// mailbox sealed into the bundle. The moderators leave the outcome, sealed
// to that key, in the mailbox at the report intake; this service fetches it
// (on start, when "Mijn meldingen" opens, and every few minutes while it is
// open), opens it, stores it durably, and only then tells the intake to
// delete it: an outcome is never lost between the two.
//
// A mailbox expires (protocol OUTCOME_MAILBOX_RETENTION_DAYS, the intake's
// retention): once the report is that old, this device drops its reply key
// (an outcome that came stays readable), so no secret is kept forever and
// the device stops asking an intake that would answer nothing.
//
// Fetching asks for no account on purpose: the mailbox ID is the capability,
// and an account on the request would tie the reporter to the report.

import {
  createReplyKeyPair,
  isMailboxId,
  openReportOutcome,
  OUTCOME_MAILBOX_RETENTION_DAYS,
  parseReportOutcome,
  type ReplyKeyPair,
  type ReportOutcome,
} from "@safety-by-design/protocol";
import { openIndexedDbStore } from "../storage/indexedDbStore.ts";

/** What this device keeps per report: the reply key and, once it came, the outcome. */
export type ReplyRecord = {
  readonly reportId: string;
  readonly mailbox: string;
  /** X25519, base64url. */
  readonly publicKey: string;
  /** X25519, 32 bytes: never leaves this device; null once the mailbox expired (dropped). */
  readonly secretKey: Uint8Array | null;
  /** When this device kept the key (ms), the start of the mailbox's life; null: kept before this was recorded. */
  readonly keptAt: number | null;
  readonly outcome: ReportOutcome | null;
  /** When this device stored the outcome (ms). */
  readonly receivedAt: number | null;
  /** Whether the person saw it in "Mijn meldingen" (the unread dot until then). */
  readonly seen: boolean;
  /** Whether the intake confirmed it deleted the mailbox's copy. */
  readonly acknowledged: boolean;
};

export type ReplyStore = {
  /** Resolves once the record is stored durably; rejects if it could not be. */
  put(record: ReplyRecord): Promise<void>;
  list(): Promise<readonly ReplyRecord[]>;
};

/** Reads a stored record back; undefined when it is not one (skipped, never a crash). */
export function parseReplyRecord(value: unknown): ReplyRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const secretKey = r["secretKey"];
  const outcome = r["outcome"] === null ? null : parseReportOutcome(r["outcome"]);
  const receivedAt = r["receivedAt"];
  const keptAt = r["keptAt"] ?? null;
  if (
    typeof r["reportId"] !== "string" ||
    !/^[0-9a-f]{32}$/.test(r["reportId"]) ||
    !isMailboxId(r["mailbox"]) ||
    typeof r["publicKey"] !== "string" ||
    !(secretKey === null || (secretKey instanceof Uint8Array && secretKey.length === 32)) ||
    !(keptAt === null || (typeof keptAt === "number" && Number.isSafeInteger(keptAt))) ||
    outcome === undefined ||
    !(receivedAt === null || (typeof receivedAt === "number" && Number.isSafeInteger(receivedAt)))
  ) {
    return undefined;
  }
  return {
    reportId: r["reportId"],
    mailbox: r["mailbox"],
    publicKey: r["publicKey"],
    secretKey,
    keptAt,
    outcome,
    receivedAt,
    seen: r["seen"] === true,
    acknowledged: r["acknowledged"] === true,
  };
}

export function createMemoryReplyStore(): ReplyStore {
  const records = new Map<string, ReplyRecord>();
  return {
    put: (record) => {
      records.set(record.reportId, structuredClone(record));
      return Promise.resolve();
    },
    list: () =>
      Promise.resolve(
        [...records.values()].flatMap((r) => parseReplyRecord(structuredClone(r)) ?? []),
      ),
  };
}

/** Beside the outbox's `sbd-<userId>-reports`. */
export function replyDatabaseName(userId: string): string {
  return `sbd-${userId}-replies`;
}

const STORE = "replies";

/** One IndexedDB database per user; writes ask for strict durability, like the outbox's. */
export function createIndexedDbReplyStore(options: {
  readonly databaseName: string;
  readonly indexedDB?: IDBFactory;
}): ReplyStore & { close(): void } {
  const { run, close } = openIndexedDbStore({
    factory: options.indexedDB ?? globalThis.indexedDB,
    databaseName: options.databaseName,
    version: 1,
    storeName: STORE,
    keyPath: "reportId",
    durability: "strict",
    what: "the reply store",
  });
  return {
    async put(record) {
      await run("readwrite", (store) => store.put(record));
    },
    async list() {
      const values: unknown[] = await run("readonly", (store) => store.getAll());
      return values.flatMap((value) => parseReplyRecord(value) ?? []);
    },
    close,
  };
}

/** The intake's outcome mailboxes, as the reporter's device uses them (no account). */
export type OutcomeMailbox = {
  /** "empty": nothing there (yet); "unreachable": ask again later. */
  fetch(
    mailbox: string,
  ): Promise<
    | { readonly kind: "sealed"; readonly sealed: string }
    | { readonly kind: "empty" }
    | { readonly kind: "unreachable" }
  >;
  /** True once the intake confirmed it deleted the mailbox's copy. */
  acknowledge(mailbox: string): Promise<boolean>;
};

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createFetchOutcomeMailbox(options: {
  readonly intakeUrl: string;
  readonly fetch?: Fetch;
  readonly timeoutMs?: number;
}): OutcomeMailbox {
  const base = options.intakeUrl.replace(/\/+$/, "");
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  // No credentials, no cookies, no referrer: nothing but the mailbox ID goes.
  const request = (mailbox: string, method: "GET" | "DELETE") =>
    fetchImpl(`${base}/v1/outcomes/${mailbox}`, {
      method,
      credentials: "omit",
      referrerPolicy: "no-referrer",
      signal: AbortSignal.timeout(timeoutMs),
    });
  return {
    async fetch(mailbox) {
      try {
        const response = await request(mailbox, "GET");
        if (response.status === 404) return { kind: "empty" };
        if (!response.ok) return { kind: "unreachable" };
        const body = (await response.json()) as { sealed?: unknown };
        return typeof body.sealed === "string"
          ? { kind: "sealed", sealed: body.sealed }
          : { kind: "unreachable" };
      } catch {
        return { kind: "unreachable" };
      }
    },
    async acknowledge(mailbox) {
      try {
        return (await request(mailbox, "DELETE")).ok;
      } catch {
        return false;
      }
    },
  };
}

/** Per report: the outcome this device holds, and whether it was seen. */
export type ReportOutcomeEntry = {
  readonly outcome: ReportOutcome;
  readonly receivedAt: number;
  readonly seen: boolean;
};

/** Immutable; a new object whenever anything changed. */
export type ReportOutcomesSnapshot = {
  readonly byReport: ReadonlyMap<string, ReportOutcomeEntry>;
  /** Reports that have a reply channel on this device (an outcome can come back). */
  readonly withReply: ReadonlySet<string>;
  /** Outcomes not yet seen in "Mijn meldingen". */
  readonly unseen: number;
};

export type ReportOutcomes = {
  /** A fresh reply channel for one report (never reused). */
  createReply(): Promise<ReplyKeyPair>;
  /** Stores the reply key for a report; resolves once durable, rejects if not. */
  keepReply(reportId: string, reply: ReplyKeyPair): Promise<void>;
  /** Asks each mailbox once; stores what came, then lets the intake delete it. Never throws. */
  check(): Promise<void>;
  /** The person saw the list: no unread dot until a new outcome comes. */
  markSeen(): Promise<void>;
  getSnapshot(): ReportOutcomesSnapshot;
  subscribe(listener: () => void): () => void;
};

export function createReportOutcomes(options: {
  readonly store: ReplyStore;
  /** Undefined: no intake here, so no outcome can come back (reports carry no reply channel). */
  readonly mailbox: OutcomeMailbox | undefined;
  readonly now?: () => number;
  /** How long a mailbox lives (ms); the intake's retention. */
  readonly retentionMs?: number;
}): ReportOutcomes {
  const { store, mailbox } = options;
  const now = options.now ?? (() => Date.now());
  const retentionMs = options.retentionMs ?? OUTCOME_MAILBOX_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  const listeners = new Set<() => void>();
  let snapshot: ReportOutcomesSnapshot = { byReport: new Map(), withReply: new Set(), unseen: 0 };
  let checking: Promise<void> | undefined;

  const publish = (records: readonly ReplyRecord[]): void => {
    const byReport = new Map<string, ReportOutcomeEntry>();
    for (const r of records) {
      if (r.outcome !== null && r.receivedAt !== null) {
        byReport.set(r.reportId, { outcome: r.outcome, receivedAt: r.receivedAt, seen: r.seen });
      }
    }
    snapshot = {
      byReport,
      withReply: new Set(records.filter((r) => r.secretKey !== null).map((r) => r.reportId)),
      unseen: [...byReport.values()].filter((e) => !e.seen).length,
    };
    for (const listener of listeners) listener();
  };
  const reload = async (): Promise<void> => {
    publish(await store.list());
  };

  /** The record with its key dropped once its mailbox expired; the start of its life noted if missing. */
  const expire = async (record: ReplyRecord): Promise<ReplyRecord> => {
    if (record.secretKey === null) return record;
    if (record.keptAt === null) {
      // Kept before the start was recorded: its life counts from now.
      const noted = { ...record, keptAt: now() };
      await store.put(noted);
      return noted;
    }
    if (now() - record.keptAt < retentionMs) return record;
    record.secretKey.fill(0);
    const dropped = { ...record, secretKey: null };
    await store.put(dropped);
    return dropped;
  };

  const checkOne = async (kept: ReplyRecord, box: OutcomeMailbox): Promise<void> => {
    const record = await expire(kept);
    if (record.secretKey === null) return;
    const answer = await box.fetch(record.mailbox);
    if (answer.kind !== "sealed") return;
    const reply: ReplyKeyPair = {
      channel: { mailbox: record.mailbox, publicKey: record.publicKey },
      secretKey: record.secretKey,
    };
    const outcome = await openReportOutcome(answer.sealed, reply, record.reportId);
    // Something that does not open with this report's key is not its outcome: leave it.
    if (outcome === undefined) return;
    const known = record.outcome;
    const newer = known === null || outcome.decidedAt > known.decidedAt;
    const stored: ReplyRecord = newer
      ? { ...record, outcome, receivedAt: now(), seen: false, acknowledged: false }
      : record;
    // Stored first; only a stored outcome is deleted at the intake.
    if (newer) await store.put(stored);
    if (await box.acknowledge(record.mailbox)) {
      await store.put({ ...stored, acknowledged: true });
    }
  };

  return {
    createReply: () => createReplyKeyPair(),
    async keepReply(reportId, reply) {
      await store.put({
        reportId,
        mailbox: reply.channel.mailbox,
        publicKey: reply.channel.publicKey,
        secretKey: reply.secretKey,
        keptAt: now(),
        outcome: null,
        receivedAt: null,
        seen: false,
        acknowledged: false,
      });
      await reload().catch(() => undefined);
    },
    check() {
      // One check at a time: a second call waits for the running one.
      checking ??= (async () => {
        try {
          const records = await store.list();
          for (const record of records) {
            await (mailbox === undefined ? expire(record) : checkOne(record, mailbox)).catch(
              () => undefined,
            );
          }
          await reload();
        } catch {
          // The store could not be read: the list shows what it had; the next check tries again.
        } finally {
          checking = undefined;
        }
      })();
      return checking;
    },
    async markSeen() {
      const records = await store.list().catch(() => []);
      const unseen = records.filter((r) => r.outcome !== null && !r.seen);
      for (const record of unseen)
        await store.put({ ...record, seen: true }).catch(() => undefined);
      if (unseen.length > 0) await reload().catch(() => undefined);
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** A session without storage or intake: no reply channels, nothing ever comes back. */
export function noReportOutcomes(): ReportOutcomes {
  const snapshot: ReportOutcomesSnapshot = { byReport: new Map(), withReply: new Set(), unseen: 0 };
  return {
    createReply: () => Promise.reject(new Error("no reply channel here")),
    keepReply: () => Promise.reject(new Error("no reply channel here")),
    check: () => Promise.resolve(),
    markSeen: () => Promise.resolve(),
    getSnapshot: () => snapshot,
    subscribe: () => () => undefined,
  };
}
