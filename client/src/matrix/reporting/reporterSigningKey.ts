// Matrix layer, reporting: the reporter's Ed25519 signing key, made once per
// account on this device and kept there. A report that names its reporter is
// signed with it (seal.ts), so the moderators can tell two reports came from
// the same device and that no one else made them with the team's public key.
//
// Only the 32-byte seed is stored; the key pair is derived from it, so a
// stored value is either a whole key or nothing (no public key that could
// disagree with its secret). It sits beside the crypto store's key in the
// browser's localStorage: whoever can read one can read the other.

import type { ReporterSigningKeyPair } from "./seal.ts";
import { fromBase64Url, readySodium, toBase64Url } from "./sodium.ts";

export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

const SEED_BYTES = 32;

export function reporterSigningKeyStorageKey(userId: string): string {
  return `sbd.reportSigningKey.${userId}`;
}

/**
 * The account's signing key on this device: the stored one, or a new one
 * (stored before it is returned). A stored value that is not a seed is
 * replaced: a report must never fail for want of a key.
 */
export async function loadOrCreateReporterSigningKey(
  storage: KeyValueStorage,
  userId: string,
): Promise<ReporterSigningKeyPair> {
  const s = await readySodium();
  const key = reporterSigningKeyStorageKey(userId);
  const stored = storage.getItem(key);
  let seed = stored === null ? undefined : fromBase64Url(s, stored, SEED_BYTES);
  if (seed === undefined) {
    seed = s.randombytes_buf(SEED_BYTES);
    storage.setItem(key, toBase64Url(s, seed));
  }
  const { publicKey, privateKey } = s.crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}
