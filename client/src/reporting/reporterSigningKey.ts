// Services layer, reporting: the reporter's signing key, made once per
// account on this device and kept there (the key itself, a seed, is the
// protocol's: reporterSigningKeyFromSeed). It sits beside the crypto store's
// key in the browser's localStorage: whoever can read one can read the other.

import {
  createReporterSigningKey,
  reporterSigningKeyFromSeed,
  type ReporterSigningKeyPair,
} from "@safety-by-design/protocol";

export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

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
  const key = reporterSigningKeyStorageKey(userId);
  const stored = storage.getItem(key);
  const existing = stored === null ? undefined : await reporterSigningKeyFromSeed(stored);
  if (existing !== undefined) return existing;
  const created = await createReporterSigningKey();
  storage.setItem(key, created.seed);
  return created.keyPair;
}
