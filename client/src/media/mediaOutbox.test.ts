// Media (send side): what is sent as what, how a picked file is prepared
// (re-encoded, then encrypted), and the outbox's steps, retries and cancel.

import { decryptAttachment } from "@safety-by-design/protocol";
import { describe, expect, it, vi } from "vitest";
import { attachmentKindOf, checkAttachment, declaredFileType } from "./attachmentKind.ts";
import {
  MediaOutbox,
  type MediaTransport,
  type OutboxTiming,
  type OutboxTimer,
} from "./mediaOutbox.ts";
import type { OutgoingMedia } from "./outgoingMedia.ts";
import { prepareAttachment, safeFileName, type PictureReencoder } from "./prepareAttachment.ts";

const picked = (name: string, type: string, bytes = [1, 2, 3]) =>
  Object.assign(new Blob([new Uint8Array(bytes)], { type }), { name });

/** Draws "pixels" only: the bytes it returns name the size asked for. */
const fakeReencoder: PictureReencoder = (_source, type, sides) =>
  Promise.resolve(
    sides.map((side) => ({
      bytes: new TextEncoder().encode(`pixels@${String(side)}`),
      type,
      width: side,
      height: side / 2,
    })),
  );

describe("what a picked file is sent as", () => {
  it.each([
    ["image/jpeg", "image"],
    ["image/PNG", "image"],
    ["image/webp", "image"],
    ["image/gif", "image"],
    ["image/svg+xml", "file"],
    ["text/html", "file"],
    ["application/x-msdownload", "file"],
    ["image/heic", "file"],
    ["", "file"],
  ])("%s as %s", (type, kind) => {
    expect(attachmentKindOf(type)).toBe(kind);
  });

  it("refuses a file over the configured limit, and an empty one", () => {
    expect(checkAttachment({ name: "a.jpg", type: "image/jpeg", size: 11 }, 10)).toEqual({
      ok: false,
      problem: "too-large",
      maxBytes: 10,
    });
    expect(checkAttachment({ name: "a", type: "", size: 0 }, 10)).toMatchObject({
      problem: "empty",
    });
    expect(checkAttachment({ name: "a.svg", type: "image/svg+xml", size: 10 }, 10)).toEqual({
      ok: true,
      kind: "file",
    });
  });

  it("declares a file's type only when it looks like one", () => {
    expect(declaredFileType("application/pdf")).toBe("application/pdf");
    expect(declaredFileType("")).toBe("application/octet-stream");
    expect(declaredFileType("text/html; charset=<script>")).toBe("application/octet-stream");
  });

  it("keeps a file's own name, without folders or control characters", () => {
    expect(safeFileName("C:\\Users\\noor\\verslag.pdf")).toBe("verslag.pdf");
    expect(safeFileName("a\u0000b\nc.txt")).toBe("abc.txt");
    expect(safeFileName("   ")).toBe("file");
  });
});

describe("prepareAttachment", () => {
  it("sends a picture as it was drawn again (never the picked bytes), with a preview, both encrypted", async () => {
    const original = picked("IMG_0001.JPG", "image/jpeg", [0xff, 0xd8, 0xff, 0xe1, 9, 9]);
    const prepared = await prepareAttachment(original, "image", fakeReencoder);
    if (prepared.kind !== "image") throw new Error("expected an image");
    expect(prepared.filename).toBe("image.jpg");
    expect(prepared.main).toMatchObject({ mimetype: "image/jpeg", width: 2560, height: 1280 });
    expect(prepared.thumbnail).toMatchObject({ width: 800, height: 400 });
    const main = await decryptAttachment(prepared.main.ciphertext, prepared.main.keys);
    expect(new TextDecoder().decode(main)).toBe("pixels@2560");
    expect(prepared.main.keys.key.k).not.toBe(prepared.thumbnail.keys.key.k);
  });

  it("sends what does not decode as a picture as a file", async () => {
    const prepared = await prepareAttachment(picked("x.jpg", "image/jpeg"), "image", () =>
      Promise.reject(new Error("not a picture")),
    );
    expect(prepared).toMatchObject({ kind: "file", filename: "x.jpg", main: { size: 3 } });
  });

  it("never decodes a file", async () => {
    const reencode = vi.fn(fakeReencoder);
    const prepared = await prepareAttachment(
      picked("a.svg", "image/svg+xml", [60, 115]),
      "file",
      reencode,
    );
    expect(reencode).not.toHaveBeenCalled();
    expect(prepared.main.mimetype).toBe("image/svg+xml");
    expect(await decryptAttachment(prepared.main.ciphertext, prepared.main.keys)).toEqual(
      new Uint8Array([60, 115]),
    );
  });
});

/** A transport whose uploads and sends the test settles by hand. */
function fakeTransport() {
  const uploads: {
    bytes: number;
    progress: (loaded: number) => void;
    signal: AbortSignal;
    resolve: (url: string) => void;
    reject: (error: Error) => void;
  }[] = [];
  const sends: { roomId: string; media: OutgoingMedia; txnId: string }[] = [];
  let sendFails = false;
  const transport: MediaTransport = {
    uploadMedia: (ciphertext, progress, signal) =>
      new Promise((resolve, reject) => {
        uploads.push({ bytes: ciphertext.length, progress, signal, resolve, reject });
        signal.addEventListener("abort", () => {
          reject(new DOMException("aborted", "AbortError"));
        });
      }),
    sendMedia: (roomId, media, txnId) => {
      sends.push({ roomId, media, txnId });
      return sendFails ? Promise.reject(new Error("offline")) : Promise.resolve("$sent");
    },
    redact: vi.fn(() => Promise.resolve()),
  };
  return {
    transport,
    uploads,
    sends,
    failSends: (fail: boolean) => {
      sendFails = fail;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until the outbox asked for the n-th upload (preparing encrypts with WebCrypto first). */
const uploadsReach = (t: { uploads: readonly unknown[] }, n: number) =>
  vi.waitFor(() => {
    if (t.uploads.length < n) throw new Error(`waiting for upload ${String(n)}`);
  });

function outbox(transport: MediaTransport) {
  let n = 0;
  const prepare = vi.fn((file: Blob & { name: string }) =>
    prepareAttachment(file, "image", fakeReencoder),
  );
  const box = new MediaOutbox(transport, prepare, () => String(++n));
  return { box, prepare };
}

const states = (box: MediaOutbox) => box.getSnapshot().items.map((item) => item.state);

describe("MediaOutbox", () => {
  it("prepares, uploads the preview and the picture with progress, sends, then lets the timeline show it", async () => {
    const t = fakeTransport();
    const { box } = outbox(t.transport);
    const { done } = box.enqueue({
      roomId: "!r",
      file: picked("a.jpg", "image/jpeg"),
      kind: "image",
      caption: " Kijk! ",
      unsendCaveat: undefined,
    });
    expect(states(box)).toEqual(["preparing"]);
    await uploadsReach(t, 1);
    expect(states(box)).toEqual(["uploading"]);
    const [thumbnail] = t.uploads;
    if (thumbnail === undefined) throw new Error("no upload");
    thumbnail.progress(5);
    expect(box.getSnapshot().items[0]).toMatchObject({ loaded: 5 });
    thumbnail.resolve("mxc://hs/thumb");
    await uploadsReach(t, 2);
    t.uploads[1]?.resolve("mxc://hs/main");
    await done;
    expect(t.sends).toHaveLength(1);
    const media = t.sends[0]?.media;
    expect(media).toMatchObject({
      kind: "image",
      body: "Kijk!",
      filename: "image.jpg",
      main: { file: { url: "mxc://hs/main", v: "v2" }, width: 2560 },
      thumbnail: { file: { url: "mxc://hs/thumb" }, width: 800 },
    });
    expect(box.getSnapshot().items).toEqual([]);
  });

  it("retries a failed upload from where it stopped, with the same bytes", async () => {
    const t = fakeTransport();
    const { box, prepare } = outbox(t.transport);
    box.enqueue({
      roomId: "!r",
      file: picked("a.jpg", "image/jpeg"),
      kind: "image",
      caption: "",
      unsendCaveat: undefined,
    });
    await uploadsReach(t, 1);
    t.uploads[0]?.resolve("mxc://hs/thumb");
    await uploadsReach(t, 2);
    t.uploads[1]?.reject(new Error("network"));
    await settle();
    expect(box.getSnapshot().items[0]).toMatchObject({ state: "failed", failedStep: "uploading" });
    const retried = box.retry("1");
    await uploadsReach(t, 3);
    // Only the picture goes up again; it was prepared (and encrypted) once.
    expect(t.uploads).toHaveLength(3);
    expect(t.uploads[2]?.bytes).toBe(t.uploads[1]?.bytes);
    expect(prepare).toHaveBeenCalledTimes(1);
    t.uploads[2]?.resolve("mxc://hs/main");
    await retried;
    expect(t.sends[0]?.media.kind).toBe("image");
  });

  it("sends a failed event again with the same transaction ID (the server takes it once)", async () => {
    const t = fakeTransport();
    t.failSends(true);
    const { box } = outbox(t.transport);
    const file = picked("a.jpg", "image/jpeg");
    box.enqueue({ roomId: "!r", file, kind: "image", caption: "", unsendCaveat: undefined });
    await uploadsReach(t, 1);
    t.uploads[0]?.resolve("mxc://hs/thumb");
    await uploadsReach(t, 2);
    t.uploads[1]?.resolve("mxc://hs/main");
    await settle();
    expect(box.getSnapshot().items[0]).toMatchObject({ state: "failed", failedStep: "sending" });
    // Still failing: the retry says so, and the attachment stays.
    await expect(box.retryFailed()).resolves.toBe(false);
    expect(box.getSnapshot().items[0]).toMatchObject({ state: "failed", failedStep: "sending" });
    t.failSends(false);
    await expect(box.retryFailed()).resolves.toBe(true);
    await settle();
    expect(t.sends.map((send) => send.txnId)).toEqual([
      "sbd-media-1",
      "sbd-media-1",
      "sbd-media-1",
    ]);
    expect(t.uploads).toHaveLength(2);
    expect(box.getSnapshot().items).toEqual([]);
  });

  it("cancels an upload in flight: aborted and forgotten, nothing sent", async () => {
    const t = fakeTransport();
    const { box } = outbox(t.transport);
    const { id, done } = box.enqueue({
      roomId: "!r",
      file: picked("a.jpg", "image/jpeg"),
      kind: "image",
      caption: "",
      unsendCaveat: undefined,
    });
    await uploadsReach(t, 1);
    box.cancel(id);
    await done;
    expect(t.uploads[0]?.signal.aborted).toBe(true);
    expect(box.getSnapshot().items).toEqual([]);
    expect(t.sends).toEqual([]);
  });

  it("keeps an attachment the engine offered to unsend, and takes it back on request", async () => {
    const t = fakeTransport();
    const { box } = outbox(t.transport);
    const { id, done } = box.enqueue({
      roomId: "!r",
      file: picked("a.jpg", "image/jpeg"),
      kind: "image",
      caption: "",
      unsendCaveat: { id: "media-unsend-caveat", severity: "info", copyKey: "notice.x" },
    });
    await uploadsReach(t, 1);
    t.uploads[0]?.resolve("mxc://hs/thumb");
    await uploadsReach(t, 2);
    t.uploads[1]?.resolve("mxc://hs/main");
    await done;
    expect(states(box)).toEqual(["sent"]);
    await box.unsend(id);
    expect(t.transport.redact).toHaveBeenCalledWith("!r", "$sent");
    expect(states(box)).toEqual(["unsent"]);
    box.dismiss(id);
    expect(box.getSnapshot().items).toEqual([]);
  });

  it("sends a file as a file", async () => {
    const t = fakeTransport();
    const prepare = (file: Blob & { name: string; type: string; size: number }) =>
      prepareAttachment(file, "file", fakeReencoder);
    const box = new MediaOutbox(t.transport, prepare, () => "f");
    const { done } = box.enqueue({
      roomId: "!r",
      file: picked("page.html", "text/html"),
      kind: "file",
      caption: "",
      unsendCaveat: undefined,
    });
    await uploadsReach(t, 1);
    t.uploads[0]?.resolve("mxc://hs/file");
    await done;
    expect(t.sends[0]?.media).toMatchObject({
      kind: "file",
      body: "page.html",
      main: { mimetype: "text/html", size: 3 },
    });
  });
});

/** A timer the test runs by hand: what is due, and with which pause. */
function manualTimer() {
  const due: { callback: () => void; delayMs: number; cleared: boolean }[] = [];
  const timer: OutboxTimer = {
    setTimeout: (callback, delayMs) => {
      const entry = { callback, delayMs, cleared: false };
      due.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const entry = due.find((candidate) => candidate === handle);
      if (entry !== undefined) entry.cleared = true;
    },
  };
  const pending = () => due.filter((entry) => !entry.cleared).map((entry) => entry.delayMs);
  /** Runs the pending callback with this pause (as if that much time passed for it). */
  const fire = (delayMs: number) => {
    const entry = due.find((candidate) => !candidate.cleared && candidate.delayMs === delayMs);
    if (entry === undefined) throw new Error(`nothing due after ${String(delayMs)} ms`);
    entry.cleared = true;
    entry.callback();
  };
  return { timer, pending, fire };
}

function timedOutbox(transport: MediaTransport, online: () => boolean = () => true) {
  const clock = manualTimer();
  const prepare = (file: Blob & { name: string; type: string; size: number }) =>
    prepareAttachment(file, "file", fakeReencoder);
  const timing: OutboxTiming = {
    timer: clock.timer,
    retryPausesMs: [1_000, 3_000, 10_000],
    stallMs: 30_000,
    online,
  };
  const box = new MediaOutbox(transport, prepare, () => "f", undefined, Date.now, timing);
  box.enqueue({
    roomId: "!r",
    file: picked("afspraken.txt", "text/plain"),
    kind: "file",
    caption: "",
    unsendCaveat: undefined,
  });
  return { box, clock };
}

describe("MediaOutbox, by itself after a failure", () => {
  it("goes again on a timer, waiting longer after each failure in a row, and at once on wake", async () => {
    const t = fakeTransport();
    const { box, clock } = timedOutbox(t.transport);
    await uploadsReach(t, 1);
    t.uploads[0]?.reject(new Error("network"));
    await settle();
    expect(states(box)).toEqual(["failed"]);
    expect(clock.pending()).toEqual([1_000]);
    clock.fire(1_000);
    await uploadsReach(t, 2);
    t.uploads[1]?.reject(new Error("network"));
    await settle();
    expect(clock.pending()).toEqual([3_000]);
    clock.fire(3_000);
    await uploadsReach(t, 3);
    t.uploads[2]?.reject(new Error("network"));
    await settle();
    // The longest pause repeats, for as long as it keeps failing.
    clock.fire(10_000);
    await uploadsReach(t, 4);
    t.uploads[3]?.reject(new Error("network"));
    await settle();
    expect(clock.pending()).toEqual([10_000]);
    // The network is back: it goes now, not after the pause.
    const woken = box.wake();
    // Only the stuck-upload bound of the upload now in flight is due.
    expect(clock.pending()).toEqual([30_000]);
    await uploadsReach(t, 5);
    t.uploads[4]?.resolve("mxc://hs/file");
    await expect(woken).resolves.toBe(true);
    expect(t.sends).toHaveLength(1);
    expect(box.getSnapshot().items).toEqual([]);
    expect(clock.pending()).toEqual([]);
  });

  it("skips the short pauses while the browser says it is offline, and tries at the next pause once it is not", async () => {
    const t = fakeTransport();
    let online = false;
    const { box, clock } = timedOutbox(t.transport, () => online);
    await uploadsReach(t, 1);
    t.uploads[0]?.reject(new Error("offline"));
    await settle();
    clock.fire(1_000);
    clock.fire(3_000);
    await settle();
    expect(t.uploads).toHaveLength(1);
    expect(states(box)).toEqual(["failed"]);
    // No "online" event needed: the timer finds the network back.
    online = true;
    clock.fire(10_000);
    await uploadsReach(t, 2);
    t.uploads[1]?.resolve("mxc://hs/file");
    await vi.waitFor(() => {
      expect(t.sends).toHaveLength(1);
    });
    expect(box.getSnapshot().items).toEqual([]);
  });

  it("never stops trying while the browser keeps saying offline (it can be wrong), and wake always tries", async () => {
    const t = fakeTransport();
    const { box, clock } = timedOutbox(t.transport, () => false);
    await uploadsReach(t, 1);
    t.uploads[0]?.reject(new Error("offline"));
    await settle();
    clock.fire(1_000);
    clock.fire(3_000);
    await settle();
    expect(t.uploads).toHaveLength(1);
    // The longest pause tries anyway, and the network was in fact back.
    clock.fire(10_000);
    await uploadsReach(t, 2);
    t.uploads[1]?.reject(new Error("offline"));
    await settle();
    expect(states(box)).toEqual(["failed"]);
    // A sign that the network is back (the online event, the sync) tries at once.
    const woken = box.wake();
    await uploadsReach(t, 3);
    t.uploads[2]?.resolve("mxc://hs/file");
    await expect(woken).resolves.toBe(true);
    expect(t.sends).toHaveLength(1);
  });

  it("ends an upload that stopped moving as failed, keeps it with retry, and sends it on the next try", async () => {
    const t = fakeTransport();
    const { box, clock } = timedOutbox(t.transport);
    await uploadsReach(t, 1);
    expect(clock.pending()).toEqual([30_000]);
    // Progress moves the bound on.
    t.uploads[0]?.progress(1);
    expect(clock.pending()).toEqual([30_000]);
    // Then nothing for the whole bound (the network went while it was in flight).
    clock.fire(30_000);
    await settle();
    expect(t.uploads[0]?.signal.aborted).toBe(true);
    expect(box.getSnapshot().items[0]).toMatchObject({ state: "failed", failedStep: "uploading" });
    expect(clock.pending()).toEqual([1_000]);
    clock.fire(1_000);
    await uploadsReach(t, 2);
    t.uploads[1]?.resolve("mxc://hs/file");
    await vi.waitFor(() => {
      expect(t.sends).toHaveLength(1);
    });
    expect(clock.pending()).toEqual([]);
  });

  it("stops retrying once stopped (sign-out)", async () => {
    const t = fakeTransport();
    const { box, clock } = timedOutbox(t.transport);
    await uploadsReach(t, 1);
    t.uploads[0]?.reject(new Error("network"));
    await settle();
    box.stop();
    expect(clock.pending()).toEqual([]);
    const again = box.retryFailed();
    await uploadsReach(t, 2);
    t.uploads[1]?.reject(new Error("network"));
    await expect(again).resolves.toBe(false);
    expect(clock.pending()).toEqual([]);
    expect(states(box)).toEqual(["failed"]);
  });
});
