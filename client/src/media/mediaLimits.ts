// Media (receive side): the limits an image or file must stay within to be
// fetched and drawn on this device. Not a safety rule about people (those are
// the engine's `media` decision): a device's defence against decompression
// bombs and memory exhaustion, checked on what a sender declares, then on the
// header of what arrived, then on what the decoder made of it.

export const MEDIA_LIMITS = {
  /** Width or height of a picture; beyond it, a decompression bomb or a useless strip. */
  maxSide: 12_000,
  /** Pixels of a picture (width × height): 40 MP, a phone camera's largest photos. */
  maxPixels: 40_000_000,
  /** Bytes of a picture downloaded to be drawn. */
  maxPictureBytes: 25 * 1024 * 1024,
  /** Bytes of a file downloaded to be saved. */
  maxFileBytes: 100 * 1024 * 1024,
} as const;

/** Raster types this device decodes (createImageBitmap); everything else is offered as a file. */
export const PICTURE_TYPES: readonly string[] = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
];
