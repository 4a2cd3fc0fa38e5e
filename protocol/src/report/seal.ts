// Protocol, reports: seals a bundle so that only the moderation team can read
// it, and opens it on the moderator's device (docs/protocol.md, "Sealed
// report").
//
// A libsodium sealed box (X25519 + XSalsa20-Poly1305 with a fresh ephemeral
// key per report) needs nothing from the reporter but the team's public key:
// no session, no key exchange, no server that could read along. It also
// authenticates the ciphertext, so any change in transit fails to open. It
// does not say who sealed it: anyone can seal to a public key. So a report
// that names its reporter is also signed inside the box (Ed25519), over the
// bundle and the team's key; a report that withholds the reporter carries
// no signature and no signer key, which would identify them.
//
// The plaintext inside the box (the envelope) is binary, not JSON, so the
// bundle's JSON is carried byte for byte and the signature covers exactly
// those bytes:
//   byte 0      format version (1)
//   byte 1      0 = unsigned, 1 = signed
//   if signed   32 bytes signer public key, then 64 bytes signature
//   rest        the bundle as UTF-8 JSON

import { fromBase64Url, readySodium, signingInput, toBase64Url } from "../codec.ts";
import { sha256Hex } from "../handoff/package.ts";
import { parseReportBundle, type ReportBundle } from "./bundle.ts";

export type ModerationKeyPair = {
  /** X25519, 32 bytes: deployment configuration, shipped with the client. */
  readonly publicKey: Uint8Array;
  /** X25519, 32 bytes: only on the moderators' devices. */
  readonly secretKey: Uint8Array;
};

export type ReporterSigningKeyPair = {
  /** Ed25519, 32 bytes. */
  readonly publicKey: Uint8Array;
  /** Ed25519, 64 bytes. */
  readonly secretKey: Uint8Array;
};

export type SignatureStatus = "valid" | "invalid" | "absent";

export type OpenedReport =
  | {
      readonly ok: true;
      readonly bundle: ReportBundle;
      /** "valid": signed by `signerPublicKey` over this bundle for this team. */
      readonly signature: SignatureStatus;
      /** base64url; null when unsigned. Binding it to a person is the moderator's check. */
      readonly signerPublicKey: string | null;
      /**
       * SHA-256 (lowercase hex) of the bundle's JSON bytes exactly as sealed:
       * the anchor of the chain of custody a handoff package records.
       */
      readonly bundleSha256: string;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

export type SealResult =
  | { readonly ok: true; readonly sealed: Uint8Array }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Domain separation: a report signature can never pass for any other signature of that key. */
export const REPORT_SIGNATURE_CONTEXT = "safety-by-design/report-bundle";

const ENVELOPE_VERSION = 1;
const UNSIGNED = 0;
const SIGNED = 1;
const PUBLIC_KEY_BYTES = 32;
const SECRET_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const SEAL_OVERHEAD = 48; // crypto_box_SEALBYTES: ephemeral public key + MAC

/**
 * Upper bound of a bundle's JSON. The largest valid bundle (21 messages of
 * MAX_MESSAGE_BODY_LENGTH control characters, each escaped to 6 bytes) is
 * about 8.4 MB; seal.test.ts builds it.
 */
export const MAX_BUNDLE_BYTES = 9 * 1024 * 1024;
/** The largest sealed report any valid bundle can produce. */
export const MAX_SEALED_REPORT_BYTES =
  2 + PUBLIC_KEY_BYTES + SIGNATURE_BYTES + MAX_BUNDLE_BYTES + SEAL_OVERHEAD;

const encoder = new TextEncoder();

export async function generateModerationKeyPair(): Promise<ModerationKeyPair> {
  const s = await readySodium();
  const { publicKey, privateKey } = s.crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

export async function generateReporterSigningKeyPair(): Promise<ReporterSigningKeyPair> {
  const s = await readySodium();
  const { publicKey, privateKey } = s.crypto_sign_keypair();
  return { publicKey, secretKey: privateKey };
}

/** A key as configuration text (unpadded base64url). */
export async function keyToText(key: Uint8Array): Promise<string> {
  return toBase64Url(await readySodium(), key);
}

/** The team's public key from configuration text; undefined if it is not one. */
export async function moderationPublicKeyFromText(text: string): Promise<Uint8Array | undefined> {
  return fromBase64Url(await readySodium(), text.trim(), PUBLIC_KEY_BYTES);
}

/** The team's key pair from configuration text; undefined unless the two belong together. */
export async function moderationKeyPairFromText(text: {
  readonly publicKey: string;
  readonly secretKey: string;
}): Promise<ModerationKeyPair | undefined> {
  const s = await readySodium();
  const publicKey = fromBase64Url(s, text.publicKey.trim(), PUBLIC_KEY_BYTES);
  const secretKey = fromBase64Url(s, text.secretKey.trim(), SECRET_KEY_BYTES);
  if (publicKey === undefined || secretKey === undefined) return undefined;
  return s.memcmp(s.crypto_scalarmult_base(secretKey), publicKey)
    ? { publicKey, secretKey }
    : undefined;
}

/** The team's key pair from its secret key alone (public half derived); undefined if not one. */
export async function moderationKeyPairFromSecretText(
  text: string,
): Promise<ModerationKeyPair | undefined> {
  const s = await readySodium();
  const secretKey = fromBase64Url(s, text.trim(), SECRET_KEY_BYTES);
  if (secretKey === undefined) return undefined;
  return { publicKey: s.crypto_scalarmult_base(secretKey), secretKey };
}

/**
 * Seals a bundle to the moderation team. A bundle that names its reporter
 * must come with the reporter's signing key and is signed; one that
 * withholds the reporter must not (a signer key would identify them).
 */
export async function sealReportBundle(
  bundle: ReportBundle,
  moderationPublicKey: Uint8Array,
  signingKey: ReporterSigningKeyPair | undefined,
): Promise<SealResult> {
  const checked = parseReportBundle(bundle);
  if (!checked.ok) return checked;
  if (moderationPublicKey.length !== PUBLIC_KEY_BYTES) {
    return { ok: false, problems: ["the moderation public key must be 32 bytes"] };
  }
  const identified = checked.bundle.notice.reporter.kind === "identified";
  if (identified && signingKey === undefined) {
    return { ok: false, problems: ["a report that names its reporter must be signed"] };
  }
  const bundleBytes = encoder.encode(JSON.stringify(checked.bundle));
  if (bundleBytes.length > MAX_BUNDLE_BYTES) {
    return { ok: false, problems: [`the bundle exceeds ${MAX_BUNDLE_BYTES} bytes`] };
  }
  const s = await readySodium();
  let envelope: Uint8Array;
  if (identified && signingKey !== undefined) {
    // libsodium's Ed25519 secret key is seed || public key: a mismatched pair
    // would give the moderators an "invalid" signature for an honest report.
    if (
      signingKey.publicKey.length !== PUBLIC_KEY_BYTES ||
      signingKey.secretKey.length !== 64 ||
      !s.memcmp(signingKey.secretKey.subarray(32), signingKey.publicKey)
    ) {
      return { ok: false, problems: ["the reporter's signing key pair does not belong together"] };
    }
    const signature = s.crypto_sign_detached(
      reportSigningInput(moderationPublicKey, bundleBytes),
      signingKey.secretKey,
    );
    envelope = concat(
      Uint8Array.of(ENVELOPE_VERSION, SIGNED),
      signingKey.publicKey,
      signature,
      bundleBytes,
    );
  } else {
    envelope = concat(Uint8Array.of(ENVELOPE_VERSION, UNSIGNED), bundleBytes);
  }
  return { ok: true, sealed: s.crypto_box_seal(envelope, moderationPublicKey) };
}

/**
 * Opens a sealed report with the team's key pair and checks everything in it:
 * the box, the envelope, the bundle and, when present, the signature. Never
 * throws: the input is untrusted.
 */
export async function openSealedReport(
  sealed: Uint8Array,
  moderatorKeyPair: ModerationKeyPair,
): Promise<OpenedReport> {
  const fail = (problem: string): OpenedReport => ({ ok: false, problems: [problem] });
  try {
    if (!(sealed instanceof Uint8Array)) return fail("the sealed report must be bytes");
    if (sealed.length < SEAL_OVERHEAD + 2) return fail("the sealed report is too short");
    if (sealed.length > MAX_SEALED_REPORT_BYTES) return fail("the sealed report is too long");
    const s = await readySodium();
    let envelope: Uint8Array;
    try {
      envelope = s.crypto_box_seal_open(
        sealed,
        moderatorKeyPair.publicKey,
        moderatorKeyPair.secretKey,
      );
    } catch {
      return fail("the sealed report does not open with this key (wrong key, or altered)");
    }
    if (envelope[0] !== ENVELOPE_VERSION) return fail("unknown envelope version");
    const signed = envelope[1];
    if (signed !== SIGNED && signed !== UNSIGNED) return fail("unknown envelope flags");
    const headerLength = signed === SIGNED ? 2 + PUBLIC_KEY_BYTES + SIGNATURE_BYTES : 2;
    if (envelope.length <= headerLength) return fail("the envelope is too short");
    const bundleBytes = envelope.subarray(headerLength);

    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bundleBytes));
    } catch {
      return fail("the bundle is not UTF-8 JSON");
    }
    const parsed = parseReportBundle(json);
    if (!parsed.ok) return parsed;
    const bundleSha256 = await sha256Hex(bundleBytes);

    if (signed === UNSIGNED) {
      return {
        ok: true,
        bundle: parsed.bundle,
        signature: "absent",
        signerPublicKey: null,
        bundleSha256,
      };
    }
    const signerPublicKey = envelope.slice(2, 2 + PUBLIC_KEY_BYTES);
    const signature = envelope.slice(2 + PUBLIC_KEY_BYTES, headerLength);
    let valid = false;
    try {
      valid = s.crypto_sign_verify_detached(
        signature,
        reportSigningInput(moderatorKeyPair.publicKey, bundleBytes),
        signerPublicKey,
      );
    } catch {
      valid = false;
    }
    return {
      ok: true,
      bundle: parsed.bundle,
      signature: valid ? "valid" : "invalid",
      signerPublicKey: toBase64Url(s, signerPublicKey),
      bundleSha256,
    };
  } catch {
    return fail("the sealed report could not be read");
  }
}

/** What the reporter signs: context, the team's key, the bundle bytes; each length-prefixed. */
export function reportSigningInput(
  moderationPublicKey: Uint8Array,
  bundleBytes: Uint8Array,
): Uint8Array {
  return signingInput(REPORT_SIGNATURE_CONTEXT, [moderationPublicKey, bundleBytes]);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
