// Services layer, reporting: the outbox that makes a tapped report reach the
// (Over 400 lines: the never-lose state machine for reports: its states and transitions must be read together.)
// moderators ("nothing lost"). A report is stored before `enqueue` resolves,
// so the UI confirms only what is on disk; it is then delivered with
// exponential backoff across offline periods, homeserver restarts and
// reloads (a new outbox resumes everything pending).
//
// Exactly once, as far as the outbox can make it: a delivered report is
// never sent again, and a report is delivered part by part with each
// acknowledged part recorded, so a retry resumes after the last part the
// server took. One window remains: a crash after the server acknowledged a
// part and before the record says so sends that part once more. The part is
// the same bytes (sealed once, at enqueue), and moderators de-duplicate by
// the report ID inside it (the protocol's readReportReasons does).
//
// A report with images or files (RMEDIA) is stored at the tap too, before
// any upload: its bundle and each copy, encrypted under a fresh key
// (`pendingMedia`). An attempt first uploads each copy not uploaded yet and
// records its mxc URI (so a retry never uploads one twice), then seals the
// bundle (the sealer the filer attaches) and goes on as above. Uploads take
// the report's channel: a report that withholds the reporter uploads only
// through the intake.
//
// Several tabs of one user share the store. Each attempt takes a Web Lock
// named after the report (when the browser has the Web Locks API) and
// re-reads the record inside it, so two tabs never send the same report at
// the same time, and a tab skips what another already delivered.

import {
  targetOf,
  type PreparedReport,
  type PrepareResult,
  type ReportBundle,
  type ReportTarget,
} from "@safety-by-design/protocol";
import type { OutboxRecord, OutboxState, ReportChannel, ReportStore } from "./reportStore.ts";
import type {
  DeliveryProblem,
  DeliveryResult,
  MediaUploadResult,
  ReportTransport,
} from "./transport.ts";

export type ReportStatus = {
  readonly reportId: string;
  readonly createdAt: number;
  readonly category: OutboxRecord["category"];
  readonly target: ReportTarget;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly partsDelivered: number;
  readonly partsTotal: number;
  /** Images or files still to upload before the report is sealed (RMEDIA); absent: none. */
  readonly mediaToUpload?: number;
  readonly lastError: DeliveryProblem | null;
  /** When the next attempt is due (ms since the epoch); null unless queued. */
  readonly nextAttemptAt: number | null;
  readonly deliveredAt: number | null;
};

/** Immutable; a new object whenever anything changed (for useSyncExternalStore). */
export type OutboxSnapshot = {
  /** Oldest first. */
  readonly reports: readonly ReportStatus[];
};

export type Clock = { now(): number };

export type Timer = {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** Runs `work` while holding an exclusive lock called `name` (across tabs in a browser). */
export type Lock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

export type BackoffPolicy = {
  /** The first retry waits between half of this and this. */
  readonly baseMs: number;
  /** The wait doubles per failure in a row up to this cap (then jittered down to half). */
  readonly maxMs: number;
  /** A server's Retry-After is honoured up to this (a bogus huge value must not park a report). */
  readonly retryAfterCeilingMs: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1_000,
  maxMs: 120_000,
  retryAfterCeilingMs: 3_600_000,
};

/** Never retry sooner than this, even when a server says "retry after 0 ms". */
const MIN_DELAY_MS = 250;

export type OutboxLogger = { warn(message: string, error?: unknown): void };

/**
 * Seals a report's bundle once its media is uploaded, into the parts for its
 * channel (signed for a named report, cut for the intake for a withheld one).
 * The filer makes it: it holds the moderation and signing keys.
 */
export type ReportSealer = (bundle: ReportBundle, channel: ReportChannel) => Promise<PrepareResult>;

/** A report with media as the filer hands it over at the tap (RMEDIA). */
export type MediaReportDraft = {
  /** Its media's `file.url` is a placeholder until the copies are uploaded. */
  readonly bundle: ReportBundle;
  readonly channel: ReportChannel;
  /** Per `bundle.media[i]`, the copy encrypted under that item's key. */
  readonly ciphertexts: readonly Uint8Array<ArrayBuffer>[];
};

export type ReportOutboxOptions = {
  readonly store: ReportStore;
  readonly transport: ReportTransport;
  readonly clock?: Clock;
  readonly timer?: Timer;
  /** In [0, 1): the jitter of each backoff. */
  readonly random?: () => number;
  readonly lock?: Lock;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly logger?: OutboxLogger;
  /** Seals reports stored with media; may also come later (`attachSealer`). */
  readonly sealer?: ReportSealer | undefined;
};

const systemClock: Clock = { now: () => Date.now() };

const systemTimer: Timer = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

/** The Web Locks API when present (browsers, Node >= 22); otherwise no cross-tab lock. */
export function defaultLock(): Lock {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks === undefined) return (_name, work) => work();
  return (name, work) => locks.request(name, work);
}

const silentLogger: OutboxLogger = { warn: () => undefined };

/** A report just stored: nothing tried yet, due now. */
const FRESH = {
  partsDelivered: 0,
  state: "queued",
  attempts: 0,
  consecutiveFailures: 0,
  nextAttemptAt: 0,
  lastError: null,
  deliveredAt: null,
} as const satisfies Partial<OutboxRecord>;

export class ReportOutbox {
  readonly #store: ReportStore;
  readonly #transport: ReportTransport;
  readonly #clock: Clock;
  readonly #timer: Timer;
  readonly #random: () => number;
  readonly #lock: Lock;
  readonly #backoff: BackoffPolicy;
  readonly #logger: OutboxLogger;
  #sealer: ReportSealer | undefined;

  readonly #records = new Map<string, OutboxRecord>();
  readonly #listeners = new Set<() => void>();
  #snapshot: OutboxSnapshot = { reports: [] };
  #running: Promise<void> | undefined;
  #runAgain = false;
  #timerHandle: unknown;
  #hasTimer = false;
  #stopped = false;

  private constructor(options: ReportOutboxOptions) {
    this.#store = options.store;
    this.#transport = options.transport;
    this.#clock = options.clock ?? systemClock;
    this.#timer = options.timer ?? systemTimer;
    this.#random = options.random ?? Math.random;
    this.#lock = options.lock ?? defaultLock();
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#logger = options.logger ?? silentLogger;
    this.#sealer = options.sealer;
  }

  /** The filer's sealer: reports with media stored before (a reload) continue from here. */
  attachSealer(sealer: ReportSealer): void {
    this.#sealer = sealer;
    this.#kick();
  }

  /** Loads the store and resumes every report that is not delivered yet. */
  static async start(options: ReportOutboxOptions): Promise<ReportOutbox> {
    const outbox = new ReportOutbox(options);
    await outbox.#load();
    outbox.#kick();
    return outbox;
  }

  /**
   * Stores the report, then starts delivering it. Resolves only once it is
   * stored (show "sent" only then); rejects if it could not be stored.
   * Enqueuing a report ID the outbox already has changes nothing.
   */
  async enqueue(
    report: PreparedReport,
    channel: ReportChannel = "report-api",
  ): Promise<ReportStatus> {
    checkPrepared(report);
    return this.#storeNew({
      reportId: report.reportId,
      createdAt: report.createdAt,
      category: report.category,
      target: report.target,
      channel,
      parts: [...report.parts],
      partsTotal: report.parts.length,
      ...FRESH,
    });
  }

  /**
   * Stores a report with images or files before anything is uploaded, then
   * starts uploading, sealing and delivering it. Resolves once it is stored.
   */
  async enqueueWithMedia(draft: MediaReportDraft): Promise<ReportStatus> {
    const { bundle, channel, ciphertexts } = draft;
    if (
      !/^[0-9a-f]{32}$/.test(bundle.reportId) ||
      ciphertexts.length === 0 ||
      ciphertexts.length !== (bundle.media?.length ?? 0)
    ) {
      throw new TypeError("not a report with media: one ciphertext per media item");
    }
    return this.#storeNew({
      reportId: bundle.reportId,
      createdAt: bundle.createdAt,
      category: bundle.category,
      target: targetOf(bundle),
      channel,
      pendingMedia: { bundle, items: ciphertexts.map((ciphertext) => ({ ciphertext, url: null })) },
      parts: [],
      // Not known before sealing; at least one.
      partsTotal: 1,
      ...FRESH,
    });
  }

  // Enqueuing a report ID the outbox already has changes nothing.
  async #storeNew(record: OutboxRecord): Promise<ReportStatus> {
    const known = this.#records.get(record.reportId) ?? (await this.#store.get(record.reportId));
    if (known !== undefined) {
      // Stored by another tab (or an earlier session): take it on here too.
      if (!this.#records.has(known.reportId)) {
        this.#set(asResumed(known));
        this.#kick();
      }
      return statusOf(this.#records.get(known.reportId) ?? known);
    }
    await this.#store.put(record);
    this.#set(record);
    this.#kick();
    return statusOf(record);
  }

  /** Whether the transport can upload reported media for this channel (RMEDIA). */
  canUploadMedia(channel: ReportChannel): boolean {
    return channel === "intake"
      ? this.#transport.uploadMediaToIntake !== undefined
      : this.#transport.uploadMedia !== undefined;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  getSnapshot(): OutboxSnapshot {
    return this.#snapshot;
  }

  /**
   * Try now: call when the browser comes back online or the homeserver is
   * known to be back. Also picks up reports another tab stored and left.
   */
  async wake(): Promise<void> {
    await this.#load();
    const now = this.#clock.now();
    for (const record of this.#records.values()) {
      if (record.state === "queued" && record.nextAttemptAt > now) {
        this.#set({ ...record, nextAttemptAt: now });
      }
    }
    this.#kick();
  }

  /** Puts a permanently failed report back in the queue (the reporter asked to try again). */
  async retry(reportId: string): Promise<void> {
    const record = this.#records.get(reportId);
    if (record?.state !== "failed-permanently") return;
    const queued: OutboxRecord = {
      ...record,
      state: "queued",
      consecutiveFailures: 0,
      nextAttemptAt: 0,
    };
    await this.#store.put(queued);
    this.#set(queued);
    this.#kick();
  }

  /** Resolves when no attempt is running (a later one may still be scheduled). */
  async whenIdle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** Stops scheduling; an attempt in flight finishes and records its result. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
    this.#listeners.clear();
  }

  // -------------------------------------------------------------------------

  async #load(): Promise<void> {
    const stored = await this.#store.list();
    for (const record of stored) {
      const mine = this.#records.get(record.reportId);
      // Only fill in what this outbox does not know or what another tab has finished.
      if (
        mine === undefined ||
        (mine.state === "queued" &&
          (record.state === "delivered" || record.state === "failed-permanently"))
      ) {
        this.#set(asResumed(record));
      }
    }
  }

  #kick(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) {
      this.#runAgain = true;
      return;
    }
    this.#clearTimer();
    this.#running = (async () => {
      try {
        await this.#drain();
      } catch (error) {
        this.#logger.warn("the report outbox stopped a run unexpectedly", error);
      } finally {
        this.#running = undefined;
        this.#schedule();
      }
    })();
  }

  // One attempt at a time: reports go out in order, and a slow or failing one
  // does not block the others (each waits for its own next attempt).
  async #drain(): Promise<void> {
    for (;;) {
      this.#runAgain = false;
      for (let next = this.#nextDue(); next !== undefined; next = this.#nextDue()) {
        await this.#attempt(next);
      }
      // Something was enqueued or woken while the last attempt ran.
      if (!this.#shouldRunAgain()) return;
    }
  }

  #shouldRunAgain(): boolean {
    return this.#runAgain && !this.#stopped;
  }

  #nextDue(): OutboxRecord | undefined {
    if (this.#stopped) return undefined;
    const now = this.#clock.now();
    let best: OutboxRecord | undefined;
    for (const record of this.#records.values()) {
      if (!this.#ready(record) || record.nextAttemptAt > now) continue;
      if (
        best === undefined ||
        record.nextAttemptAt < best.nextAttemptAt ||
        (record.nextAttemptAt === best.nextAttemptAt && record.createdAt < best.createdAt)
      ) {
        best = record;
      }
    }
    return best;
  }

  #schedule(): void {
    if (this.#stopped) return;
    let earliest: number | undefined;
    for (const record of this.#records.values()) {
      if (this.#ready(record) && (earliest === undefined || record.nextAttemptAt < earliest))
        earliest = record.nextAttemptAt;
    }
    if (earliest === undefined) return;
    this.#clearTimer();
    this.#hasTimer = true;
    this.#timerHandle = this.#timer.setTimeout(
      () => {
        this.#hasTimer = false;
        this.#kick();
      },
      Math.max(0, earliest - this.#clock.now()),
    );
  }

  /** Queued, and (with media still to seal) a sealer is there to seal it. */
  #ready(record: OutboxRecord): boolean {
    return (
      record.state === "queued" && (record.pendingMedia === undefined || this.#sealer !== undefined)
    );
  }

  #clearTimer(): void {
    if (!this.#hasTimer) return;
    this.#timer.clearTimeout(this.#timerHandle);
    this.#hasTimer = false;
  }

  async #attempt(record: OutboxRecord): Promise<void> {
    try {
      await this.#lock(`sbd-report-outbox/${record.reportId}`, () => this.#deliver(record));
    } catch (error) {
      // The store failed (quota, closed database): keep the report and try
      // later. If the server had already taken it, the next try may send it
      // again; the moderators de-duplicate by report ID.
      this.#logger.warn(`report ${record.reportId}: could not record its delivery`, error);
      const current = this.#records.get(record.reportId) ?? record;
      if (current.state === "sending" || current.state === "queued") {
        const failures = current.consecutiveFailures + 1;
        this.#set({
          ...current,
          state: "queued",
          consecutiveFailures: failures,
          nextAttemptAt: this.#clock.now() + this.#delay(failures, null),
        });
      }
    }
  }

  async #deliver(record: OutboxRecord): Promise<void> {
    // Inside the lock: the store may know better (another tab sent it).
    const stored = await this.#store.get(record.reportId);
    let current = stored !== undefined && isAhead(stored, record) ? stored : record;
    if (current.state === "delivered" || current.state === "failed-permanently") {
      this.#set(current);
      return;
    }
    current = { ...current, state: "sending", attempts: current.attempts + 1, nextAttemptAt: 0 };
    await this.#save(current);

    if (current.pendingMedia !== undefined) {
      const sealed = await this.#uploadAndSeal(current);
      if (sealed === undefined) return;
      current = sealed;
    }

    while (current.partsDelivered < current.partsTotal) {
      const reason = current.parts[current.partsDelivered] ?? "";
      const result = await this.#send(current.target, current.channel, reason);
      switch (result.kind) {
        case "delivered": {
          const partsDelivered = current.partsDelivered + 1;
          current =
            partsDelivered < current.partsTotal
              ? { ...current, partsDelivered, consecutiveFailures: 0 }
              : {
                  ...current,
                  partsDelivered,
                  state: "delivered",
                  // The server holds them now; the sealed parts need not stay here.
                  parts: [],
                  consecutiveFailures: 0,
                  lastError: null,
                  deliveredAt: this.#clock.now(),
                };
          await this.#save(current);
          break;
        }
        case "retryable": {
          const failures = current.consecutiveFailures + 1;
          await this.#save({
            ...current,
            state: "queued",
            consecutiveFailures: failures,
            lastError: result.problem,
            nextAttemptAt: this.#clock.now() + this.#delay(failures, result.retryAfterMs),
          });
          return;
        }
        case "permanent":
          await this.#save({ ...current, state: "failed-permanently", lastError: result.problem });
          return;
        default: {
          const unreachable: never = result;
          throw new Error(`unknown delivery result ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }

  /**
   * Uploads each copy not uploaded yet (its mxc URI recorded at once), then
   * seals. Undefined when this attempt ends here (the record says why).
   */
  async #uploadAndSeal(record: OutboxRecord): Promise<OutboxRecord | undefined> {
    let current = record;
    const pending = (): NonNullable<OutboxRecord["pendingMedia"]> => {
      if (current.pendingMedia === undefined) throw new Error("no media pending");
      return current.pendingMedia;
    };
    for (let index = 0; index < pending().items.length; index++) {
      const item = pending().items[index];
      if (item === undefined || item.url !== null) continue;
      const result = await this.#upload(current.channel, item.ciphertext);
      if (!result.ok) {
        await this.#fail(current, result.problem, result.retryable);
        return undefined;
      }
      const items = pending().items.map((it, i) => (i === index ? { ...it, url: result.url } : it));
      current = {
        ...current,
        pendingMedia: { ...pending(), items },
        consecutiveFailures: 0,
        lastError: null,
      };
      await this.#save(current);
    }
    const { bundle, items } = pending();
    const media = (bundle.media ?? []).map((m, i) => ({
      ...m,
      file: { ...m.file, url: items[i]?.url ?? "" },
    }));
    const sealed =
      this.#sealer === undefined
        ? ({ ok: false, problems: ["no sealer"] } as const)
        : await this.#sealer({ ...bundle, media }, current.channel);
    if (!sealed.ok) {
      // A bundle that was checked at the tap and cannot be sealed now is a bug, not the network.
      await this.#fail(
        current,
        { status: null, errcode: null, message: sealed.problems.join("; ") },
        false,
      );
      return undefined;
    }
    // The copies are on the server and the keys inside the sealed parts: drop both here.
    current = sealedRecord(current, sealed.report.parts);
    await this.#save(current);
    return current;
  }

  async #fail(record: OutboxRecord, problem: DeliveryProblem, retryable: boolean): Promise<void> {
    if (!retryable) {
      await this.#save({ ...record, state: "failed-permanently", lastError: problem });
      return;
    }
    const failures = record.consecutiveFailures + 1;
    await this.#save({
      ...record,
      state: "queued",
      consecutiveFailures: failures,
      lastError: problem,
      nextAttemptAt: this.#clock.now() + this.#delay(failures, null),
    });
  }

  async #upload(
    channel: ReportChannel,
    ciphertext: Uint8Array<ArrayBuffer>,
  ): Promise<
    | { readonly ok: true; readonly url: string }
    | { readonly ok: false; readonly problem: DeliveryProblem; readonly retryable: boolean }
  > {
    // Anonymity: a withheld report's copy goes only through the intake, never the reporter's account.
    const upload =
      channel === "intake"
        ? this.#transport.uploadMediaToIntake?.bind(this.#transport)
        : this.#transport.uploadMedia?.bind(this.#transport);
    if (upload === undefined) {
      return {
        ok: false,
        problem: { status: null, errcode: null, message: "no way to upload reported media" },
        retryable: false,
      };
    }
    let result: MediaUploadResult;
    try {
      result = await upload(ciphertext);
    } catch (error) {
      result = {
        ok: false,
        problem: {
          status: null,
          errcode: null,
          message: error instanceof Error ? error.message : "upload failed",
        },
      };
    }
    if (result.ok) return result;
    return { ok: false, problem: result.problem, retryable: isRetryableUpload(result.problem) };
  }

  async #send(
    target: ReportTarget,
    channel: ReportChannel,
    reason: string,
  ): Promise<DeliveryResult> {
    try {
      if (channel === "intake") {
        return this.#transport.deliverToIntake === undefined
          ? {
              kind: "permanent",
              problem: { status: null, errcode: null, message: "no report intake is configured" },
            }
          : await this.#transport.deliverToIntake(reason);
      }
      return target.kind === "event"
        ? await this.#transport.reportEvent(target.roomId, target.eventId, reason)
        : await this.#transport.reportUser(target.userId, reason);
    } catch (error) {
      // A transport should not throw; if one does, it is not the report's fault.
      return {
        kind: "retryable",
        problem: {
          status: null,
          errcode: null,
          message: error instanceof Error ? error.message : "transport failed",
        },
        retryAfterMs: null,
      };
    }
  }

  /** Exponential backoff with "equal jitter": between half and all of the capped doubling. */
  #delay(failures: number, retryAfterMs: number | null): number {
    if (retryAfterMs !== null) {
      return Math.max(MIN_DELAY_MS, Math.min(retryAfterMs, this.#backoff.retryAfterCeilingMs));
    }
    const ceiling = Math.min(
      this.#backoff.maxMs,
      this.#backoff.baseMs * 2 ** Math.min(failures - 1, 30),
    );
    return Math.max(MIN_DELAY_MS, Math.round(ceiling / 2 + (this.#random() * ceiling) / 2));
  }

  // Memory first, then the store: if the write fails, this session still
  // knows what happened (and never re-sends what the server took).
  async #save(record: OutboxRecord): Promise<void> {
    this.#set(record);
    await this.#store.put(record);
  }

  #set(record: OutboxRecord): void {
    this.#records.set(record.reportId, record);
    this.#snapshot = {
      reports: [...this.#records.values()]
        .sort((a, b) => a.createdAt - b.createdAt || a.reportId.localeCompare(b.reportId))
        .map(statusOf),
    };
    for (const listener of this.#listeners) listener();
  }
}

/** The record once sealed: its parts to send, and no media kept. */
function sealedRecord(record: OutboxRecord, parts: readonly string[]): OutboxRecord {
  const sealed: { -readonly [K in keyof OutboxRecord]: OutboxRecord[K] } = {
    ...record,
    parts: [...parts],
    partsTotal: parts.length,
  };
  delete sealed.pendingMedia;
  return sealed;
}

/** A record found in "sending" was interrupted (crash, reload): it is queued again. */
function asResumed(record: OutboxRecord): OutboxRecord {
  return record.state === "sending" ? { ...record, state: "queued", nextAttemptAt: 0 } : record;
}

function isAhead(a: OutboxRecord, b: OutboxRecord): boolean {
  const finished = (r: OutboxRecord): boolean =>
    r.state === "delivered" || r.state === "failed-permanently";
  if (finished(a) !== finished(b)) return finished(a);
  if ((a.pendingMedia === undefined) !== (b.pendingMedia === undefined))
    return a.pendingMedia === undefined;
  if (a.partsDelivered !== b.partsDelivered) return a.partsDelivered > b.partsDelivered;
  return uploaded(a) > uploaded(b);
}

function uploaded(record: OutboxRecord): number {
  return record.pendingMedia?.items.filter((item) => item.url !== null).length ?? 0;
}

/**
 * As the transport sorts a report's answer: no answer, 429, 408, 401 (a
 * lapsed sign-in) and 5xx may pass later; any other refusal (413 too large,
 * 400) would be refused again.
 */
function isRetryableUpload(problem: DeliveryProblem): boolean {
  const { status } = problem;
  return status === null || status === 429 || status === 408 || status === 401 || status >= 500;
}

function statusOf(record: OutboxRecord): ReportStatus {
  const toUpload = record.pendingMedia?.items.filter((item) => item.url === null).length ?? 0;
  return {
    reportId: record.reportId,
    createdAt: record.createdAt,
    category: record.category,
    target: record.target,
    state: record.state,
    attempts: record.attempts,
    partsDelivered: record.partsDelivered,
    partsTotal: record.partsTotal,
    lastError: record.lastError,
    nextAttemptAt: record.state === "queued" ? record.nextAttemptAt : null,
    deliveredAt: record.deliveredAt,
    ...(toUpload > 0 ? { mediaToUpload: toUpload } : {}),
  };
}

function checkPrepared(report: PreparedReport): void {
  if (
    !/^[0-9a-f]{32}$/.test(report.reportId) ||
    report.parts.length === 0 ||
    !report.parts.every((part) => typeof part === "string" && part.length > 0)
  ) {
    throw new TypeError("not a prepared report: use prepareReport()");
  }
}
