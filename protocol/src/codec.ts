// Protocol, codec: the one place the protocol loads libsodium, the one
// base64url spelling every key, signature, id, nonce and sealed report
// uses, and the length-prefixed byte layout every signature covers
// (docs/protocol.md, "Encodings" and "Signing inputs").

import sodium from "libsodium-wrappers";

export type Sodium = typeof sodium;

/** libsodium once its WebAssembly has loaded; after the first call this costs nothing. */
export async function readySodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}

/** Unpadded base64url (RFC 4648 §5): the only spelling of binary values in the protocol. */
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
 * anything else. The text's length is checked before decoding, so an
 * oversized string costs nothing. Only the canonical encoding is accepted
 * (it must re-encode to the same text), so one key or signature has exactly
 * one spelling and a signed field cannot be rewritten into an equivalent form.
 */
export function fromBase64Url(s: Sodium, text: string, byteLength: number): Uint8Array | undefined {
  if (text.length !== base64UrlLength(byteLength)) return undefined;
  const bytes = decodeCanonical(s, text);
  return bytes?.length === byteLength ? bytes : undefined;
}

/**
 * Decodes canonical unpadded base64url of any length: only for a payload
 * whose size its reader bounds itself (a sealed report put back together from
 * its parts). Everything of a fixed size goes through fromBase64Url.
 */
export function fromBase64UrlOfAnyLength(s: Sodium, text: string): Uint8Array | undefined {
  return decodeCanonical(s, text);
}

function decodeCanonical(s: Sodium, text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text)) return undefined;
  try {
    const bytes = s.from_base64(text, s.base64_variants.URLSAFE_NO_PADDING);
    return toBase64Url(s, bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

/** Each item as a 4-byte big-endian byte length followed by the item (strings as UTF-8). */
export function lengthPrefixed(items: readonly (string | Uint8Array)[]): Uint8Array {
  const encoded = items.map((item) => (typeof item === "string" ? encoder.encode(item) : item));
  const total = encoded.reduce((sum, bytes) => sum + 4 + bytes.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const bytes of encoded) {
    view.setUint32(offset, bytes.length, false);
    out.set(bytes, offset + 4);
    offset += 4 + bytes.length;
  }
  return out;
}

/**
 * The bytes a signature covers: a context string first, then the signed
 * items, all length-prefixed. The context separates domains, so a signature
 * made for one purpose can never pass for another made with the same key.
 * A length-prefixed concatenation instead of JSON, so no JSON
 * canonicalisation rules (key order, number spelling, escapes) can make two
 * parties disagree about the bytes.
 */
export function signingInput(context: string, items: readonly (string | Uint8Array)[]): Uint8Array {
  return lengthPrefixed([context, ...items]);
}
