// Protocol, age format: the verifier's side. Turns untrusted input into
// facts (a band or "unverified", and why) and never throws: every failure,
// including garbage input and our own errors, becomes an unverified result,
// which is the protective answer (docs/protocol.md, "Verification").

import { attestationSigningInput, presentationSigningInput } from "./canonical.ts";
import {
  ED25519_PUBLIC_KEY_BYTES,
  ED25519_SIGNATURE_BYTES,
  RANDOM_ID_BYTES,
  isMatrixRoomId,
  isMatrixUserId,
  parseAttestation,
  parsePresentation,
  type AgeAttestation,
  type AttestedAgeBand,
} from "./format.ts";
import type { TrustedIssuer } from "./keys.ts";
import type { ReplayCache } from "./replayCache.ts";
import { fromBase64Url, readySodium, type Sodium } from "../codec.ts";

export type AgeRejectionReason =
  /** Not the format: wrong types, sizes, alphabets, missing or extra fields, bad JSON. */
  | "malformed"
  | "unsupported-version"
  /** The attestation claims a validity over 90 days. */
  | "validity-too-long"
  /** Signed by a key id the deployment does not trust. */
  | "unknown-issuer"
  /** The issuer's signature does not verify: the attestation was forged or altered. */
  | "forged-signature"
  /** The holder's signature does not verify: not made with the key the attestation is bound to. */
  | "forged-presentation"
  /** verifyAttestation only: bound to another holder key than the expected one. */
  | "wrong-holder-key"
  /** About another Matrix user than the one who sent it. */
  | "wrong-subject"
  /** Made for another verifier, or another room (or none). */
  | "wrong-audience"
  /** Issued in the future (beyond the allowed clock skew). */
  | "not-yet-valid"
  | "expired"
  /** The presentation is older than the verifier accepts. */
  | "stale-presentation"
  /** The presentation is dated in the future (beyond the allowed clock skew). */
  | "future-presentation"
  /** This nonce was already accepted, in another message. */
  | "replayed"
  /** The replay cache cannot remember more nonces; refusing is the protective choice. */
  | "replay-cache-full"
  /** The expectations themselves are invalid (e.g. now is not a number): our bug, not theirs. */
  | "verifier-misconfigured"
  /** Something threw (e.g. libsodium failed to load); treated as unverified. */
  | "verification-error";

export type AgeVerification =
  | {
      readonly verified: true;
      readonly band: AttestedAgeBand;
      readonly reason: "ok";
      readonly issuerKeyId: string;
      readonly attestationId: string;
      /** When the attestation expires (ms since the epoch): verify again after that. */
      readonly validUntil: number;
    }
  | { readonly verified: false; readonly band: "unverified"; readonly reason: AgeRejectionReason };

/** A presentation may arrive this long after it was made (a recipient offline for days). */
export const DEFAULT_MAX_PRESENTATION_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Tolerated difference between the clocks of issuer, holder and verifier. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type AttestationExpectation = {
  /** Who the attestation must be about. */
  readonly subjectUserId: string;
  /** Milliseconds since the Unix epoch (Date.now()). */
  readonly now: number;
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** When given, the attestation must be bound to this holder key (the device's own). */
  readonly holderKey?: string;
  readonly maxClockSkewMs?: number;
};

export type PresentationExpectation = {
  /** The verifier: the signed-in user who received the presentation. */
  readonly audienceUserId: string;
  /** The Matrix sender of the event or to-device message that carried it. */
  readonly subjectUserId: string;
  /** The room it arrived in; leave out for a to-device message. Must match the presentation's. */
  readonly roomId?: string;
  /** The event id (or to-device message id) that carried it: re-reading the same one is no replay. */
  readonly carrierId?: string;
  /** Milliseconds since the Unix epoch (Date.now()). */
  readonly now: number;
  readonly trustedIssuers: readonly TrustedIssuer[];
  readonly replayCache: ReplayCache;
  readonly maxPresentationAgeMs?: number;
  readonly maxClockSkewMs?: number;
};

const rejected = (reason: AgeRejectionReason): AgeVerification => ({
  verified: false,
  band: "unverified",
  reason,
});

const isDuration = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

/** The issuer's public key for `keyId`; undefined when unknown or configured ambiguously. */
function trustedIssuerKey(
  s: Sodium,
  trustedIssuers: readonly TrustedIssuer[],
  keyId: string,
): Uint8Array | undefined {
  if (!Array.isArray(trustedIssuers)) return undefined;
  let found: Uint8Array | undefined;
  for (const issuer of trustedIssuers as readonly unknown[]) {
    if (typeof issuer !== "object" || issuer === null) continue;
    const { keyId: id, publicKey } = issuer as Record<string, unknown>;
    if (id !== keyId || typeof publicKey !== "string") continue;
    // A broken configuration entry trusts nobody; two keys under one id trust neither.
    const key = fromBase64Url(s, publicKey, ED25519_PUBLIC_KEY_BYTES);
    if (key === undefined) continue;
    if (found !== undefined && !s.memcmp(found, key)) return undefined;
    found = key;
  }
  return found;
}

/** Step 1 for both entry points: is this attestation what a trusted issuer signed? */
function checkAuthentic(
  s: Sodium,
  attestation: AgeAttestation,
  trustedIssuers: readonly TrustedIssuer[],
): AgeRejectionReason | undefined {
  const signature = fromBase64Url(s, attestation.signature, ED25519_SIGNATURE_BYTES);
  if (
    signature === undefined ||
    fromBase64Url(s, attestation.holderKey, ED25519_PUBLIC_KEY_BYTES) === undefined ||
    fromBase64Url(s, attestation.id, RANDOM_ID_BYTES) === undefined
  ) {
    return "malformed";
  }
  const issuerKey = trustedIssuerKey(s, trustedIssuers, attestation.issuerKeyId);
  if (issuerKey === undefined) return "unknown-issuer";
  const signed = attestationSigningInput(attestation);
  return s.crypto_sign_verify_detached(signature, signed, issuerKey)
    ? undefined
    : "forged-signature";
}

function checkValidAt(
  attestation: AgeAttestation,
  now: number,
  skew: number,
): AgeRejectionReason | undefined {
  if (attestation.issuedAt * 1000 > now + skew) return "not-yet-valid";
  if (now >= attestation.expiresAt * 1000) return "expired";
  return undefined;
}

const verified = (attestation: AgeAttestation): AgeVerification => ({
  verified: true,
  band: attestation.band,
  reason: "ok",
  issuerKeyId: attestation.issuerKeyId,
  attestationId: attestation.id,
  validUntil: attestation.expiresAt * 1000,
});

/**
 * Checks a bare attestation, e.g. the one the issuer hands this device before
 * it is stored. Peers must not accept bare attestations: anyone who has seen
 * one could resend it; they verify presentations.
 */
export async function verifyAttestation(
  input: unknown,
  expected: AttestationExpectation,
): Promise<AgeVerification> {
  try {
    const skew = expected.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
    if (
      !Number.isFinite(expected.now) ||
      !isDuration(skew) ||
      !isMatrixUserId(expected.subjectUserId)
    ) {
      return rejected("verifier-misconfigured");
    }
    const parsed = parseSafely(() => parseAttestation(input));
    if (!parsed.ok) return rejected(parsed.reason);
    const attestation = parsed.value;
    const s = await readySodium();
    const failure =
      checkAuthentic(s, attestation, expected.trustedIssuers) ??
      (attestation.subject === expected.subjectUserId ? undefined : "wrong-subject") ??
      (expected.holderKey === undefined || attestation.holderKey === expected.holderKey
        ? undefined
        : "wrong-holder-key") ??
      checkValidAt(attestation, expected.now, skew);
    return failure === undefined ? verified(attestation) : rejected(failure);
  } catch {
    return rejected("verification-error");
  }
}

/**
 * Checks a presentation received over Matrix. Every check runs before the
 * nonce is recorded, so a rejected presentation never uses up a nonce.
 */
export async function verifyPresentation(
  input: unknown,
  expected: PresentationExpectation,
): Promise<AgeVerification> {
  try {
    const { now, roomId, carrierId } = expected;
    const skew = expected.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
    const maxAge = expected.maxPresentationAgeMs ?? DEFAULT_MAX_PRESENTATION_AGE_MS;
    if (
      !Number.isFinite(now) ||
      !isDuration(skew) ||
      !isDuration(maxAge) ||
      !isMatrixUserId(expected.audienceUserId) ||
      !isMatrixUserId(expected.subjectUserId) ||
      (roomId !== undefined && !isMatrixRoomId(roomId))
    ) {
      return rejected("verifier-misconfigured");
    }
    const parsed = parseSafely(() => parsePresentation(input));
    if (!parsed.ok) return rejected(parsed.reason);
    const presentation = parsed.value;
    const { attestation } = presentation;
    const s = await readySodium();

    const holderSignature = fromBase64Url(s, presentation.signature, ED25519_SIGNATURE_BYTES);
    const holderKey = fromBase64Url(s, attestation.holderKey, ED25519_PUBLIC_KEY_BYTES);
    if (
      holderSignature === undefined ||
      holderKey === undefined ||
      fromBase64Url(s, presentation.nonce, RANDOM_ID_BYTES) === undefined
    ) {
      return rejected("malformed");
    }
    const presentedAtMs = presentation.presentedAt * 1000;
    const failure =
      checkAuthentic(s, attestation, expected.trustedIssuers) ??
      (s.crypto_sign_verify_detached(
        holderSignature,
        presentationSigningInput(presentation),
        holderKey,
      )
        ? undefined
        : "forged-presentation") ??
      (attestation.subject === expected.subjectUserId ? undefined : "wrong-subject") ??
      (presentation.audience === expected.audienceUserId && presentation.roomId === roomId
        ? undefined
        : "wrong-audience") ??
      checkValidAt(attestation, now, skew) ??
      (presentedAtMs > now + skew ? "future-presentation" : undefined) ??
      (now - presentedAtMs > maxAge ? "stale-presentation" : undefined);
    if (failure !== undefined) return rejected(failure);

    // Keyed by subject as well, so a nonce one holder reuses can only ever hurt that holder.
    const claim = expected.replayCache.claim(
      `${attestation.subject} ${presentation.nonce}`,
      carrierId,
      presentedAtMs + maxAge,
      now,
    );
    if (claim === "accepted") return verified(attestation);
    return rejected(claim === "full" ? "replay-cache-full" : "replayed");
  } catch {
    return rejected("verification-error");
  }
}

/** Parsing untrusted input; an exotic object that throws while being read is malformed too. */
function parseSafely<T>(parse: () => T): T | { readonly ok: false; readonly reason: "malformed" } {
  try {
    return parse();
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
