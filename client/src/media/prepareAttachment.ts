// Media (send side): a picked file made ready to upload, on this device,
// before anything leaves it. A picture is decoded (turned upright by its EXIF
// orientation) and drawn again onto a canvas, which writes pixels only: the
// EXIF block with its GPS position, XMP and the camera's maker notes are not
// carried over, so no location reaches anyone (the Matrix spec leaves this to
// clients; Signal and WhatsApp strip the same way). A preview (at most 800 px)
// is drawn from the same decoded picture. Then each part is encrypted with its
// own key (protocol/src/media/attachment.ts). A file that is not a picture is
// encrypted as it is and never opened.
//
// Nothing here looks at what a picture shows: it is decoded only to be drawn
// again without its metadata.

import { encryptAttachment, type EncryptedAttachment } from "@safety-by-design/protocol";
import {
  declaredFileType,
  reencodedType,
  type AttachmentKind,
  type PickedFile,
} from "./attachmentKind.ts";

/** The longest side a sent picture keeps (larger ones are scaled down, as chat apps do). */
export const MAX_PICTURE_SIDE = 2560;
/** The longest side of the preview sent with a picture (the spec's thumbnail). */
export const THUMBNAIL_SIDE = 800;

/** A picture drawn again: only pixels, in the type asked for (or what the browser could write). */
export type Reencoded = {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;
  readonly width: number;
  readonly height: number;
};

/**
 * Decodes a picture once and draws it again at each longest side asked for
 * (never larger than it is). Rejects when the bytes are not a picture the
 * browser decodes; the file is then sent as a file.
 */
export type PictureReencoder = (
  source: Blob,
  type: string,
  longestSides: readonly number[],
) => Promise<readonly Reencoded[]>;

export type PreparedPart = EncryptedAttachment & {
  readonly mimetype: string;
  /** Bytes before encryption. */
  readonly size: number;
};

export type PreparedPicturePart = PreparedPart & {
  readonly width: number;
  readonly height: number;
};

export type PreparedAttachment =
  | {
      readonly kind: "image";
      readonly filename: string;
      readonly main: PreparedPicturePart;
      readonly thumbnail: PreparedPicturePart;
    }
  | { readonly kind: "file"; readonly filename: string; readonly main: PreparedPart };

export type Encrypt = (plaintext: Uint8Array<ArrayBuffer>) => Promise<EncryptedAttachment>;

/**
 * Re-encodes (a picture) and encrypts. A picture the browser cannot decode
 * (a ".jpg" that is not one) is sent as a file: never rendered anywhere.
 */
export async function prepareAttachment(
  file: Blob & PickedFile,
  kind: AttachmentKind,
  reencode: PictureReencoder,
  encrypt: Encrypt = encryptAttachment,
): Promise<PreparedAttachment> {
  if (kind === "image") {
    const drawn = await reencode(file, reencodedType(file.type), [
      MAX_PICTURE_SIDE,
      THUMBNAIL_SIDE,
    ]).catch(() => undefined);
    const [main, thumbnail] = drawn ?? [];
    if (main !== undefined && thumbnail !== undefined) {
      return {
        kind: "image",
        filename: `image.${extensionOf(main.type)}`,
        main: await encryptPicture(main, encrypt),
        thumbnail: await encryptPicture(thumbnail, encrypt),
      };
    }
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    kind: "file",
    filename: safeFileName(file.name),
    main: { ...(await encrypt(bytes)), mimetype: declaredFileType(file.type), size: bytes.length },
  };
}

async function encryptPicture(picture: Reencoded, encrypt: Encrypt): Promise<PreparedPicturePart> {
  return {
    ...(await encrypt(picture.bytes)),
    mimetype: picture.type,
    size: picture.bytes.length,
    width: picture.width,
    height: picture.height,
  };
}

function extensionOf(type: string): string {
  switch (type) {
    case "image/png":
      return "png";
    case "image/webp":
      return "webp";
    default:
      return "jpg";
  }
}

/** The file's own name without any folder part or control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  // Control characters are what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean === "" ? "file" : clean.slice(-255);
}

/**
 * The browser's reencoder: createImageBitmap (which applies the EXIF
 * orientation, "from-image") and a canvas. A JPEG gets a white background,
 * so transparent pixels do not turn black.
 */
export const canvasReencoder: PictureReencoder = async (source, type, longestSides) => {
  // Marks for DevTools and the media bench (e2e/bench/media-send.bench.ts): where the time goes.
  performance.mark("media:decode");
  const bitmap = await createImageBitmap(source, { imageOrientation: "from-image" });
  performance.mark("media:decoded");
  try {
    const drawn: Reencoded[] = [];
    for (const longest of longestSides) {
      const scale = Math.min(1, longest / Math.max(bitmap.width, bitmap.height));
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      drawn.push({ ...(await drawAndEncode(bitmap, width, height, type)), width, height });
      performance.mark(`media:encoded-${String(longest)}`);
    }
    return drawn;
  } finally {
    bitmap.close();
  }
};

/**
 * Draws and encodes. In a page, with a canvas element's toDataURL: Chromium
 * runs `convertToBlob`/`toBlob` as idle tasks, and a chat page that keeps
 * rendering has few idle periods, so each waited up to a second (measured by
 * the media bench); toDataURL encodes at once. A browser that cannot write
 * the type asked for writes PNG; the event says what it is.
 */
async function drawAndEncode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  type: string,
): Promise<{ readonly bytes: Uint8Array<ArrayBuffer>; readonly type: string }> {
  const paint = (context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null) => {
    if (context === null) throw new Error("no 2d canvas");
    if (type === "image/jpeg") {
      context.fillStyle = "#fff";
      context.fillRect(0, 0, width, height);
    }
    context.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof document === "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    paint(canvas.getContext("2d"));
    const blob = await canvas.convertToBlob({ type, quality: 0.85 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type };
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  paint(canvas.getContext("2d"));
  const url = canvas.toDataURL(type, 0.85);
  // Frees the canvas's pixels now rather than at the next garbage collection.
  canvas.width = 0;
  canvas.height = 0;
  const comma = url.indexOf(",");
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return { bytes, type: url.slice("data:".length, url.indexOf(";")) };
}
