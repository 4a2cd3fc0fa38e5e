// Matrix layer, age assurance: the one place this folder loads libsodium, and
// the strict base64url codec every key, signature, id and nonce goes through.

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

/** The length of unpadded base64url text for `byteLength` bytes. */
export function base64UrlLength(byteLength: number): number {
  return Math.ceil((byteLength * 4) / 3);
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes unpadded base64url of exactly `byteLength` bytes; undefined for
 * anything else. Only the canonical encoding is accepted (it must re-encode to
 * the same text), so one key or signature has exactly one spelling and a
 * signed field cannot be rewritten into an equivalent form.
 */
export function fromBase64Url(s: Sodium, text: string, byteLength: number): Uint8Array | undefined {
  if (text.length !== base64UrlLength(byteLength) || !BASE64URL.test(text)) return undefined;
  try {
    const bytes = s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
    if (bytes.length !== byteLength || toBase64Url(s, bytes) !== text) return undefined;
    return bytes;
  } catch {
    return undefined;
  }
}
