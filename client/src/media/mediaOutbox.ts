// Media (send side): the outbox of images and files, one per session, so an
// upload goes on while the person moves between chats. Each attachment goes
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
// Kept in memory: a reload loses an attachment that was not sent yet (the
// person still has the picture; the tray said it was not sent).

import type { AttachmentKind, PickedFile } from "./attachmentKind.ts";
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
  readonly file: Blob & PickedFile;
  readonly txnId: string;
  prepared: PreparedAttachment | undefined;
  /** mxc URIs of the parts uploaded so far, by part ("thumbnail", "main"). */
  readonly uploaded: Map<"thumbnail" | "main", string>;
  abort: AbortController | undefined;
  eventId: string | undefined;
  cancelled: boolean;
};

export class MediaOutbox {
  readonly #transport: MediaTransport;
  readonly #prepare: Prepare;
  readonly #newId: () => string;
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<() => void>();
  #snapshot: MediaOutboxSnapshot = { items: [] };

  constructor(transport: MediaTransport, prepare: Prepare, newId: () => string) {
    this.#transport = transport;
    this.#prepare = prepare;
    this.#newId = newId;
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
      if (entry.item.state === "failed" && entry.item.failedStep !== "unsend")
        runs.push(this.#run(id));
    }
    await Promise.all(runs);
    return [...this.#entries.values()].every(
      (entry) => entry.item.state !== "failed" || entry.item.failedStep === "unsend",
    );
  }

  /** Stops an attachment that is not sent yet (aborting its upload) and forgets it. */
  cancel(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined || !canCancel(entry.item)) return;
    entry.cancelled = true;
    entry.abort?.abort();
    this.#entries.delete(id);
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
        this.#set(entry, { state: "preparing", failedStep: undefined });
        entry.prepared = await this.#prepare(entry.file, entry.item.kind);
        if (entry.cancelled) return;
      }
      const prepared = entry.prepared;
      const parts = partsOf(prepared);
      const total = parts.reduce((sum, [, part]) => sum + part.ciphertext.length, 0);
      step = "uploading";
      for (const [name, part] of parts) {
        if (entry.uploaded.has(name)) continue;
        const before = uploadedBytes(parts, entry.uploaded);
        this.#set(entry, { state: "uploading", failedStep: undefined, loaded: before, total });
        entry.abort = new AbortController();
        const url = await this.#transport.uploadMedia(
          part.ciphertext,
          (loaded) => {
            if (!entry.cancelled)
              this.#set(entry, { loaded: before + Math.min(loaded, part.ciphertext.length) });
          },
          entry.abort.signal,
        );
        entry.abort = undefined;
        if (entry.cancelled) return;
        entry.uploaded.set(name, url);
      }
      step = "sending";
      this.#set(entry, { state: "sending", failedStep: undefined, loaded: total, total });
      const media = outgoingMedia(prepared, entry.uploaded, entry.item.caption);
      entry.eventId = await this.#transport.sendMedia(entry.item.roomId, media, entry.txnId);
      // Sent: the conversation shows it now. Only an attachment that may be unsent stays here.
      entry.prepared = undefined;
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
    }
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
