// Proof that stays in the suite, as e2ee-canary.test.ts for text: the
// homeserver never holds an image's or a file's plaintext. Alice sends a
// unique picture and a unique file through the client's own outbox (prepared
// and encrypted on her device, uploaded, sent as m.image / m.file with
// EncryptedFile v2); Bob's device downloads and decrypts both to the same
// bytes; then every file in Synapse's data folder (its database and the
// media store) is searched for them.
//
// Node has no canvas, so here the picture goes as it was made (a real PNG
// carrying the canary in a text chunk); re-encoding on the device, which
// strips the location, is proven in Chromium (e2e/tests/media-send.spec.ts).

import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MediaOutbox,
  prepareAttachment,
  type ChatSession,
  type PictureReencoder,
} from "@safety-by-design/client/actors";
import { freshAccount, startNewDevice, testHomeserver, until } from "./support.ts";

const homeserver = testHomeserver;

function filesBelow(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** A 2×1 PNG with the canary in a tEXt chunk (a real picture, unique to this run). */
function canaryPng(canary: string): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("tEXt", Buffer.from(`Comment\0${canary}`, "latin1")),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

/** Node has no canvas: the picture is "drawn" as it is, at its own size (see the header). */
const asItIs: PictureReencoder = async (source, type) => {
  const bytes = new Uint8Array(await source.arrayBuffer());
  return [
    { bytes, type, width: 2, height: 1 },
    { bytes, type, width: 2, height: 1 },
  ];
};

describe("encrypted images and files against the real homeserver", () => {
  let alice: ChatSession;
  let bob: ChatSession;
  let roomId: string;
  const imageCanary = `canary-image-${randomUUID()}`;
  const fileCanary = `canary-file-${randomUUID()}`;
  const image = canaryPng(imageCanary);
  const file = new TextEncoder().encode(`${fileCanary}\n`.repeat(64));

  beforeAll(async () => {
    alice = await startNewDevice(await freshAccount("alice"));
    bob = await startNewDevice(await freshAccount("bob"));
    roomId = await alice.createEncryptedDirectChat(bob.userId);
    await until(
      () => bob.chats.find((c) => c.roomId === roomId && c.membership === "invite"),
      "bob's invite",
    );
    await bob.join(roomId);
    await until(() => alice.chats.find((c) => c.roomId === roomId), "alice's room");
  });

  afterAll(() => {
    alice.stop();
    bob.stop();
  });

  it("sends a picture and a file that decrypt on the recipient's device to the same bytes", async () => {
    const outbox = new MediaOutbox(
      alice,
      (picked, kind) => prepareAttachment(picked, kind, asItIs),
      () => randomUUID(),
    );
    const picture = Object.assign(new Blob([image], { type: "image/png" }), { name: "x.png" });
    const document = Object.assign(new Blob([file], { type: "text/plain" }), { name: "notes.txt" });
    const sent = [
      outbox.enqueue({
        roomId,
        file: picture,
        kind: "image",
        caption: "",
        unsendCaveat: undefined,
      }),
      outbox.enqueue({
        roomId,
        file: document,
        kind: "file",
        caption: "",
        unsendCaveat: undefined,
      }),
    ];
    await Promise.all(sent.map(({ done }) => done));
    expect(outbox.getSnapshot().items).toEqual([]);

    const received = await until(() => {
      const media = bob.messages(roomId).filter((m) => m.media !== undefined);
      return media.length === 2 ? media : undefined;
    }, "both attachments on bob's side");
    const imageMessage = received.find((m) => m.media?.kind === "image");
    const fileMessage = received.find((m) => m.media?.kind === "file");
    expect(imageMessage?.media).toMatchObject({
      kind: "image",
      display: "picture",
      mimetype: "image/png",
      width: 2,
      height: 1,
      problem: undefined,
    });
    expect(fileMessage?.media).toMatchObject({
      kind: "file",
      name: "notes.txt",
      problem: undefined,
    });

    // The sender's own device shows them too (from its copy of the event).
    const own = await until(() => {
      const media = alice.messages(roomId).filter((m) => m.media !== undefined);
      return media.length === 2 && media.every((m) => m.sendState === "sent") ? media : undefined;
    }, "both attachments on alice's side");
    expect(own.map((m) => m.media?.problem)).toEqual([undefined, undefined]);

    const picturePlain = await bob.downloadMedia(roomId, imageMessage?.eventId ?? "", "file");
    expect(picturePlain.bytes).toEqual(image);
    const preview = await bob.downloadMedia(roomId, imageMessage?.eventId ?? "", "preview");
    expect(preview.bytes).toEqual(image);
    const filePlain = await bob.downloadMedia(roomId, fileMessage?.eventId ?? "", "file");
    expect(filePlain.bytes).toEqual(file);
  });

  // Only a local homeserver's storage can be searched (MATRIX_HOMESERVER_DATA_DIR
  // names it when the tests run against an instance started by hand).
  it.runIf(homeserver.dataDir !== undefined)(
    "leaves neither the picture nor the file in the homeserver's storage, media store included",
    () => {
      const files = filesBelow(homeserver.dataDir ?? "");
      const mediaStore = files.filter((f) => f.path.includes("media_store"));
      expect(mediaStore.length).toBeGreaterThanOrEqual(3);
      const holding = (needle: Uint8Array | string) =>
        files
          .filter((f) =>
            f.bytes.includes(typeof needle === "string" ? needle : Buffer.from(needle)),
          )
          .map((f) => f.path);
      expect(holding(imageCanary)).toEqual([]);
      expect(holding(fileCanary)).toEqual([]);
      expect(holding(image)).toEqual([]);
    },
  );
});
