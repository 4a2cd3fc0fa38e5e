// Protocol, age format: the exact bytes that issuers and holders sign
// (docs/protocol.md, "Signing inputs"), in the codec's length-prefixed layout.

import { signingInput } from "../codec.ts";
import type { UnsignedAgeAttestation, UnsignedAgePresentation } from "./format.ts";

/** Domain separation: an attestation signature can never pass as a presentation's, or vice versa. */
export const ATTESTATION_CONTEXT = "safety-by-design/age-attestation";
export const PRESENTATION_CONTEXT = "safety-by-design/age-presentation";

/** Integers as plain decimal ASCII: one spelling per value. */
const decimal = (value: number): string => value.toFixed(0);

export function attestationSigningInput(attestation: UnsignedAgeAttestation): Uint8Array {
  return signingInput(ATTESTATION_CONTEXT, [
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
  return signingInput(PRESENTATION_CONTEXT, [
    decimal(presentation.version),
    attestationSigningInput(presentation.attestation),
    presentation.attestation.signature,
    presentation.audience,
    presentation.roomId ?? "",
    presentation.nonce,
    decimal(presentation.presentedAt),
  ]);
}
