// Protocol, age format: Ed25519 key pairs for issuers and holders, kept
// as base64url strings so they can be stored as JSON (a file for the issuer
// tool, the device's key-value store for a holder).

import { ED25519_PUBLIC_KEY_BYTES, ED25519_SECRET_KEY_BYTES, isIssuerKeyId } from "./format.ts";
import { fromBase64Url, readySodium, toBase64Url, type Sodium } from "../codec.ts";

/** What a verifier is configured with: deployment configuration, never code. */
export type TrustedIssuer = {
  readonly keyId: string;
  /** Ed25519 public key, base64url. */
  readonly publicKey: string;
};

export type IssuerKeyPair = TrustedIssuer & {
  /** libsodium's 64-byte Ed25519 secret key (seed and public key), base64url. */
  readonly secretKey: string;
};

/** A holder key is made per account and stays on the device; it signs presentations. */
export type HolderKeyPair = {
  readonly publicKey: string;
  readonly secretKey: string;
};

/**
 * The key id the demo issuer uses: derived from the public key, so two keys
 * never share an id by accident. Verifiers do not rely on the derivation; a
 * real provider may name its keys as it likes (see isIssuerKeyId).
 */
export async function issuerKeyIdFor(publicKey: string): Promise<string> {
  const s = await readySodium();
  const bytes = fromBase64Url(s, publicKey, ED25519_PUBLIC_KEY_BYTES);
  if (bytes === undefined) throw new Error("not an Ed25519 public key (base64url)");
  return `ed25519:${toBase64Url(s, s.crypto_generichash(16, bytes, null))}`;
}

export async function createIssuerKeyPair(): Promise<IssuerKeyPair> {
  const s = await readySodium();
  const { publicKey, privateKey } = s.crypto_sign_keypair();
  const encoded = toBase64Url(s, publicKey);
  return {
    keyId: await issuerKeyIdFor(encoded),
    publicKey: encoded,
    secretKey: toBase64Url(s, privateKey),
  };
}

export async function createHolderKeyPair(): Promise<HolderKeyPair> {
  const s = await readySodium();
  const { publicKey, privateKey } = s.crypto_sign_keypair();
  return { publicKey: toBase64Url(s, publicKey), secretKey: toBase64Url(s, privateKey) };
}

/**
 * The secret key's bytes, after checking that it belongs to the stated public
 * key: a mismatched pair would sign things no verifier accepts. Throws, because
 * a broken key pair is a set-up error on the signing side, not untrusted input.
 */
export function secretKeyBytes(s: Sodium, keyPair: HolderKeyPair): Uint8Array {
  const secret = fromBase64Url(s, keyPair.secretKey, ED25519_SECRET_KEY_BYTES);
  if (secret === undefined) throw new Error("not an Ed25519 secret key (base64url)");
  // libsodium's secret key is seed || public key. Re-deriving the pair from the
  // seed checks both halves (crypto_sign_ed25519_sk_to_pk is not in the standard build).
  const derived = s.crypto_sign_seed_keypair(secret.subarray(0, 32));
  if (
    !s.memcmp(derived.privateKey, secret) ||
    toBase64Url(s, derived.publicKey) !== keyPair.publicKey
  ) {
    throw new Error("the secret key does not belong to the public key");
  }
  return secret;
}

/** Checks an issuer key pair read from storage; throws on anything inconsistent. */
export async function checkIssuerKeyPair(value: unknown): Promise<IssuerKeyPair> {
  const s = await readySodium();
  if (typeof value !== "object" || value === null) throw new Error("not an issuer key pair");
  const { keyId, publicKey, secretKey } = value as Record<string, unknown>;
  if (!isIssuerKeyId(keyId)) throw new Error("issuer key id is missing or invalid");
  if (typeof publicKey !== "string" || typeof secretKey !== "string") {
    throw new Error("issuer public or secret key is missing");
  }
  secretKeyBytes(s, { publicKey, secretKey });
  return { keyId, publicKey, secretKey };
}
