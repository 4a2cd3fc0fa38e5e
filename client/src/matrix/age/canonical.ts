// Matrix layer, age assurance: the exact bytes that issuers and holders sign
// (docs/age-assurance.md, "Canonical serialisation"). A length-prefixed
// concatenation instead of JSON, so no JSON canonicalisation rules (key order,
// number spelling, escapes) can make two parties disagree about the bytes.

import type { UnsignedAgeAttestation, UnsignedAgePresentation } from "./format.ts";

/** Domain separation: an attestation signature can never pass as a presentation's, or vice versa. */
export const ATTESTATION_CONTEXT = "safety-by-design/age-attestation";
export const PRESENTATION_CONTEXT = "safety-by-design/age-presentation";

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

/** Integers as plain decimal ASCII: one spelling per value. */
const decimal = (value: number): string => value.toFixed(0);

export function attestationSigningInput(attestation: UnsignedAgeAttestation): Uint8Array {
  return lengthPrefixed([
    ATTESTATION_CONTEXT,
    decimal(attestation.version),
    attestation.issuerKeyId,
    attestation.subject,
    attestation.holderKey,
    attestation.band,
    decimal(attestation.issuedAt),
    decimal(attestation.expiresAt),
    attestation.id,
  ]);
}

/**
 * Covers the whole signed attestation (its signing input and the issuer's
 * signature), so a holder signature is bound to exactly one attestation.
 * An absent room is the empty string, which no valid room ID can be.
 */
export function presentationSigningInput(presentation: UnsignedAgePresentation): Uint8Array {
  return lengthPrefixed([
    PRESENTATION_CONTEXT,
    decimal(presentation.version),
    attestationSigningInput(presentation.attestation),
    presentation.attestation.signature,
    presentation.audience,
    presentation.roomId ?? "",
    presentation.nonce,
    decimal(presentation.presentedAt),
  ]);
}
