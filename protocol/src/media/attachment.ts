// Protocol, media: Matrix's encrypted attachments, version 2 (the
// client-server spec, "Sending encrypted attachments"): AES-256-CTR with a
// fresh key per file, a JWK for the key, a 128-bit IV whose low 64 bits (the
// counter) start at zero, and the SHA-256 of the ciphertext. The same format
// as Element (matrix-encrypt-attachment) and Hydrogen (decryptAttachment), so
// their images open here and ours there; their test vectors are in the test.
//
// It lives in the protocol, not the client, because it is a wire format that
// more than the app must read: the integration and e2e tests decrypt what the
// homeserver holds, and tools may too (they cannot import the client). It
// uses only WebCrypto (`globalThis.crypto`), present in browsers and Node.
//
// The SHA-256 in `hashes` is the spec's integrity check of the *ciphertext*
// (did the server hand back the bytes the sender uploaded?). It is computed
// over encrypted bytes, compared with what the sender wrote, and never looked
// up anywhere: it is not content scanning, and nothing here reads the content.

/** The only version written and read (v1 used a 128-bit counter; the spec requires v2). */
export const ENCRYPTED_FILE_VERSION = "v2";

const KEY_BYTES = 32;
const IV_BYTES = 16;
const SHA256_BYTES = 32;
/** AES-CTR's counter is the IV's low 64 bits, as the spec's v2 has it. */
const COUNTER_BITS = 64;
/** An mxc URI: `mxc://<server name>/<media id>`; nothing else is ever fetched. */
const MXC_URI = /^mxc:\/\/[A-Za-z0-9.:[\]-]+\/[A-Za-z0-9_-]+$/;
const MAX_MXC_CHARS = 512;

/** The attachment's key as the spec writes it: a JSON Web Key for A256CTR. */
export type AttachmentKey = {
  readonly kty: "oct";
  readonly key_ops: readonly string[];
  readonly alg: "A256CTR";
  /** 32 bytes, unpadded base64url (JWK). */
  readonly k: string;
  readonly ext: true;
};

/** What decrypts a file: the spec's EncryptedFile without its `url`. */
export type EncryptedFileKeys = {
  readonly key: AttachmentKey;
  /** 16 bytes, unpadded standard base64. */
  readonly iv: string;
  /** `sha256`: of the ciphertext, unpadded standard base64. */
  readonly hashes: { readonly sha256: string };
  readonly v: typeof ENCRYPTED_FILE_VERSION;
};

/** The spec's EncryptedFile: where the ciphertext is (`mxc://`) and how to decrypt it. */
export type EncryptedFile = EncryptedFileKeys & { readonly url: string };

export type EncryptedAttachment = {
  readonly ciphertext: Uint8Array<ArrayBuffer>;
  readonly keys: EncryptedFileKeys;
};

export type EncryptedFileFailure =
  "malformed" | "unsupported-version" | "not-mxc" | "hash-mismatch" | "decryption-failed";

/** Thrown by decryptAttachment; `reason` says what a screen should say. */
export class AttachmentError extends Error {
  readonly reason: EncryptedFileFailure;
  constructor(reason: EncryptedFileFailure) {
    super(`encrypted attachment: ${reason}`);
    this.name = "AttachmentError";
    this.reason = reason;
  }
}

export type ParsedEncryptedFile =
  | { readonly ok: true; readonly value: EncryptedFile }
  | { readonly ok: false; readonly reason: Exclude<EncryptedFileFailure, "hash-mismatch"> };

/** Random bytes; injectable so the test vectors can fix the key and IV. */
export type RandomBytes = (length: number) => Uint8Array<ArrayBuffer>;

const systemRandom: RandomBytes = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length));

/**
 * Encrypts one file (or thumbnail) with a fresh key. The caller uploads
 * `ciphertext` and writes `{ url, ...keys }` into the Megolm-encrypted event:
 * only the room's members learn the key.
 */
export async function encryptAttachment(
  plaintext: Uint8Array<ArrayBuffer>,
  randomBytes: RandomBytes = systemRandom,
): Promise<EncryptedAttachment> {
  const rawKey = randomBytes(KEY_BYTES);
  // The high 64 bits are random, the counter (low 64 bits) starts at zero, so
  // it cannot wrap within a file (the reason for v2).
  const iv = new Uint8Array(IV_BYTES);
  iv.set(randomBytes(IV_BYTES / 2), 0);
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey("raw", rawKey, "AES-CTR", true, ["encrypt", "decrypt"]);
  const ciphertext = new Uint8Array(
    await subtle.encrypt(
      { name: "AES-CTR", counter: iv, length: COUNTER_BITS },
      cryptoKey,
      plaintext,
    ),
  );
  const digest = new Uint8Array(await subtle.digest("SHA-256", ciphertext));
  return {
    ciphertext,
    keys: {
      key: {
        kty: "oct",
        key_ops: ["encrypt", "decrypt"],
        alg: "A256CTR",
        k: toBase64(rawKey, true),
        ext: true,
      },
      iv: toBase64(iv, false),
      hashes: { sha256: toBase64(digest, false) },
      v: ENCRYPTED_FILE_VERSION,
    },
  };
}

/**
 * Checks the ciphertext's SHA-256 against the event, then decrypts. Throws
 * AttachmentError("hash-mismatch") when the server's bytes are not the
 * sender's, before any byte is decrypted.
 */
export async function decryptAttachment(
  ciphertext: Uint8Array<ArrayBuffer>,
  keys: EncryptedFileKeys,
): Promise<Uint8Array<ArrayBuffer>> {
  const checked = checkKeys(keys);
  if (!checked.ok) throw new AttachmentError(checked.reason);
  const subtle = globalThis.crypto.subtle;
  const digest = new Uint8Array(await subtle.digest("SHA-256", ciphertext));
  if (!equalBytes(digest, checked.sha256)) throw new AttachmentError("hash-mismatch");
  try {
    const cryptoKey = await subtle.importKey("raw", checked.key, "AES-CTR", false, ["decrypt"]);
    return new Uint8Array(
      await subtle.decrypt(
        { name: "AES-CTR", counter: checked.iv, length: COUNTER_BITS },
        cryptoKey,
        ciphertext,
      ),
    );
  } catch {
    throw new AttachmentError("decryption-failed");
  }
}

/**
 * Reads an EncryptedFile from an event's content (`file`, `info.thumbnail_file`):
 * anything a sender wrote, so every field is checked; `url` must be `mxc://`.
 */
export function parseEncryptedFile(value: unknown): ParsedEncryptedFile {
  if (!isRecord(value)) return { ok: false, reason: "malformed" };
  const url = value["url"];
  if (typeof url !== "string") return { ok: false, reason: "malformed" };
  if (url.length > MAX_MXC_CHARS || !MXC_URI.test(url)) return { ok: false, reason: "not-mxc" };
  const keys = {
    key: value["key"],
    iv: value["iv"],
    hashes: value["hashes"],
    v: value["v"],
  } as unknown as EncryptedFileKeys;
  const checked = checkKeys(keys);
  if (!checked.ok) return checked;
  return {
    ok: true,
    value: { url, key: checked.jwk, iv: keys.iv, hashes: { sha256: keys.hashes.sha256 }, v: "v2" },
  };
}

/** Whether a string is an `mxc://` URI this client would fetch (nothing else ever is). */
export function isMxcUri(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_MXC_CHARS && MXC_URI.test(value);
}

type CheckedKeys =
  | {
      readonly ok: true;
      readonly key: Uint8Array<ArrayBuffer>;
      readonly iv: Uint8Array<ArrayBuffer>;
      readonly sha256: Uint8Array<ArrayBuffer>;
      readonly jwk: AttachmentKey;
    }
  | { readonly ok: false; readonly reason: "malformed" | "unsupported-version" };

function checkKeys(keys: EncryptedFileKeys): CheckedKeys {
  const loose = keys as unknown as Record<string, unknown>;
  if (loose["v"] !== ENCRYPTED_FILE_VERSION) {
    return {
      ok: false,
      reason: typeof loose["v"] === "string" ? "unsupported-version" : "malformed",
    };
  }
  const jwk = loose["key"];
  const hashes = loose["hashes"];
  if (!isRecord(jwk) || !isRecord(hashes)) return { ok: false, reason: "malformed" };
  const ops = jwk["key_ops"];
  if (
    jwk["kty"] !== "oct" ||
    jwk["alg"] !== "A256CTR" ||
    !Array.isArray(ops) ||
    !ops.includes("decrypt") ||
    typeof jwk["k"] !== "string" ||
    typeof loose["iv"] !== "string" ||
    typeof hashes["sha256"] !== "string"
  ) {
    return { ok: false, reason: "malformed" };
  }
  const key = fromBase64(jwk["k"], true);
  const iv = fromBase64(loose["iv"], false);
  const sha256 = fromBase64(hashes["sha256"], false);
  if (key?.length !== KEY_BYTES || iv?.length !== IV_BYTES || sha256?.length !== SHA256_BYTES) {
    return { ok: false, reason: "malformed" };
  }
  return {
    ok: true,
    key,
    iv,
    sha256,
    jwk: {
      kty: "oct",
      key_ops: ops.filter((op): op is string => typeof op === "string"),
      alg: "A256CTR",
      k: jwk["k"],
      ext: true,
    },
  };
}

/** Unpadded base64: standard (iv, hashes) or url-safe (the JWK's `k`), as the spec writes them. */
export function toBase64(bytes: Uint8Array, urlSafe: boolean): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  const text = btoa(binary).replace(/=+$/, "");
  return urlSafe ? text.replaceAll("+", "-").replaceAll("/", "_") : text;
}

/**
 * Unpadded (or padded, as some clients write) base64 of either alphabet;
 * undefined for anything else. Senders differ in padding, so both are read.
 */
export function fromBase64(text: string, urlSafe: boolean): Uint8Array<ArrayBuffer> | undefined {
  if (text.length > 1024) return undefined;
  const alphabet = urlSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text)) return undefined;
  const standard = (urlSafe ? text.replaceAll("-", "+").replaceAll("_", "/") : text).replace(
    /=+$/,
    "",
  );
  if (standard.length % 4 === 1) return undefined;
  try {
    const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
