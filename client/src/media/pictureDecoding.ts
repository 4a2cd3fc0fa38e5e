// Media (receive side): turning a downloaded, decrypted picture into what
// an <img> may show. Checked before decoding (the header's format must be
// the declared raster type, its dimensions within the pixel limit, its size
// within the byte limit), decoded with createImageBitmap (no script, no
// network: a bitmap is pixels), checked again after decoding (the decoder's
// dimensions must be the header's), then drawn smaller into a canvas and
// encoded again: the <img> shows a small PNG of pixels this device drew,
// never the sender's bytes, and a screen of 100 pictures holds 100 small
// ones. Nothing here looks at what the picture shows.

import { readPictureHeader } from "./pictureHeader.ts";

export type PictureLimits = {
  readonly maxSide: number;
  readonly maxPixels: number;
  readonly maxPictureBytes: number;
};

/** Why a picture is not shown; the view says so in a placeholder. */
export type PictureRefusal = "type-mismatch" | "too-large" | "damaged";

export class PictureRefused extends Error {
  readonly reason: PictureRefusal;
  constructor(reason: PictureRefusal) {
    super(`picture refused: ${reason}`);
    this.name = "PictureRefused";
    this.reason = reason;
  }
}

/** The browser APIs decoding needs; injected so tests can play them. */
export type PictureCodec = {
  decode(blob: Blob): Promise<ImageBitmap>;
  /** Draws the bitmap at the given size and encodes it as a PNG. */
  redraw(bitmap: ImageBitmap, width: number, height: number): Promise<Blob>;
};

/** Longest side of the picture as shown in a conversation (device pixels of a phone's bubble). */
export const SHOWN_MAX_SIDE = 720;

export const browserPictureCodec: PictureCodec = {
  decode: (blob) => createImageBitmap(blob),
  redraw: async (bitmap, width, height) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (context === null) throw new PictureRefused("damaged");
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: "image/png" });
    // Frees the canvas's pixels now rather than at the next garbage collection.
    canvas.width = 0;
    canvas.height = 0;
    return blob;
  },
};

/** A picture as it may be shown: a small PNG this device drew, and its dimensions. */
export type ShownPicture = { readonly blob: Blob; readonly width: number; readonly height: number };

/**
 * Checks, decodes and redraws a picture. `declaredType` is what the event
 * said (one of the raster types); bytes of another format, or of no raster
 * format at all, are refused.
 */
export async function pictureForDisplay(
  bytes: Uint8Array<ArrayBuffer>,
  declaredType: string | undefined,
  limits: PictureLimits,
  codec: PictureCodec = browserPictureCodec,
): Promise<ShownPicture> {
  if (bytes.byteLength > limits.maxPictureBytes) throw new PictureRefused("too-large");
  const header = readPictureHeader(bytes);
  // A preview may leave its type undeclared; then any raster type the header names will do.
  if (header === undefined || (declaredType !== undefined && header.type !== declaredType)) {
    throw new PictureRefused("type-mismatch");
  }
  if (!within(header.width, header.height, limits)) throw new PictureRefused("too-large");
  let bitmap: ImageBitmap;
  try {
    bitmap = await codec.decode(new Blob([bytes], { type: header.type }));
  } catch {
    throw new PictureRefused("damaged");
  }
  try {
    // The decoder must agree with the header it was allowed on (a second frame, a lying
    // header: a GIF's later frame may not grow the canvas past what was checked).
    if (
      bitmap.width !== header.width ||
      bitmap.height !== header.height ||
      !within(bitmap.width, bitmap.height, limits)
    ) {
      throw new PictureRefused("too-large");
    }
    const scale = Math.min(1, SHOWN_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    return { blob: await codec.redraw(bitmap, width, height), width, height };
  } finally {
    bitmap.close();
  }
}

function within(width: number, height: number, limits: PictureLimits): boolean {
  return width <= limits.maxSide && height <= limits.maxSide && width * height <= limits.maxPixels;
}
