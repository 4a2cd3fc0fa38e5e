// Media (send side): where the outbox keeps an attachment that is not sent
// yet, so a reload, a crash or a closed tab does not lose a photo the person
// already chose. What is kept is what prepareAttachment made of it: the
// re-encoded picture (no location, no camera data) encrypted with its keys,
// and which parts the server already has; never the picked file as it came
// from the camera. It stays on this device, in this browser's IndexedDB
// beside the SDK's own stores (`sbd-<userId>-sync`, `-crypto`), and is
// deleted as soon as the attachment is sent or cancelled, and when the
// person signs out (docs/measures/media.md, "A photo survives a reload").

import type { AttachmentKind } from "./attachmentKind.ts";
import type { UnsendCaveat } from "./mediaOutbox.ts";
import type { PreparedAttachment, PreparedPart } from "./prepareAttachment.ts";
import { openIndexedDbStore } from "../storage/indexedDbStore.ts";

/** One attachment not sent yet, as the outbox keeps it. */
export type StoredAttachment = {
  readonly id: string;
  readonly roomId: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly caption: string;
  /** The event's transaction ID: sending it again after a reload is still the same event. */
  readonly txnId: string;
  readonly prepared: PreparedAttachment;
  /** The mxc URIs of the parts the server already has. */
  readonly uploaded: { readonly thumbnail?: string; readonly main?: string };
  readonly unsendCaveat: UnsendCaveat | undefined;
  /** When it was chosen (ms): after a reload they come back in this order. */
  readonly storedAt: number;
};

export type MediaOutboxStore = {
  list(): Promise<readonly StoredAttachment[]>;
  put(attachment: StoredAttachment): Promise<void>;
  delete(id: string): Promise<void>;
};

const STORE = "attachments";
const VERSION = 1;

/** Beside the SDK's own `sbd-<userId>-sync` and `-crypto` databases. */
export function mediaOutboxDatabaseName(userId: string): string {
  return `sbd-${userId}-media-outbox`;
}

export type IndexedDbMediaOutboxStore = MediaOutboxStore & { close(): void };

/** The browser's store (tests pass fake-indexeddb's factory). */
export function createIndexedDbMediaOutboxStore(
  databaseName: string,
  factory: IDBFactory = globalThis.indexedDB,
): IndexedDbMediaOutboxStore {
  const { run, close } = openIndexedDbStore({
    factory,
    databaseName,
    version: VERSION,
    storeName: STORE,
    keyPath: "id",
    what: "the media outbox",
  });

  return {
    async list() {
      const values: unknown[] = await run("readonly", (store) => store.getAll());
      const kept: StoredAttachment[] = [];
      for (const value of values) {
        const attachment = parseStoredAttachment(value);
        if (attachment !== undefined) {
          kept.push(attachment);
        } else if (typeof value === "object" && value !== null && "id" in value) {
          // Unreadable (an older shape, damaged): it can never be sent, so it goes.
          const id = value.id;
          if (typeof id === "string") await run("readwrite", (store) => store.delete(id));
        }
      }
      return kept.sort((a, b) => a.storedAt - b.storedAt);
    },
    async put(attachment) {
      await run("readwrite", (store) => store.put(attachment));
    },
    async delete(id) {
      await run("readwrite", (store) => store.delete(id));
    },
    close,
  };
}

/** Deletes the whole store (sign-out): nothing unsent stays for the next person on the phone. */
export function deleteMediaOutbox(
  databaseName: string,
  factory: IDBFactory = globalThis.indexedDB,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(databaseName);
    request.onsuccess = () => {
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error("could not delete the media outbox"));
    };
  });
}

/** A stored value as an attachment the outbox can send, or undefined. */
export function parseStoredAttachment(value: unknown): StoredAttachment | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Partial<Record<keyof StoredAttachment, unknown>>;
  const strings = [record.id, record.roomId, record.name, record.caption, record.txnId];
  if (!strings.every((field) => typeof field === "string")) return undefined;
  if (record.kind !== "image" && record.kind !== "file") return undefined;
  if (typeof record.storedAt !== "number") return undefined;
  const prepared = record.prepared as Partial<Record<string, unknown>> | undefined;
  if (typeof prepared !== "object" || prepared["kind"] !== record.kind) return undefined;
  if (!isPart(prepared["main"])) return undefined;
  if (prepared["kind"] === "image" && !isPart(prepared["thumbnail"])) return undefined;
  const uploaded = record.uploaded as Partial<Record<string, unknown>> | undefined;
  if (typeof uploaded !== "object") return undefined;
  for (const url of [uploaded["thumbnail"], uploaded["main"]]) {
    if (url !== undefined && (typeof url !== "string" || !url.startsWith("mxc://"))) {
      return undefined;
    }
  }
  return value as StoredAttachment;
}

function isPart(value: unknown): value is PreparedPart {
  if (typeof value !== "object" || value === null) return false;
  const part = value as Partial<Record<keyof PreparedPart, unknown>>;
  return (
    part.ciphertext instanceof Uint8Array &&
    typeof part.keys === "object" &&
    part.keys !== null &&
    typeof part.mimetype === "string" &&
    typeof part.size === "number"
  );
}
