// Protocol, reports: the reporter's Ed25519 signing key as a 32-byte seed. A
// report that names its reporter is signed with it (seal.ts), so the
// moderators can tell two reports came from the same device and that no one
// else made them with the team's public key. Only the seed is kept (as
// base64url text), and the key pair is derived from it, so a stored value is
// either a whole key or nothing: no public key that could disagree with its
// secret. Where the seed is kept is the client's business.

import { fromBase64Url, readySodium, toBase64Url, type Sodium } from "../codec.ts";
import type { ReporterSigningKeyPair } from "./seal.ts";

export const REPORTER_SIGNING_SEED_BYTES = 32;

export type ReporterSigningKey = {
  /** What to store: the seed as base64url text. */
  readonly seed: string;
  readonly keyPair: ReporterSigningKeyPair;
};

/** A new key from a random seed. */
export async function createReporterSigningKey(): Promise<ReporterSigningKey> {
  const s = await readySodium();
  const seed = s.randombytes_buf(REPORTER_SIGNING_SEED_BYTES);
  return { seed: toBase64Url(s, seed), keyPair: keyPairOf(s, seed) };
}

/** The key pair a stored seed stands for; undefined when it is not a canonical 32-byte seed. */
export async function reporterSigningKeyFromSeed(
  seedText: string,
): Promise<ReporterSigningKeyPair | undefined> {
  const s = await readySodium();
  const seed = fromBase64Url(s, seedText, REPORTER_SIGNING_SEED_BYTES);
  return seed === undefined ? undefined : keyPairOf(s, seed);
}

function keyPairOf(s: Sodium, seed: Uint8Array): ReporterSigningKeyPair {
  const { publicKey, privateKey } = s.crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}
