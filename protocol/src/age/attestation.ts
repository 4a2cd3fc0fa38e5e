// Protocol, age format: issuing attestations. Issuing is half of the format:
// the demo issuer (tools/lib/ageIssuer.ts) and a real provider's bridge sign
// with this, so there is one implementation for issuing, presenting and
// verifying, and the issuer checks its output with the verifier's parser.

import { attestationSigningInput } from "./canonical.ts";
import {
  ED25519_PUBLIC_KEY_BYTES,
  FORMAT_VERSION,
  MAX_VALIDITY_SECONDS,
  RANDOM_ID_BYTES,
  isAttestedAgeBand,
  isMatrixUserId,
  parseAttestation,
  type AgeAttestation,
  type AttestedAgeBand,
  type UnsignedAgeAttestation,
} from "./format.ts";
import { secretKeyBytes, type IssuerKeyPair } from "./keys.ts";
import { fromBase64Url, readySodium, toBase64Url } from "../codec.ts";

export const MAX_VALIDITY_DAYS = MAX_VALIDITY_SECONDS / (24 * 60 * 60);

export type AttestationRequest = {
  /** The Matrix user ID the attestation is about. */
  readonly subject: string;
  /** The holder's Ed25519 public key (base64url), which will sign presentations. */
  readonly holderKey: string;
  readonly band: AttestedAgeBand;
  /** Milliseconds since the Unix epoch (Date.now()). */
  readonly now: number;
  /** Whole days, 1 to 90; 90 when absent. */
  readonly validForDays?: number;
};

/**
 * Signs a fully specified attestation. Throws when the result would not pass
 * verification (bad subject, key, band, times, or a validity over 90 days):
 * an issuer must never hand out something every verifier will refuse.
 */
export async function signAttestation(
  issuer: IssuerKeyPair,
  unsigned: UnsignedAgeAttestation,
): Promise<AgeAttestation> {
  const s = await readySodium();
  if (unsigned.issuerKeyId !== issuer.keyId) {
    throw new Error("the attestation names a different issuer key");
  }
  if (!isMatrixUserId(unsigned.subject)) throw new Error("the subject is not a Matrix user ID");
  if (!isAttestedAgeBand(unsigned.band))
    throw new Error("the band is not one an issuer can attest");
  if (
    fromBase64Url(s, unsigned.holderKey, ED25519_PUBLIC_KEY_BYTES) === undefined ||
    fromBase64Url(s, unsigned.id, RANDOM_ID_BYTES) === undefined
  ) {
    throw new Error("the holder key or the id is not canonical base64url of the right length");
  }
  const secret = secretKeyBytes(s, issuer);
  const signature = toBase64Url(
    s,
    s.crypto_sign_detached(attestationSigningInput(unsigned), secret),
  );
  const parsed = parseAttestation({ ...unsigned, signature });
  if (!parsed.ok) throw new Error(`refusing to issue an attestation that is ${parsed.reason}`);
  return parsed.value;
}

/** Issues a fresh attestation: a random id, issued now, valid for `validForDays`. */
export async function issueAgeAttestation(
  issuer: IssuerKeyPair,
  request: AttestationRequest,
): Promise<AgeAttestation> {
  const s = await readySodium();
  const days = request.validForDays ?? MAX_VALIDITY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS) {
    throw new Error(`validity must be 1 to ${MAX_VALIDITY_DAYS} whole days, not ${days}`);
  }
  if (!Number.isFinite(request.now)) throw new Error("now must be a time in milliseconds");
  const issuedAt = Math.floor(request.now / 1000);
  return signAttestation(issuer, {
    version: FORMAT_VERSION,
    issuerKeyId: issuer.keyId,
    subject: request.subject,
    holderKey: request.holderKey,
    band: request.band,
    issuedAt,
    expiresAt: issuedAt + days * 24 * 60 * 60,
    id: toBase64Url(s, s.randombytes_buf(RANDOM_ID_BYTES)),
  });
}
