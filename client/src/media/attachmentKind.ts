// Media (send side): what a picked file is sent as, and whether it may be
// sent at all. Decided from what the browser says about the file (its
// declared type and size), never from what it shows: only the raster types
// this device re-encodes are sent as an image (re-encoding is what strips the
// location, prepareAttachment.ts); everything else, SVG (it can carry script),
// HTML, programs and unknown types included, goes as a file that nobody's
// app renders.

/** "image": re-encoded on this device and sent as `m.image`; "file": sent as it is, as `m.file`. */
export type AttachmentKind = "image" | "file";

/** Used when the deployment configures no limit (VITE_MAX_ATTACHMENT_MB). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * Raster types re-encoded as an image, with the type they are re-encoded to.
 * A GIF loses its animation (one still frame, as PNG): the canvas draws one frame.
 */
const REENCODED_AS: Readonly<Record<string, "image/jpeg" | "image/png" | "image/webp">> = {
  "image/jpeg": "image/jpeg",
  "image/png": "image/png",
  "image/webp": "image/webp",
  "image/gif": "image/png",
};

/** What the browser says about a picked file (File's name, type and size). */
export type PickedFile = {
  readonly name: string;
  readonly type: string;
  readonly size: number;
};

export type AttachmentCheck =
  | { readonly ok: true; readonly kind: AttachmentKind }
  | { readonly ok: false; readonly problem: "too-large" | "empty"; readonly maxBytes: number };

/** Whether this file may be sent, and as what. */
export function checkAttachment(file: PickedFile, maxBytes: number): AttachmentCheck {
  if (file.size === 0) return { ok: false, problem: "empty", maxBytes };
  if (file.size > maxBytes) return { ok: false, problem: "too-large", maxBytes };
  return { ok: true, kind: attachmentKindOf(file.type) };
}

/** "image" only for the raster types re-encoded here; anything else is a file. */
export function attachmentKindOf(declaredType: string): AttachmentKind {
  return Object.hasOwn(REENCODED_AS, declaredType.toLowerCase()) ? "image" : "file";
}

/** The type an image is re-encoded to (JPEG for anything unexpected). */
export function reencodedType(declaredType: string): "image/jpeg" | "image/png" | "image/webp" {
  return REENCODED_AS[declaredType.toLowerCase()] ?? "image/jpeg";
}

/**
 * A file's type as sent: what the browser declared when it looks like a MIME
 * type, else `application/octet-stream` (a receiver never guesses from it).
 */
export function declaredFileType(declaredType: string): string {
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/.test(
    declaredType.toLowerCase(),
  )
    ? declaredType.toLowerCase()
    : "application/octet-stream";
}
