// Protocol, handoff: seals a package to the receiving body's public key and
// opens it on the body's side (docs/handoff-package.md, "Sealed file"). The
// same libsodium sealed box as a report: the moderator needs only the body's
// public key from configuration; the box is authenticated, so a changed byte
// fails to open. The file is JSON so it can be mailed, uploaded or stored as
// it is:
//   { "format": "org.safety-by-design.handoff.sealed", "version": 1,
//     "recipientKey": <base64url X25519 public key>, "sealed": <base64url box> }

import { fromBase64Url, fromBase64UrlOfAnyLength, readySodium, toBase64Url } from "../codec.ts";
import { parseHandoffPackage, verifyHandoffDigests, type HandoffPackage } from "./package.ts";

export const SEALED_HANDOFF_FORMAT = "org.safety-by-design.handoff.sealed";
export const SEALED_HANDOFF_VERSION = 1;
/** The largest package's JSON: 10 media items of 8 MiB in base64url, plus text. */
export const MAX_HANDOFF_JSON_BYTES = 120 * 1024 * 1024;

export type SealedHandoffFile = {
  readonly format: typeof SEALED_HANDOFF_FORMAT;
  readonly version: typeof SEALED_HANDOFF_VERSION;
  readonly recipientKey: string;
  readonly sealed: string;
};

export type HandoffKeyPair = { readonly publicKey: Uint8Array; readonly secretKey: Uint8Array };

export type SealHandoffResult =
  | { readonly ok: true; readonly file: SealedHandoffFile }
  | { readonly ok: false; readonly problems: readonly string[] };

export type OpenedHandoff =
  | { readonly ok: true; readonly package: HandoffPackage }
  | { readonly ok: false; readonly problems: readonly string[] };

const encoder = new TextEncoder();

/** Seals a package (checked first) to the body's X25519 public key. */
export async function sealHandoffPackage(
  pkg: HandoffPackage,
  recipientPublicKey: Uint8Array,
): Promise<SealHandoffResult> {
  const checked = parseHandoffPackage(pkg);
  if (!checked.ok) return checked;
  if (recipientPublicKey.length !== 32) {
    return { ok: false, problems: ["the body's public key must be 32 bytes"] };
  }
  const wrong = await verifyHandoffDigests(checked.package);
  if (wrong.length > 0)
    return { ok: false, problems: wrong.map((path) => `${path}: does not match`) };
  const bytes = encoder.encode(JSON.stringify(checked.package));
  if (bytes.length > MAX_HANDOFF_JSON_BYTES) {
    return { ok: false, problems: [`the package exceeds ${MAX_HANDOFF_JSON_BYTES} bytes`] };
  }
  const s = await readySodium();
  return {
    ok: true,
    file: {
      format: SEALED_HANDOFF_FORMAT,
      version: SEALED_HANDOFF_VERSION,
      recipientKey: toBase64Url(s, recipientPublicKey),
      sealed: toBase64Url(s, s.crypto_box_seal(bytes, recipientPublicKey)),
    },
  };
}

/**
 * Opens a sealed file (parsed JSON, untrusted) with the body's key pair and
 * checks the package: the format, every field, and every digest. Never throws.
 */
export async function openHandoffFile(
  value: unknown,
  keyPair: HandoffKeyPair,
): Promise<OpenedHandoff> {
  const fail = (problem: string): OpenedHandoff => ({ ok: false, problems: [problem] });
  try {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return fail("file: must be an object");
    }
    const o = value as Record<string, unknown>;
    const unexpected = Object.keys(o).filter(
      (k) => !["format", "version", "recipientKey", "sealed"].includes(k),
    );
    if (unexpected.length > 0)
      return fail(`file: unexpected field "${unexpected[0]?.slice(0, 40)}"`);
    if (o["format"] !== SEALED_HANDOFF_FORMAT)
      return fail(`file.format: must be "${SEALED_HANDOFF_FORMAT}"`);
    if (o["version"] !== SEALED_HANDOFF_VERSION)
      return fail(`file.version: must be ${SEALED_HANDOFF_VERSION}`);
    const s = await readySodium();
    const recipientKey =
      typeof o["recipientKey"] === "string" ? fromBase64Url(s, o["recipientKey"], 32) : undefined;
    if (recipientKey === undefined)
      return fail("file.recipientKey: must be a 32-byte key in base64url");
    if (!s.memcmp(recipientKey, keyPair.publicKey)) {
      return fail("file.recipientKey: this package is sealed to another body's key");
    }
    const sealed =
      typeof o["sealed"] === "string" &&
      o["sealed"].length <= Math.ceil(((MAX_HANDOFF_JSON_BYTES + 48) * 4) / 3)
        ? fromBase64UrlOfAnyLength(s, o["sealed"])
        : undefined;
    if (sealed === undefined || sealed.length < 49)
      return fail("file.sealed: must be a sealed box in base64url");
    let plain: Uint8Array;
    try {
      plain = s.crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.secretKey);
    } catch {
      return fail("file.sealed: does not open with this key (wrong key, or altered)");
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain));
    } catch {
      return fail("package: is not UTF-8 JSON");
    }
    const parsed = parseHandoffPackage(json);
    if (!parsed.ok) return parsed;
    const wrong = await verifyHandoffDigests(parsed.package);
    if (wrong.length > 0) {
      return { ok: false, problems: wrong.map((path) => `${path}: does not match its content`) };
    }
    return parsed;
  } catch {
    return fail("file: could not be read");
  }
}
