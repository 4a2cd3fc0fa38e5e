// Matrix layer: a recovery key as a person types or pastes it (keyBackup.ts
// uses it to unlock the key backup). Checked here without the server, so the
// recovery screen can point at a typo before anything is sent.

import { decodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";

/** Why typed text is not a recovery key, before asking the server anything. */
export type RecoveryKeyProblem = "empty" | "invalid-characters" | "wrong-length" | "typo";

const BASE58_ALPHABET = /^[1-9A-HJ-NP-Za-km-z]*$/;
/** 2 prefix bytes + 32 key bytes + 1 parity byte always encode to 48 base58 characters. */
const ENCODED_KEY_LENGTH = 48;

/**
 * The key as the SDK writes it (groups of four), from what a person typed or
 * pasted: spaces, line breaks, dashes and dots anywhere, full-width
 * characters. A "0" or "O" becomes "o": the alphabet has no zero and no
 * capital O, so they can only be a misread "o". Case is kept: "a" and "A" are
 * different characters of the key.
 */
export function normaliseRecoveryKeyInput(input: string): string {
  const compact = input
    .normalize("NFKC")
    .replace(/[\s\u200B-\u200D\uFEFF\-\u2010-\u2015\u2212_.,·]/gu, "")
    .replace(/[0O]/g, "o");
  return compact.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** Checks typed text without the server: the UI can point at a typo before sending. */
export function parseRecoveryKey(
  input: string,
):
  | { readonly ok: true; readonly key: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly problem: RecoveryKeyProblem } {
  const compact = normaliseRecoveryKeyInput(input).replace(/ /g, "");
  if (compact === "") return { ok: false, problem: "empty" };
  if (!BASE58_ALPHABET.test(compact)) return { ok: false, problem: "invalid-characters" };
  if (compact.length !== ENCODED_KEY_LENGTH) return { ok: false, problem: "wrong-length" };
  try {
    return { ok: true, key: decodeRecoveryKey(compact) };
  } catch {
    // The parity byte or the prefix does not match: a character was mistyped.
    return { ok: false, problem: "typo" };
  }
}
