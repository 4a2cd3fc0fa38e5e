// Media (receive side): what a downloaded picture's header says it is: its
// format and its dimensions, read before anything decodes it. The format
// check refuses bytes that are not the raster type the sender declared (SVG,
// HTML or a program named "foto.jpg"); the dimensions catch a decompression
// bomb (a small file declaring a huge canvas) before the decoder allocates
// it. Only the container's header is read, never what the picture shows.

/** A raster format this device decodes, with the dimensions its header declares. */
export type PictureHeader = {
  readonly type: "image/jpeg" | "image/png" | "image/gif" | "image/webp";
  readonly width: number;
  readonly height: number;
};

/** The header of a JPEG, PNG, GIF or WebP; undefined for anything else or a truncated header. */
export function readPictureHeader(bytes: Uint8Array): PictureHeader | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg(bytes);
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return gif(bytes);
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 4) === "WEBP") {
    return webp(bytes);
  }
  return undefined;
}

function png(bytes: Uint8Array): PictureHeader | undefined {
  // The first chunk must be IHDR: width and height as big-endian 32-bit integers.
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== "IHDR") return undefined;
  return sized("image/png", u32be(bytes, 16), u32be(bytes, 20));
}

function gif(bytes: Uint8Array): PictureHeader | undefined {
  if (bytes.length < 10) return undefined;
  return sized("image/gif", u16le(bytes, 6), u16le(bytes, 8));
}

function webp(bytes: Uint8Array): PictureHeader | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8 " && bytes.length >= 30) {
    return sized("image/webp", u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
  }
  if (chunk === "VP8L" && bytes.length >= 25) {
    const bits =
      (bytes[21] ?? 0) |
      ((bytes[22] ?? 0) << 8) |
      ((bytes[23] ?? 0) << 16) |
      ((bytes[24] ?? 0) << 24);
    return sized("image/webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X" && bytes.length >= 30) {
    return sized("image/webp", u24le(bytes, 24) + 1, u24le(bytes, 27) + 1);
  }
  return undefined;
}

/** Walks the JPEG's segments to its frame header (SOFn), which holds the dimensions. */
function jpeg(bytes: Uint8Array): PictureHeader | undefined {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = u16be(bytes, offset + 2);
    if (length < 2) return undefined;
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (offset + 9 > bytes.length) return undefined;
      return sized("image/jpeg", u16be(bytes, offset + 7), u16be(bytes, offset + 5));
    }
    // Start of scan before any frame header: not a picture we read.
    if (marker === 0xda || marker === 0xd9) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

function sized(
  type: PictureHeader["type"],
  width: number,
  height: number,
): PictureHeader | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

const at = (bytes: Uint8Array, offset: number): number => bytes[offset] ?? 0;
const u16be = (b: Uint8Array, o: number): number => (at(b, o) << 8) | at(b, o + 1);
const u16le = (b: Uint8Array, o: number): number => at(b, o) | (at(b, o + 1) << 8);
const u24le = (b: Uint8Array, o: number): number =>
  at(b, o) | (at(b, o + 1) << 8) | (at(b, o + 2) << 16);
const u32be = (b: Uint8Array, o: number): number =>
  ((at(b, o) << 24) >>> 0) + (at(b, o + 1) << 16) + (at(b, o + 2) << 8) + at(b, o + 3);
