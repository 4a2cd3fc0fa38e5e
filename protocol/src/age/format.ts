// Protocol, age format: the wire format of age attestations and
// presentations (docs/protocol.md, "Age attestation" and "Age presentation"),
// its limits, and a strict structural parser. The parser checks shape only
// (types, sizes, alphabets, no extra fields); keys and signatures are checked
// in verify.ts.

import { base64UrlLength } from "../codec.ts";

/** Kept identical to the policy engine's band type, which will replace this one. */
export type AgeBand = "8-12" | "13-15" | "16-17" | "18+" | "unverified";

/** The bands an issuer can attest; "unverified" is what a verifier concludes, never a claim. */
export type AttestedAgeBand = Exclude<AgeBand, "unverified">;

export const ATTESTED_AGE_BANDS: readonly AttestedAgeBand[] = ["8-12", "13-15", "16-17", "18+"];

export const FORMAT_VERSION = 1;

/** Signed by an issuer: "the holder of `holderKey`, Matrix user `subject`, is in `band`". */
export type AgeAttestation = {
  readonly version: 1;
  readonly issuerKeyId: string;
  /** The Matrix user ID the attestation is about. */
  readonly subject: string;
  /** The holder's Ed25519 public key (base64url); only its owner can present the attestation. */
  readonly holderKey: string;
  readonly band: AttestedAgeBand;
  /** Seconds since the Unix epoch. */
  readonly issuedAt: number;
  /** Seconds since the Unix epoch; at most MAX_VALIDITY_SECONDS after issuedAt. */
  readonly expiresAt: number;
  /** 16 random bytes (base64url): lets an issuer revoke or audit one attestation. */
  readonly id: string;
  /** Ed25519 signature (base64url) by the issuer over the canonical serialisation. */
  readonly signature: string;
};

/** Signed by the holder: "I show this attestation to `audience`, now, once". */
export type AgePresentation = {
  readonly version: 1;
  readonly attestation: AgeAttestation;
  /** The verifier's Matrix user ID. */
  readonly audience: string;
  /** The room the presentation is shown in; absent when it travels outside a room (to-device). */
  readonly roomId?: string;
  /** 16 random bytes (base64url) chosen by the holder; the verifier remembers it. */
  readonly nonce: string;
  /** Seconds since the Unix epoch, by the holder's clock. */
  readonly presentedAt: number;
  /** Ed25519 signature (base64url) by the holder key over the canonical serialisation. */
  readonly signature: string;
};

export type UnsignedAgeAttestation = Omit<AgeAttestation, "signature">;
export type UnsignedAgePresentation = Omit<AgePresentation, "signature">;

/** 90 days: the longest an attestation may be valid (BRIEF.md, "Age assurance"). */
export const MAX_VALIDITY_SECONDS = 90 * 24 * 60 * 60;

export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SECRET_KEY_BYTES = 64;
export const ED25519_SIGNATURE_BYTES = 64;
export const RANDOM_ID_BYTES = 16;

/** A presentation given as JSON text is refused above this size, before parsing. */
export const MAX_PRESENTATION_JSON_CHARS = 4096;
/** The Matrix spec's limit for user and room IDs. */
const MAX_MATRIX_ID_CHARS = 255;
/** 9999-12-31T23:59:59Z: keeps every timestamp far inside the safe-integer range. */
const MAX_TIMESTAMP_SECONDS = 253_402_300_799;

// Printable ASCII only: what the Matrix spec allows in user IDs (the
// historical grammar) and room IDs. No spaces, no control characters.
const USER_ID = /^@[\x21-\x39\x3b-\x7e]+:[\x21-\x7e]+$/;
const ROOM_ID = /^![\x21-\x7e]+$/;
const KEY_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type FormatFailure = "malformed" | "unsupported-version" | "validity-too-long";

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: FormatFailure };

export function isMatrixUserId(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_MATRIX_ID_CHARS && USER_ID.test(value);
}

export function isMatrixRoomId(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_MATRIX_ID_CHARS && ROOM_ID.test(value);
}

export function isIssuerKeyId(value: unknown): value is string {
  return typeof value === "string" && KEY_ID.test(value);
}

export function isAttestedAgeBand(value: unknown): value is AttestedAgeBand {
  return typeof value === "string" && (ATTESTED_AGE_BANDS as readonly string[]).includes(value);
}

/** Shape only: the right length and alphabet. Canonical decoding happens in verify.ts. */
function isBase64UrlOf(value: unknown, byteLength: number): value is string {
  return (
    typeof value === "string" &&
    value.length === base64UrlLength(byteLength) &&
    BASE64URL.test(value)
  );
}

function isTimestamp(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isSafeInteger(value) &&
    value >= 0 &&
    value <= MAX_TIMESTAMP_SECONDS
  );
}

/** A plain JSON object (not an array, class instance or exotic object). */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Extra fields are refused: a signature covers only the fields we know, so nothing may ride along. */
function hasOnlyKeys(
  record: Record<string, unknown>,
  required: readonly string[],
  optional: readonly string[] = [],
): boolean {
  const keys = Object.keys(record);
  return (
    required.every((key) => Object.hasOwn(record, key)) &&
    keys.every((key) => required.includes(key) || optional.includes(key))
  );
}

/** Version first, so that a future format is reported as such rather than as garbage. */
function checkVersion(record: Record<string, unknown>): FormatFailure | undefined {
  const version = record["version"];
  if (version === FORMAT_VERSION) return undefined;
  return Number.isSafeInteger(version) ? "unsupported-version" : "malformed";
}

const ATTESTATION_KEYS = [
  "version",
  "issuerKeyId",
  "subject",
  "holderKey",
  "band",
  "issuedAt",
  "expiresAt",
  "id",
  "signature",
] as const;

export function parseAttestation(input: unknown): Parsed<AgeAttestation> {
  if (!isPlainRecord(input)) return { ok: false, reason: "malformed" };
  const versionFailure = checkVersion(input);
  if (versionFailure !== undefined) return { ok: false, reason: versionFailure };
  if (!hasOnlyKeys(input, ATTESTATION_KEYS)) return { ok: false, reason: "malformed" };
  const { issuerKeyId, subject, holderKey, band, issuedAt, expiresAt, id, signature } = input;
  if (
    !isIssuerKeyId(issuerKeyId) ||
    !isMatrixUserId(subject) ||
    !isBase64UrlOf(holderKey, ED25519_PUBLIC_KEY_BYTES) ||
    !isAttestedAgeBand(band) ||
    !isTimestamp(issuedAt) ||
    !isTimestamp(expiresAt) ||
    !isBase64UrlOf(id, RANDOM_ID_BYTES) ||
    !isBase64UrlOf(signature, ED25519_SIGNATURE_BYTES) ||
    expiresAt <= issuedAt
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (expiresAt - issuedAt > MAX_VALIDITY_SECONDS)
    return { ok: false, reason: "validity-too-long" };
  return {
    ok: true,
    value: {
      version: FORMAT_VERSION,
      issuerKeyId,
      subject,
      holderKey,
      band,
      issuedAt,
      expiresAt,
      id,
      signature,
    },
  };
}

const PRESENTATION_KEYS = [
  "version",
  "attestation",
  "audience",
  "nonce",
  "presentedAt",
  "signature",
] as const;

/** Accepts the parsed event content or its JSON text (size-capped before parsing). */
export function parsePresentation(input: unknown): Parsed<AgePresentation> {
  let candidate = input;
  if (typeof input === "string") {
    if (input.length > MAX_PRESENTATION_JSON_CHARS) return { ok: false, reason: "malformed" };
    try {
      candidate = JSON.parse(input) as unknown;
    } catch {
      return { ok: false, reason: "malformed" };
    }
  }
  if (!isPlainRecord(candidate)) return { ok: false, reason: "malformed" };
  const versionFailure = checkVersion(candidate);
  if (versionFailure !== undefined) return { ok: false, reason: versionFailure };
  if (!hasOnlyKeys(candidate, PRESENTATION_KEYS, ["roomId"])) {
    return { ok: false, reason: "malformed" };
  }
  const { audience, roomId, nonce, presentedAt, signature } = candidate;
  if (
    !isMatrixUserId(audience) ||
    (roomId !== undefined && !isMatrixRoomId(roomId)) ||
    !isBase64UrlOf(nonce, RANDOM_ID_BYTES) ||
    !isTimestamp(presentedAt) ||
    !isBase64UrlOf(signature, ED25519_SIGNATURE_BYTES)
  ) {
    return { ok: false, reason: "malformed" };
  }
  const attestation = parseAttestation(candidate["attestation"]);
  if (!attestation.ok) return attestation;
  return {
    ok: true,
    value: {
      version: FORMAT_VERSION,
      attestation: attestation.value,
      audience,
      ...(roomId === undefined ? {} : { roomId }),
      nonce,
      presentedAt,
      signature,
    },
  };
}
