// Matrix layer, reporting: loads libsodium and holds the one base64 spelling
// (unpadded base64url) that keys and sealed reports use. Kept in this folder
// rather than shared with matrix/age so the two measures can change
// independently; they follow the same conventions.

import sodium from "libsodium-wrappers";

export type Sodium = typeof sodium;

/** libsodium once its WebAssembly has loaded; after the first call this costs nothing. */
export async function readySodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}

export function toBase64Url(s: Sodium, bytes: Uint8Array): string {
  return s.to_base64(bytes, s.base64_variants.URLSAFE_NO_PADDING);
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes unpadded base64url; undefined for anything else, or for a length
 * other than `byteLength` when one is given. Only the canonical spelling is
 * accepted, so one value has exactly one text form.
 */
export function fromBase64Url(
  s: Sodium,
  text: string,
  byteLength?: number,
): Uint8Array | undefined {
  if (!BASE64URL.test(text)) return undefined;
  try {
    const bytes = s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
    if (byteLength !== undefined && bytes.length !== byteLength) return undefined;
    if (toBase64Url(s, bytes) !== text) return undefined;
    return bytes;
  } catch {
    return undefined;
  }
}
