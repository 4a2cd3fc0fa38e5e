// Services layer, reporting: where the outbox keeps reports until (and after)
// they are delivered. The outbox only confirms a report once `put` has
// resolved, so `put` must resolve only when the record is durable.

import {
  parseReportBundle,
  type ReportBundle,
  type ReportTarget,
} from "@safety-by-design/protocol";
import type { DeliveryProblem } from "./transport.ts";

export type OutboxState = "queued" | "sending" | "delivered" | "failed-permanently";

export type ReportChannel = "report-api" | "intake";

/**
 * A report with images or files, stored at the tap before anything is
 * uploaded (never lost, RMEDIA): the bundle as made then, its media pointing
 * at a placeholder, and per item the copy already encrypted under its fresh
 * key (the key, IV and digest are in the bundle's `media[i].file`). The
 * outbox uploads each copy, remembers its mxc URI (a retry never uploads a
 * copy twice), seals the bundle and drops all of this. Neither the sender's
 * key nor the picture's plaintext is kept.
 */
export type PendingMedia = {
  readonly bundle: ReportBundle;
  readonly items: readonly {
    readonly ciphertext: Uint8Array<ArrayBuffer>;
    /** Null until the upload went through. */
    readonly url: string | null;
  }[];
};

export type OutboxRecord = {
  readonly reportId: string;
  readonly createdAt: number;
  /**
   * The sealed bundle's category, as a local label only (the sealed parts are
   * what is delivered). Any text, not the current list: a report stored under
   * an older bundle version (whose categories differ) must still be sent.
   */
  readonly category: string;
  readonly target: ReportTarget;
  /**
   * How the parts travel: Matrix's report API (which records who filed), or
   * the report intake for a report that withholds the reporter. Records
   * stored before the intake existed have none: the report API.
   */
  readonly channel: ReportChannel;
  /**
   * Media still to upload before the report can be sealed; absent once sealed
   * (and for reports without media). While present, `parts` is empty.
   */
  readonly pendingMedia?: PendingMedia;
  /** The sealed parts still to be sent; emptied once delivered (the server has them). */
  readonly parts: readonly string[];
  readonly partsTotal: number;
  /** Parts the server acknowledged; a resumed report continues after them. */
  readonly partsDelivered: number;
  readonly state: OutboxState;
  /** Delivery attempts so far, across reloads. */
  readonly attempts: number;
  /** Retryable failures in a row; sets the backoff, reset by any progress. */
  readonly consecutiveFailures: number;
  /** Not before this time (ms since the epoch); 0 = now. */
  readonly nextAttemptAt: number;
  readonly lastError: DeliveryProblem | null;
  readonly deliveredAt: number | null;
};

export type ReportStore = {
  get(reportId: string): Promise<OutboxRecord | undefined>;
  /** Resolves once the record is stored durably; rejects if it could not be. */
  put(record: OutboxRecord): Promise<void>;
  list(): Promise<readonly OutboxRecord[]>;
};

/** For tests and for a session without storage: survives a new outbox, not a page load. */
export function createMemoryReportStore(): ReportStore {
  const records = new Map<string, OutboxRecord>();
  // Copies in and out, as a real store would: no caller shares an object with it.
  return {
    get: (reportId) => {
      const record = records.get(reportId);
      return Promise.resolve(record === undefined ? undefined : structuredClone(record));
    },
    put: (record) => {
      records.set(record.reportId, structuredClone(record));
      return Promise.resolve();
    },
    list: () => Promise.resolve([...records.values()].map((r) => structuredClone(r))),
  };
}

const STATES: readonly OutboxState[] = ["queued", "sending", "delivered", "failed-permanently"];

/**
 * Reads a stored record back (storage written by an older version, or
 * altered, must not crash the outbox); undefined if it is not one.
 */
export function parseOutboxRecord(value: unknown): OutboxRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const count = (v: unknown): v is number =>
    typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  const parts = r["parts"];
  const state = STATES.find((s) => s === r["state"]);
  const target = parseTarget(r["target"]);
  const lastError = parseProblem(r["lastError"]);
  if (
    typeof r["reportId"] !== "string" ||
    !count(r["createdAt"]) ||
    typeof r["category"] !== "string" ||
    target === undefined ||
    !Array.isArray(parts) ||
    !parts.every((p): p is string => typeof p === "string") ||
    !count(r["partsTotal"]) ||
    !count(r["partsDelivered"]) ||
    state === undefined ||
    !count(r["attempts"]) ||
    !count(r["consecutiveFailures"]) ||
    !count(r["nextAttemptAt"]) ||
    lastError === undefined ||
    !(r["deliveredAt"] === null || count(r["deliveredAt"]))
  ) {
    return undefined;
  }
  const pendingMedia =
    r["pendingMedia"] === undefined ? undefined : parsePending(r["pendingMedia"]);
  if (pendingMedia === null) return undefined;
  // A pending record must still hold every part it has not sent (or what makes them).
  if (pendingMedia === undefined && state !== "delivered" && parts.length !== r["partsTotal"])
    return undefined;
  return {
    reportId: r["reportId"],
    createdAt: r["createdAt"],
    category: r["category"],
    target,
    channel: r["channel"] === "intake" ? "intake" : "report-api",
    ...(pendingMedia === undefined ? {} : { pendingMedia }),
    parts,
    partsTotal: r["partsTotal"],
    partsDelivered: r["partsDelivered"],
    state,
    attempts: r["attempts"],
    consecutiveFailures: r["consecutiveFailures"],
    nextAttemptAt: r["nextAttemptAt"],
    lastError,
    deliveredAt: r["deliveredAt"],
  };
}

/** null: malformed (the bundle is checked by the moderators' own parser). */
function parsePending(value: unknown): PendingMedia | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const bundle = parseReportBundle(v["bundle"]);
  const items = v["items"];
  if (!bundle.ok || !Array.isArray(items) || items.length !== (bundle.bundle.media?.length ?? 0))
    return null;
  const parsed: PendingMedia["items"][number][] = [];
  for (const item of items as unknown[]) {
    if (typeof item !== "object" || item === null) return null;
    const i = item as Record<string, unknown>;
    const ciphertext = i["ciphertext"];
    const url = i["url"];
    if (!(ciphertext instanceof Uint8Array) || !(url === null || typeof url === "string"))
      return null;
    parsed.push({ ciphertext: new Uint8Array(ciphertext), url });
  }
  return { bundle: bundle.bundle, items: parsed };
}

function parseTarget(value: unknown): ReportTarget | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const t = value as Record<string, unknown>;
  if (t["kind"] === "event" && typeof t["roomId"] === "string" && typeof t["eventId"] === "string")
    return { kind: "event", roomId: t["roomId"], eventId: t["eventId"] };
  if (t["kind"] === "user" && typeof t["userId"] === "string")
    return { kind: "user", userId: t["userId"] };
  return undefined;
}

/** undefined: malformed; null: no error recorded. */
function parseProblem(value: unknown): DeliveryProblem | null | undefined {
  if (value === null) return null;
  if (typeof value !== "object") return undefined;
  const p = value as Record<string, unknown>;
  const status = p["status"];
  const errcode = p["errcode"];
  const message = p["message"];
  if (
    (status === null || typeof status === "number") &&
    (errcode === null || typeof errcode === "string") &&
    typeof message === "string"
  ) {
    return { status, errcode, message };
  }
  return undefined;
}
