// Media (receive side): turning a downloaded, decrypted picture into what
// the screen may draw. Checked before decoding (the header's format must be
// the declared raster type, its dimensions within the pixel limit, its size
// within the byte limit), decoded with createImageBitmap (no script, no
// network: a bitmap is pixels), checked again after decoding (the decoder's
// dimensions must be the header's), then scaled down on this device to the
// size it is shown at. The screen draws those pixels into a <canvas> of that
// size: never the sender's bytes, and no copy of the picture left in the
// browser's image caches once the row is gone (an <img> of an object URL
// kept every decoded picture of a long scroll in Chromium's cache: 580 MB
// after 100 pictures, see docs/measures/media.md). Nothing here looks at
// what the picture shows.

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
  /** A new bitmap of the picture at the given size (the original is closed by the caller). */
  scale(bitmap: ImageBitmap, width: number, height: number): Promise<ImageBitmap>;
};

/** Longest side of the picture as shown in a conversation (device pixels of a phone's bubble). */
export const SHOWN_MAX_SIDE = 720;
/** Longest side of the picture in the full-screen viewer (what a sender's picture has at most). */
export const VIEWER_MAX_SIDE = 2560;

export const browserPictureCodec: PictureCodec = {
  decode: (blob) => createImageBitmap(blob),
  scale: (bitmap, width, height) =>
    createImageBitmap(bitmap, { resizeWidth: width, resizeHeight: height, resizeQuality: "high" }),
};

/**
 * A picture as it may be shown: pixels this device decoded and scaled, and
 * their dimensions. Whoever holds it closes the bitmap when it is off screen.
 */
export type ShownPicture = {
  readonly bitmap: ImageBitmap;
  readonly width: number;
  readonly height: number;
};

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
  maxSide: number = SHOWN_MAX_SIDE,
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
  let kept = false;
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
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    if (scale === 1) {
      kept = true;
      return { bitmap, width: bitmap.width, height: bitmap.height };
    }
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    try {
      return { bitmap: await codec.scale(bitmap, width, height), width, height };
    } catch {
      throw new PictureRefused("damaged");
    }
  } finally {
    if (!kept) bitmap.close();
  }
}

function within(width: number, height: number, limits: PictureLimits): boolean {
  return width <= limits.maxSide && height <= limits.maxSide && width * height <= limits.maxPixels;
}
