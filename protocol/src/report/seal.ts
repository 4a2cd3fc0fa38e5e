// Protocol, reports: seals a bundle so that only the moderation team can read
// it, and opens it on the moderator's device (docs/protocol.md, "Sealed
// report").
//
// A libsodium sealed box (X25519 + XSalsa20-Poly1305 with a fresh ephemeral
// key) needs nothing from the reporter but the team's public key: no session,
// no key exchange, no server that could read along. It also authenticates the
// ciphertext, so any change in transit fails to open. It does not say who
// sealed it: anyone can seal to a public key. So a report that names its
// reporter is also signed inside the box (Ed25519), over the bundle and the
// team's keys; a report that withholds the reporter carries no signature and
// no signer key, which would identify them.
//
// A team has several current keys (one per moderator or per team, from
// configuration), and any one of them must open a report: format 2 seals the
// envelope in a team box (sealTeamBox.ts). Inside, the envelope lists the
// recipient keys, and the signature covers that list, so a named reporter's
// signature says which team the report was meant for.
// Format 1 (one key; every report before the team, docs/protocol.md) is the
// envelope in one crypto_box_seal; it is still opened.
//
// The plaintext inside (the envelope) is binary, not JSON, so the bundle's
// JSON is carried byte for byte and the signature covers exactly those bytes:
//   format 1: byte 0 = 1, byte 1 = 0 unsigned / 1 signed,
//             [32 bytes signer public key, 64 bytes signature], the bundle
//   format 2: byte 0 = 2, byte 1 = 0 unsigned / 1 signed, byte 2 = n,
//             n × 32 bytes recipient public keys,
//             [32 bytes signer public key, 64 bytes signature], the bundle
// The bundle is UTF-8 JSON.

import { fromBase64Url, readySodium, signingInput, toBase64Url } from "../codec.ts";
import { sha256Hex } from "../handoff/package.ts";
import { parseReportBundle, type ReportBundle } from "./bundle.ts";
import {
  distinctKeys,
  MAX_MODERATION_KEYS,
  maxTeamBoxBytes,
  openTeamBox,
  sealToTeam,
} from "./sealTeamBox.ts";

export { MAX_MODERATION_KEYS, openTeamBox, sealToTeam } from "./sealTeamBox.ts";

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
/** Format 2's signature covers the recipient keys, under its own context. */
export const TEAM_REPORT_SIGNATURE_CONTEXT = "safety-by-design/report-bundle/2";
const LEGACY_ENVELOPE_VERSION = 1;
const TEAM_ENVELOPE_VERSION = 2;
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
/** The largest sealed report any valid bundle can produce (format 2, every key slot used). */
export const MAX_SEALED_REPORT_BYTES = maxTeamBoxBytes(
  3 +
    MAX_MODERATION_KEYS * PUBLIC_KEY_BYTES +
    PUBLIC_KEY_BYTES +
    SIGNATURE_BYTES +
    MAX_BUNDLE_BYTES,
);

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
 * The team's public keys from configuration text: one or more base64url keys,
 * separated by commas (or white space). Undefined if any is not a key, if
 * there is none, or more than MAX_MODERATION_KEYS: a half-read list would
 * seal reports that some moderators cannot open.
 */
export async function moderationPublicKeysFromText(
  text: string,
): Promise<readonly Uint8Array[] | undefined> {
  const texts = [...new Set(text.split(/[\s,]+/).filter((t) => t !== ""))];
  if (texts.length === 0 || texts.length > MAX_MODERATION_KEYS) return undefined;
  const keys: Uint8Array[] = [];
  for (const t of texts) {
    const key = await moderationPublicKeyFromText(t);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys;
}

/**
 * Seals a bundle to the moderation team: every current key in
 * `moderationPublicKeys` opens it (format 2). A bundle that names its
 * reporter must come with the reporter's signing key and is signed; one that
 * withholds the reporter must not (a signer key would identify them).
 */
export async function sealReportBundle(
  bundle: ReportBundle,
  moderationPublicKeys: Uint8Array | readonly Uint8Array[],
  signingKey: ReporterSigningKeyPair | undefined,
): Promise<SealResult> {
  const checked = parseReportBundle(bundle);
  if (!checked.ok) return checked;
  const keys = distinctKeys(
    moderationPublicKeys instanceof Uint8Array ? [moderationPublicKeys] : moderationPublicKeys,
  );
  if (keys === undefined) {
    return {
      ok: false,
      problems: [`the moderation public keys must be 1 to ${MAX_MODERATION_KEYS} keys of 32 bytes`],
    };
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
  const recipients = concat(...keys);
  const head = Uint8Array.of(TEAM_ENVELOPE_VERSION, UNSIGNED, keys.length);
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
    head[1] = SIGNED;
    const signature = s.crypto_sign_detached(
      teamReportSigningInput(recipients, bundleBytes),
      signingKey.secretKey,
    );
    envelope = concat(head, recipients, signingKey.publicKey, signature, bundleBytes);
  } else {
    envelope = concat(head, recipients, bundleBytes);
  }
  return { ok: true, sealed: await sealToTeam(envelope, keys) };
}

/**
 * Opens a sealed report with the moderator's key pairs (every key on their
 * device: current ones and those kept after a rotation) and checks
 * everything in it: the box, the envelope, the bundle and, when present, the
 * signature. Reads format 2 (team box) and format 1 (one key). Never throws:
 * the input is untrusted.
 */
export async function openSealedReport(
  sealed: Uint8Array,
  moderatorKeyPairs: ModerationKeyPair | readonly ModerationKeyPair[],
): Promise<OpenedReport> {
  const fail = (problem: string): OpenedReport => ({ ok: false, problems: [problem] });
  const keyPairs: readonly ModerationKeyPair[] = Array.isArray(moderatorKeyPairs)
    ? moderatorKeyPairs
    : [moderatorKeyPairs as ModerationKeyPair];
  try {
    if (!(sealed instanceof Uint8Array)) return fail("the sealed report must be bytes");
    if (sealed.length < SEAL_OVERHEAD + 2) return fail("the sealed report is too short");
    if (sealed.length > MAX_SEALED_REPORT_BYTES) return fail("the sealed report is too long");
    const s = await readySodium();
    const team = await openTeamBox(sealed, keyPairs);
    if (team !== undefined) return await readTeamEnvelope(team.plaintext, team.keyPair);
    // Format 1 (and a format 1 box whose random first bytes happen to spell the magic).
    for (const keyPair of keyPairs) {
      let envelope: Uint8Array;
      try {
        envelope = s.crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.secretKey);
      } catch {
        continue;
      }
      return await readLegacyEnvelope(envelope, keyPair);
    }
    return fail("the sealed report does not open with this key (wrong key, or altered)");
  } catch {
    return fail("the sealed report could not be read");
  }
}

async function readLegacyEnvelope(
  envelope: Uint8Array,
  keyPair: ModerationKeyPair,
): Promise<OpenedReport> {
  if (envelope[0] !== LEGACY_ENVELOPE_VERSION) {
    return { ok: false, problems: ["unknown envelope version"] };
  }
  return readEnvelope(envelope[1], envelope.subarray(2), (bundleBytes) =>
    reportSigningInput(keyPair.publicKey, bundleBytes),
  );
}

async function readTeamEnvelope(
  envelope: Uint8Array,
  keyPair: ModerationKeyPair,
): Promise<OpenedReport> {
  const fail = (problem: string): OpenedReport => ({ ok: false, problems: [problem] });
  if (envelope[0] !== TEAM_ENVELOPE_VERSION) return fail("unknown envelope version");
  const n = envelope[2] ?? 0;
  if (n < 1 || n > MAX_MODERATION_KEYS) return fail("the envelope names no recipient keys");
  const recipientsEnd = 3 + n * PUBLIC_KEY_BYTES;
  if (envelope.length <= recipientsEnd) return fail("the envelope is too short");
  const recipients = envelope.slice(3, recipientsEnd);
  const s = await readySodium();
  let listed = false;
  for (let i = 0; i < n; i++) {
    const key = recipients.subarray(i * PUBLIC_KEY_BYTES, (i + 1) * PUBLIC_KEY_BYTES);
    if (s.memcmp(key, keyPair.publicKey)) listed = true;
  }
  // The slot opened with a key the envelope does not list: put together by someone else.
  if (!listed) return fail("the envelope does not list the key that opened it");
  return readEnvelope(envelope[1], envelope.subarray(recipientsEnd), (bundleBytes) =>
    teamReportSigningInput(recipients, bundleBytes),
  );
}

/**
 * Both formats after their header: the flags byte says whether `body` starts
 * with the signer's key and signature; the bundle is the rest.
 */
async function readEnvelope(
  flags: number | undefined,
  body: Uint8Array,
  signed: (bundleBytes: Uint8Array) => Uint8Array,
): Promise<OpenedReport> {
  const fail = (problem: string): OpenedReport => ({ ok: false, problems: [problem] });
  const s = await readySodium();
  if (flags !== SIGNED && flags !== UNSIGNED) return fail("unknown envelope flags");
  const envelope = body;
  const start = 0;
  const headerLength = flags === SIGNED ? PUBLIC_KEY_BYTES + SIGNATURE_BYTES : 0;
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

  if (flags === UNSIGNED) {
    return {
      ok: true,
      bundle: parsed.bundle,
      signature: "absent",
      signerPublicKey: null,
      bundleSha256,
    };
  }
  const signerPublicKey = envelope.slice(start, start + PUBLIC_KEY_BYTES);
  const signature = envelope.slice(start + PUBLIC_KEY_BYTES, headerLength);
  let valid = false;
  try {
    valid = s.crypto_sign_verify_detached(signature, signed(bundleBytes), signerPublicKey);
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
}

/** Format 1: what the reporter signs: context, the team's key, the bundle bytes; each length-prefixed. */
export function reportSigningInput(
  moderationPublicKey: Uint8Array,
  bundleBytes: Uint8Array,
): Uint8Array {
  return signingInput(REPORT_SIGNATURE_CONTEXT, [moderationPublicKey, bundleBytes]);
}

/** Format 2: context, the recipient keys as listed in the envelope, the bundle bytes. */
export function teamReportSigningInput(
  recipientKeys: Uint8Array,
  bundleBytes: Uint8Array,
): Uint8Array {
  return signingInput(TEAM_REPORT_SIGNATURE_CONTEXT, [recipientKeys, bundleBytes]);
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
