// Media (send side): a prepared photo that is not sent yet survives a
// reload (on fake IndexedDB), comes back as not sent with retry, goes once
// retried with the same transaction ID, and leaves nothing on the device
// once sent or cancelled.

import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { MediaOutbox, type MediaTransport } from "./mediaOutbox.ts";
import {
  createIndexedDbMediaOutboxStore,
  deleteMediaOutbox,
  mediaOutboxDatabaseName,
  parseStoredAttachment,
} from "./mediaOutboxStore.ts";
import { prepareAttachment, type PictureReencoder } from "./prepareAttachment.ts";

const picked = (name: string, type: string) =>
  Object.assign(new Blob([new Uint8Array([1, 2, 3])], { type }), { name });

const reencoder: PictureReencoder = (_source, type, sides) =>
  Promise.resolve(
    sides.map((side) => ({
      bytes: new TextEncoder().encode(`pixels@${String(side)}`),
      type,
      width: side,
      height: side / 2,
    })),
  );

/** A transport that is offline until told otherwise. */
function network() {
  let online = false;
  const sends: string[] = [];
  const uploads: number[] = [];
  const transport: MediaTransport = {
    uploadMedia: (ciphertext) => {
      uploads.push(ciphertext.length);
      return online
        ? Promise.resolve(`mxc://hs/${String(uploads.length)}`)
        : Promise.reject(new Error("offline"));
    },
    sendMedia: (_roomId, _media, txnId) => {
      sends.push(txnId);
      return online ? Promise.resolve("$sent") : Promise.reject(new Error("offline"));
    },
    redact: vi.fn(() => Promise.resolve()),
  };
  return {
    transport,
    sends,
    uploads,
    goOnline: () => {
      online = true;
    },
  };
}

/** One page load: an outbox on the device's store (the same factory is the same device). */
function pageLoad(factory: IDBFactory, net: ReturnType<typeof network>) {
  const store = createIndexedDbMediaOutboxStore(mediaOutboxDatabaseName("@noor:hs"), factory);
  let n = 0;
  const box = new MediaOutbox(
    net.transport,
    (file, kind) => prepareAttachment(file, kind, reencoder),
    () => `${String(Date.now())}-${String(++n)}`,
    store,
  );
  return { store, box };
}

const photo = {
  roomId: "!lotte",
  file: picked("strand.jpg", "image/jpeg"),
  kind: "image" as const,
  caption: "Het strand",
  unsendCaveat: undefined,
};

describe("a photo not sent yet survives a reload", () => {
  it("keeps the prepared photo until sent, restores it as not sent, and forgets it once it went", async () => {
    const factory = new IDBFactory();
    const net = network();
    const first = pageLoad(factory, net);
    await first.box.enqueue(photo).done;
    expect(first.box.getSnapshot().items).toMatchObject([{ state: "failed" }]);
    const kept = await first.store.list();
    expect(kept).toHaveLength(1);
    // What is kept is the encrypted, re-encoded picture: never the picked file's bytes.
    expect(kept[0]).toMatchObject({ roomId: "!lotte", caption: "Het strand", kind: "image" });
    expect(kept[0]?.prepared.main.ciphertext).toBeInstanceOf(Uint8Array);
    expect(kept[0]?.uploaded).toEqual({});
    first.store.close();

    // Reload: a new outbox on the same device.
    const second = pageLoad(factory, net);
    expect(second.box.getSnapshot().items).toEqual([]);
    await second.box.restore();
    expect(second.box.getSnapshot().items).toMatchObject([
      {
        id: kept[0]?.id,
        roomId: "!lotte",
        name: "strand.jpg",
        state: "failed",
        failedStep: "uploading",
      },
    ]);
    net.goOnline();
    expect(await second.box.retryFailed()).toBe(true);
    expect(net.sends).toEqual([kept[0]?.txnId]);
    expect(second.box.getSnapshot().items).toEqual([]);
    await vi.waitFor(async () => {
      expect(await second.store.list()).toEqual([]);
    });
  });

  it("resumes after the reload from the part the server already has, with the same transaction", async () => {
    const factory = new IDBFactory();
    const net = network();
    net.goOnline();
    const failingSend: MediaTransport = {
      ...net.transport,
      sendMedia: () => Promise.reject(new Error("offline")),
    };
    const store = createIndexedDbMediaOutboxStore(mediaOutboxDatabaseName("@noor:hs"), factory);
    const box = new MediaOutbox(
      failingSend,
      (file, kind) => prepareAttachment(file, kind, reencoder),
      () => "a",
      store,
    );
    await box.enqueue(photo).done;
    expect(net.uploads).toHaveLength(2);
    expect((await store.list())[0]?.uploaded).toEqual({
      thumbnail: "mxc://hs/1",
      main: "mxc://hs/2",
    });
    store.close();

    const second = pageLoad(factory, net);
    await second.box.restore();
    expect(second.box.getSnapshot().items).toMatchObject([{ failedStep: "sending" }]);
    await second.box.retryFailed();
    // Nothing uploaded twice; the event goes with the transaction ID it had.
    expect(net.uploads).toHaveLength(2);
    expect(net.sends).toEqual(["sbd-media-a"]);
  });

  it("forgets a cancelled photo on the device at once, and everything on sign-out", async () => {
    const factory = new IDBFactory();
    const net = network();
    const { store, box } = pageLoad(factory, net);
    const { id, done } = box.enqueue(photo);
    await done;
    box.enqueue({ ...photo, roomId: "!other" });
    await vi.waitFor(async () => {
      expect(await store.list()).toHaveLength(2);
    });
    box.cancel(id);
    await vi.waitFor(async () => {
      expect((await store.list()).map((a) => a.roomId)).toEqual(["!other"]);
    });
    store.close();
    await deleteMediaOutbox(mediaOutboxDatabaseName("@noor:hs"), factory);
    const after = pageLoad(factory, net);
    await after.box.restore();
    expect(after.box.getSnapshot().items).toEqual([]);
  });

  it("reads back only what the outbox wrote: anything else is not an attachment", () => {
    expect(parseStoredAttachment(undefined)).toBeUndefined();
    expect(parseStoredAttachment({ id: "x" })).toBeUndefined();
    expect(
      parseStoredAttachment({
        id: "x",
        roomId: "!r",
        name: "a",
        caption: "",
        txnId: "t",
        kind: "file",
        storedAt: 1,
        prepared: { kind: "file", main: { ciphertext: "not bytes" } },
        uploaded: {},
      }),
    ).toBeUndefined();
    expect(
      parseStoredAttachment({
        id: "x",
        roomId: "!r",
        name: "a",
        caption: "",
        txnId: "t",
        kind: "file",
        storedAt: 1,
        prepared: {
          kind: "file",
          filename: "a",
          main: { ciphertext: new Uint8Array(1), keys: {}, mimetype: "text/plain", size: 1 },
        },
        uploaded: { main: "https://elsewhere/x" },
      }),
    ).toBeUndefined();
  });
});
