// e2e support: someone who sends images and files from their own device (the
// client's Matrix layer in Node, as verifiedAdult.ts): encrypted as the spec
// has it, or bent into the shapes an attacker sends (an http URL, a preview
// that is not a picture, huge dimensions, a lying type, a decompression
// bomb). Also real PNG pictures of any size, built here (zlib, no fixtures).
import { deflateSync, crc32 } from "node:zlib";
import { encryptAttachment, type EncryptedFile } from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";

/** A real PNG: a width × height picture in two colours (a diagonal), decodable by any browser. */
export function pngPicture(width: number, height: number, seed = 0): Uint8Array<ArrayBuffer> {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const on = (x + y + seed) % 64 < 32;
      row.set(on ? [59, 59, 179] : [240, 200, 120], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return png(header, deflateSync(Buffer.concat(rows)));
}

/** A small PNG whose header declares a 100 000 × 100 000 canvas (40 GB once decoded). */
export function decompressionBomb(): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // A few rows of zeros: the whole canvas would be zeros, compressed to almost nothing.
  return png(header, deflateSync(Buffer.alloc(300_001 * 4)));
}

function png(header: Buffer, data: Buffer): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, body: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, "ascii"), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const bytes = Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", data),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(bytes);
}

/** SVG whose script, if it ever ran, would mark the page (the test then fails). */
export function svgWithScript(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>window.top.__mediaScriptRan = true</script><rect width="100" height="100" fill="red"/></svg>',
  );
}

/** Encrypts and uploads bytes through the sender's own device; the EncryptedFile to put in an event. */
export async function uploadEncrypted(
  session: ChatSession,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<EncryptedFile> {
  const { ciphertext, keys } = await encryptAttachment(bytes);
  const url = await session.uploadMedia(ciphertext, () => undefined, new AbortController().signal);
  return { url, ...keys };
}

let txn = 0;
const txnId = (): string => `e2e-media-${String(Date.now())}-${String(++txn)}`;

type PictureDeclared = {
  readonly mimetype?: string;
  readonly width: number;
  readonly height: number;
  readonly file?: Partial<EncryptedFile>;
  readonly thumbnailMimetype?: string;
  readonly thumbnailFile?: Partial<EncryptedFile>;
};

/**
 * Sends `bytes` as an encrypted `m.image` (its preview: the same bytes),
 * declaring what `declared` says: the truth, or an attacker's lie.
 */
export async function sendPicture(
  session: ChatSession,
  roomId: string,
  bytes: Uint8Array<ArrayBuffer>,
  declared: PictureDeclared,
  body = "foto.png",
): Promise<{ readonly eventId: string; readonly mxc: string }> {
  const file = await uploadEncrypted(session, bytes);
  const part = {
    mimetype: declared.mimetype ?? "image/png",
    size: bytes.length,
    width: declared.width,
    height: declared.height,
  };
  const eventId = await session.sendMedia(
    roomId,
    {
      kind: "image",
      body,
      filename: body,
      main: { ...part, file: { ...file, ...declared.file } },
      thumbnail: {
        ...part,
        mimetype: declared.thumbnailMimetype ?? part.mimetype,
        file: { ...file, ...declared.thumbnailFile },
      },
    },
    txnId(),
  );
  return { eventId, mxc: file.url };
}

/** Sends `bytes` as an encrypted `m.file` with this name and declared type. */
export async function sendFile(
  session: ChatSession,
  roomId: string,
  bytes: Uint8Array<ArrayBuffer>,
  filename: string,
  mimetype: string,
): Promise<{ readonly eventId: string; readonly mxc: string }> {
  const file = await uploadEncrypted(session, bytes);
  const eventId = await session.sendMedia(
    roomId,
    {
      kind: "file",
      body: filename,
      filename,
      main: { file, mimetype, size: bytes.length },
    },
    txnId(),
  );
  return { eventId, mxc: file.url };
}

/** The media ID of an mxc URI: what a download request's URL ends with. */
export const mediaIdOf = (mxc: string): string => mxc.slice(mxc.lastIndexOf("/") + 1);
