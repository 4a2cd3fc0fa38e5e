// Media (send side): the outbox of images and files, one per session.
// (Over 400 lines: the steps, their retries (tapped and timed), cancel, unsend and keeping across reloads are one state machine per attachment.)
// An upload goes on while the person moves between chats. Each attachment goes
// through three steps, each kept once done: prepared (re-encoded without its
// metadata and encrypted, prepareAttachment.ts), uploaded (the preview, then
// the file, with progress), sent (the event). A failed step shows with retry,
// which resumes at that step with the same bytes (never a second encryption
// or upload of what the server already has), and the event is sent with the
// same transaction ID each time, so the homeserver takes it once. A text
// message gets the same from the SDK (a failed one stays, with retry); media
// needs its own outbox because the SDK's starts only once the upload is done.
// Until it is sent, an attachment can be cancelled; an upload in flight is
// aborted.
//
// Once prepared, an attachment is also kept on the device
// (mediaOutboxStore.ts: the stripped, encrypted bytes and which parts the
// server has) until it is sent or cancelled, so a reload does not lose it:
// on start (`restore`) it comes back in its chat as not sent, with retry, and
// goes with the next automatic retry. The picked file itself (with its
// location) is never stored; one that was still being prepared at the reload
// is gone (the person still has the picture).
//
// A failed attachment goes again by itself, as a text report does
// (reporting/outbox.ts): on a timer that waits longer after each failure in a
// row, and at once when the app learns the network is back (`wake`). The
// timer does not depend on the browser's "online" event (in the full e2e
// suite, a retry that depended on it alone did not happen). An upload that
// stops moving (no progress for `stallMs`, a request the lost network left
// hanging) is aborted, so it ends as failed, stays visible with retry, and
// the timer picks it up.

import type { AttachmentKind, PickedFile } from "./attachmentKind.ts";
import type { MediaOutboxStore, StoredAttachment } from "./mediaOutboxStore.ts";
import type { OutgoingMedia, OutgoingPart, OutgoingPicturePart } from "./outgoingMedia.ts";
import type { PreparedAttachment, PreparedPart, PreparedPicturePart } from "./prepareAttachment.ts";

/** What the outbox needs of the Matrix layer (ChatSession satisfies it). */
export type MediaTransport = {
  /** Uploads ciphertext; resolves to its mxc URI. Rejects with an AbortError when `signal` aborts. */
  uploadMedia(
    ciphertext: Uint8Array<ArrayBuffer>,
    onProgress: (loaded: number) => void,
    signal: AbortSignal,
  ): Promise<string>;
  /** Sends the event (only into an encrypted room); the same `txnId` is the same event. */
  sendMedia(roomId: string, media: OutgoingMedia, txnId: string): Promise<string>;
  /** Removes a sent event (Matrix redaction). */
  redact(roomId: string, eventId: string): Promise<void>;
};

export type Prepare = (
  file: Blob & PickedFile,
  kind: AttachmentKind,
) => Promise<PreparedAttachment>;

export type OutboxStep = "preparing" | "uploading" | "sending";

/**
 * "sent": stays (with unsend) only when the engine offered unsend for it;
 * "unsent": the redaction went through.
 */
export type OutboxState = OutboxStep | "failed" | "sent" | "unsending" | "unsent";

export type OutboxItem = {
  readonly id: string;
  readonly roomId: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly caption: string;
  readonly state: OutboxState;
  /** The step that failed (or "unsend"); undefined unless `state` is "failed". */
  readonly failedStep: OutboxStep | "unsend" | undefined;
  /** Bytes uploaded of `total` (both parts of a picture). */
  readonly loaded: number;
  readonly total: number;
  /**
   * After sending, offer to take it back, with this honest caveat beside it
   * (the engine's decision said so); undefined: not offered.
   */
  readonly unsendCaveat: UnsendCaveat | undefined;
};

/** The engine's notice beside "unsend" (its copy key, already for the reader's band). */
export type UnsendCaveat = {
  readonly id: string;
  readonly severity: "info" | "caution" | "warning";
  readonly copyKey: string;
};

export type MediaOutboxSnapshot = { readonly items: readonly OutboxItem[] };

export type EnqueueRequest = {
  readonly roomId: string;
  readonly file: Blob & PickedFile;
  readonly kind: AttachmentKind;
  readonly caption: string;
  readonly unsendCaveat: UnsendCaveat | undefined;
};

type Entry = {
  item: OutboxItem;
  /** The picked file, until it is prepared; undefined for one restored after a reload. */
  readonly file: (Blob & PickedFile) | undefined;
  readonly txnId: string;
  prepared: PreparedAttachment | undefined;
  /** mxc URIs of the parts uploaded so far, by part ("thumbnail", "main"). */
  readonly uploaded: Map<"thumbnail" | "main", string>;
  abort: AbortController | undefined;
  eventId: string | undefined;
  cancelled: boolean;
  readonly storedAt: number;
};

export type OutboxTimer = {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** When failed attachments go again by themselves, and when an upload counts as stuck. */
export type OutboxTiming = {
  readonly timer: OutboxTimer;
  /** Pauses before the automatic retries after failures in a row; the last one repeats. */
  readonly retryPausesMs: readonly number[];
  /** An upload without progress for this long is aborted (it failed, with retry). */
  readonly stallMs: number;
  /**
   * False only when the device surely has no network (`navigator.onLine`):
   * a retry due then waits for the next pause instead of failing at once.
   */
  readonly online: () => boolean;
};

/** The app's timing: a first retry after a second, then every 15 s at most (the bytes go again each time). */
/** A pause at least this long ends in a try even when the browser says it is offline. */
export const TRY_WHATEVER_THE_BROWSER_SAYS_MS = 10_000;

export const DEFAULT_OUTBOX_TIMING: Omit<OutboxTiming, "timer" | "online"> = {
  retryPausesMs: [1_000, 3_000, 10_000, 15_000],
  stallMs: 30_000,
};

/** Keeps nothing: an outbox without a device store (tests, tools). */
const NO_STORE: MediaOutboxStore = {
  list: () => Promise.resolve([]),
  put: () => Promise.resolve(),
  delete: () => Promise.resolve(),
};

export class MediaOutbox {
  readonly #transport: MediaTransport;
  readonly #prepare: Prepare;
  readonly #newId: () => string;
  readonly #store: MediaOutboxStore;
  readonly #now: () => number;
  readonly #timing: OutboxTiming | undefined;
  /** Automatic retries in a row that did not get everything out. */
  #failuresInARow = 0;
  #retryHandle: { readonly handle: unknown } | undefined;
  #stopped = false;
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<() => void>();
  #snapshot: MediaOutboxSnapshot = { items: [] };

  constructor(
    transport: MediaTransport,
    prepare: Prepare,
    newId: () => string,
    /** Where a prepared, unsent attachment is kept across reloads; none by default. */
    store: MediaOutboxStore = NO_STORE,
    now: () => number = Date.now,
    /** Automatic retries and the stuck-upload bound; none by default (a caller retries). */
    timing?: OutboxTiming,
  ) {
    this.#transport = transport;
    this.#prepare = prepare;
    this.#newId = newId;
    this.#store = store;
    this.#now = now;
    this.#timing = timing;
  }

  /**
   * On start: the attachments a reload interrupted come back as not sent
   * (with retry), from the step they reached; the next retry sends them.
   * Resolves once they are back (a store that cannot be read restores none).
   */
  async restore(): Promise<void> {
    const stored = await this.#store.list().catch(() => []);
    for (const attachment of stored) {
      if (this.#entries.has(attachment.id)) continue;
      this.#entries.set(attachment.id, restoredEntry(attachment));
    }
    if (stored.length > 0) this.#publish();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): MediaOutboxSnapshot => this.#snapshot;

  /** Takes an attachment and starts sending it; resolves when this attempt ends. */
  enqueue(request: EnqueueRequest): { readonly id: string; readonly done: Promise<void> } {
    const id = this.#newId();
    this.#entries.set(id, {
      item: {
        id,
        roomId: request.roomId,
        kind: request.kind,
        name: request.file.name,
        caption: request.caption,
        state: "preparing",
        failedStep: undefined,
        loaded: 0,
        total: 0,
        unsendCaveat: request.unsendCaveat,
      },
      file: request.file,
      txnId: `sbd-media-${id}`,
      prepared: undefined,
      uploaded: new Map(),
      abort: undefined,
      eventId: undefined,
      cancelled: false,
      storedAt: this.#now(),
    });
    this.#publish();
    return { id, done: this.#run(id) };
  }

  /** Sends a failed attachment again, from the step that failed. */
  retry(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (entry?.item.state !== "failed") return Promise.resolve();
    if (entry.item.failedStep === "unsend") return this.unsend(id);
    return this.#run(id);
  }

  /**
   * Every failed attachment again (the connection came back). Resolves when
   * these attempts end: true when none of them failed again.
   */
  async retryFailed(): Promise<boolean> {
    const runs: Promise<void>[] = [];
    for (const [id, entry] of this.#entries) {
      if (isRetryable(entry.item)) runs.push(this.#run(id));
    }
    await Promise.all(runs);
    const allOut = ![...this.#entries.values()].some((entry) => isRetryable(entry.item));
    if (allOut) this.#failuresInARow = 0;
    return allOut;
  }

  /**
   * The network may be back (the browser's "online" event, the session's sync
   * recovered, the app started): every failed attachment goes now, and the
   * automatic retries start again from the shortest pause.
   */
  wake(): Promise<boolean> {
    this.#clearRetry();
    this.#failuresInARow = 0;
    // Always a try, whatever navigator.onLine says: the caller has a sign the
    // network may be back, and a try that fails offline costs nothing.
    return this.retryFailed();
  }

  /** No more automatic retries (sign-out); what is kept on the device stays until deleted. */
  stop(): void {
    this.#stopped = true;
    this.#clearRetry();
  }

  /** Stops an attachment that is not sent yet (aborting its upload) and forgets it. */
  cancel(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined || !canCancel(entry.item)) return;
    entry.cancelled = true;
    entry.abort?.abort();
    this.#entries.delete(id);
    this.#forget(id);
    this.#publish();
  }

  /** Takes a sent attachment back (redaction); the recipient may have saved it already. */
  async unsend(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (entry?.eventId === undefined) return;
    this.#set(entry, { state: "unsending", failedStep: undefined });
    try {
      await this.#transport.redact(entry.item.roomId, entry.eventId);
      this.#set(entry, { state: "unsent" });
    } catch {
      this.#set(entry, { state: "failed", failedStep: "unsend" });
    }
  }

  /** Forgets a sent or unsent attachment (the person closed its row). */
  dismiss(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    const { state, failedStep } = entry.item;
    if (state === "sent" || state === "unsent" || failedStep === "unsend") {
      this.#entries.delete(id);
      this.#publish();
    }
  }

  async #run(id: string): Promise<void> {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    let step: OutboxStep = "preparing";
    try {
      if (entry.prepared === undefined) {
        if (entry.file === undefined) throw new Error("nothing to prepare");
        this.#set(entry, { state: "preparing", failedStep: undefined });
        entry.prepared = await this.#prepare(entry.file, entry.item.kind);
        // Cancelled while it was prepared: nothing is kept (cancel forgot it).
        if (entry.cancelled) return;
        this.#keep(entry);
      }
      const prepared = entry.prepared;
      const parts = partsOf(prepared);
      const total = parts.reduce((sum, [, part]) => sum + part.ciphertext.length, 0);
      step = "uploading";
      for (const [name, part] of parts) {
        if (entry.uploaded.has(name)) continue;
        const before = uploadedBytes(parts, entry.uploaded);
        this.#set(entry, { state: "uploading", failedStep: undefined, loaded: before, total });
        const abort = new AbortController();
        entry.abort = abort;
        const stall = this.#stallGuard(abort);
        const url = await this.#transport
          .uploadMedia(
            part.ciphertext,
            (loaded) => {
              stall.moved();
              if (!entry.cancelled)
                this.#set(entry, { loaded: before + Math.min(loaded, part.ciphertext.length) });
            },
            abort.signal,
          )
          .finally(stall.done);
        entry.abort = undefined;
        if (entry.cancelled) return;
        entry.uploaded.set(name, url);
        this.#keep(entry);
      }
      step = "sending";
      this.#set(entry, { state: "sending", failedStep: undefined, loaded: total, total });
      const media = outgoingMedia(prepared, entry.uploaded, entry.item.caption);
      entry.eventId = await this.#transport.sendMedia(entry.item.roomId, media, entry.txnId);
      // Sent: the conversation shows it now, and the device keeps no copy of it.
      // Only an attachment that may be unsent stays here (in memory).
      entry.prepared = undefined;
      this.#forget(id);
      if (entry.item.unsendCaveat !== undefined) {
        this.#set(entry, { state: "sent" });
      } else {
        this.#entries.delete(id);
        this.#publish();
      }
    } catch {
      entry.abort = undefined;
      if (entry.cancelled) return;
      this.#set(entry, { state: "failed", failedStep: step });
      this.#scheduleRetry();
    }
  }

  /** Aborts an upload that has not moved for `stallMs` (a lost network can leave it hanging). */
  #stallGuard(abort: AbortController): { readonly moved: () => void; readonly done: () => void } {
    const timing = this.#timing;
    if (timing === undefined) return { moved: () => undefined, done: () => undefined };
    let handle = timing.timer.setTimeout(() => {
      abort.abort();
    }, timing.stallMs);
    return {
      moved: () => {
        timing.timer.clearTimeout(handle);
        handle = timing.timer.setTimeout(() => {
          abort.abort();
        }, timing.stallMs);
      },
      done: () => {
        timing.timer.clearTimeout(handle);
      },
    };
  }

  /** After a failure: the next automatic retry, unless one is already due. */
  #scheduleRetry(): void {
    const timing = this.#timing;
    if (timing === undefined || this.#stopped || this.#retryHandle !== undefined) return;
    const pauses = timing.retryPausesMs;
    const pause = pauses[Math.min(this.#failuresInARow, pauses.length - 1)] ?? 0;
    this.#failuresInARow += 1;
    this.#retryHandle = {
      handle: timing.timer.setTimeout(() => {
        this.#retryHandle = undefined;
        // While the browser says it is offline, the short pauses pass without
        // a try (no flicker of the row); the longer ones try anyway, because
        // navigator.onLine can stay false after the network is back (seen in
        // Chromium after a reload made while offline: no "online" event, and
        // no try ever again while the outbox trusted it).
        if (timing.online() || pause >= TRY_WHATEVER_THE_BROWSER_SAYS_MS) void this.retryFailed();
        else this.#scheduleRetry();
      }, pause),
    };
  }

  #clearRetry(): void {
    if (this.#retryHandle === undefined || this.#timing === undefined) return;
    this.#timing.timer.clearTimeout(this.#retryHandle.handle);
    this.#retryHandle = undefined;
  }

  /**
   * Keeps a prepared attachment on the device, without holding up the upload
   * (writing a photo took 50-60 ms under load in the media bench; the store
   * applies writes in the order they were asked for, so a later delete still
   * wins). A store that fails (full, private mode) does not stop the sending:
   * it then lasts until a reload, as without a store.
   */
  #keep(entry: Entry): void {
    const prepared = entry.prepared;
    if (prepared === undefined || entry.cancelled) return;
    const thumbnail = entry.uploaded.get("thumbnail");
    const main = entry.uploaded.get("main");
    void this.#store
      .put({
        id: entry.item.id,
        roomId: entry.item.roomId,
        kind: entry.item.kind,
        name: entry.item.name,
        caption: entry.item.caption,
        txnId: entry.txnId,
        prepared,
        uploaded: {
          ...(thumbnail === undefined ? {} : { thumbnail }),
          ...(main === undefined ? {} : { main }),
        },
        unsendCaveat: entry.item.unsendCaveat,
        storedAt: entry.storedAt,
      })
      .catch(() => undefined);
  }

  /** Sent or cancelled: the device's copy goes at once. */
  #forget(id: string): void {
    void this.#store.delete(id).catch(() => undefined);
  }

  #set(entry: Entry, change: Partial<OutboxItem>): void {
    entry.item = { ...entry.item, ...change };
    if (this.#entries.has(entry.item.id)) this.#publish();
  }

  #publish(): void {
    this.#snapshot = { items: [...this.#entries.values()].map((entry) => entry.item) };
    for (const listener of this.#listeners) listener();
  }
}

/** An attachment a reload interrupted: not sent, from the step it reached. */
function restoredEntry(attachment: StoredAttachment): Entry {
  const uploaded = new Map<"thumbnail" | "main", string>();
  if (attachment.uploaded.thumbnail !== undefined)
    uploaded.set("thumbnail", attachment.uploaded.thumbnail);
  if (attachment.uploaded.main !== undefined) uploaded.set("main", attachment.uploaded.main);
  const parts = partsOf(attachment.prepared);
  const total = parts.reduce((sum, [, part]) => sum + part.ciphertext.length, 0);
  const allUploaded = parts.every(([name]) => uploaded.has(name));
  return {
    item: {
      id: attachment.id,
      roomId: attachment.roomId,
      kind: attachment.kind,
      name: attachment.name,
      caption: attachment.caption,
      state: "failed",
      failedStep: allUploaded ? "sending" : "uploading",
      loaded: uploadedBytes(parts, uploaded),
      total,
      unsendCaveat: attachment.unsendCaveat,
    },
    file: undefined,
    txnId: attachment.txnId,
    prepared: attachment.prepared,
    uploaded,
    abort: undefined,
    eventId: undefined,
    cancelled: false,
    storedAt: attachment.storedAt,
  };
}

/** Failed on its way out (an unsend that failed waits for the person). */
function isRetryable({ state, failedStep }: OutboxItem): boolean {
  return state === "failed" && failedStep !== "unsend";
}

function canCancel({ state, failedStep }: OutboxItem): boolean {
  return (
    state === "preparing" ||
    state === "uploading" ||
    (state === "failed" && failedStep !== "unsend")
  );
}

type NamedPart = readonly ["thumbnail" | "main", PreparedPart];

/** The preview first, so the picture can show at the recipient as soon as the event arrives. */
function partsOf(prepared: PreparedAttachment): readonly NamedPart[] {
  return prepared.kind === "image"
    ? [
        ["thumbnail", prepared.thumbnail],
        ["main", prepared.main],
      ]
    : [["main", prepared.main]];
}

function uploadedBytes(parts: readonly NamedPart[], uploaded: ReadonlyMap<string, string>): number {
  return parts
    .filter(([name]) => uploaded.has(name))
    .reduce((sum, [, part]) => sum + part.ciphertext.length, 0);
}

function outgoingMedia(
  prepared: PreparedAttachment,
  uploaded: ReadonlyMap<string, string>,
  caption: string,
): OutgoingMedia {
  const body = caption.trim() === "" ? prepared.filename : caption.trim();
  const main = uploaded.get("main");
  if (main === undefined) throw new Error("not uploaded");
  if (prepared.kind === "file") {
    return { kind: "file", body, filename: prepared.filename, main: part(prepared.main, main) };
  }
  const thumbnail = uploaded.get("thumbnail");
  if (thumbnail === undefined) throw new Error("not uploaded");
  return {
    kind: "image",
    body,
    filename: prepared.filename,
    main: picturePart(prepared.main, main),
    thumbnail: picturePart(prepared.thumbnail, thumbnail),
  };
}

function part(prepared: PreparedPart, url: string): OutgoingPart {
  return {
    file: { url, ...prepared.keys },
    mimetype: prepared.mimetype,
    size: prepared.size,
  };
}

function picturePart(prepared: PreparedPicturePart, url: string): OutgoingPicturePart {
  return { ...part(prepared, url), width: prepared.width, height: prepared.height };
}
