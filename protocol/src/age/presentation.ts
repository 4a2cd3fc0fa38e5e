// Protocol, age format: the holder's side. A presentation wraps the
// holder's attestation for one verifier, signed by the holder key, with a
// fresh nonce and the time, so it cannot be shown to anyone else or reused
// later (docs/protocol.md, "Age presentation").

import { presentationSigningInput } from "./canonical.ts";
import {
  FORMAT_VERSION,
  RANDOM_ID_BYTES,
  isMatrixRoomId,
  isMatrixUserId,
  type AgeAttestation,
  type AgePresentation,
  type UnsignedAgePresentation,
} from "./format.ts";
import { secretKeyBytes, type HolderKeyPair } from "./keys.ts";
import { readySodium, toBase64Url } from "../codec.ts";

export type PresentationContext = {
  /** The verifier's Matrix user ID: the only party that will accept this presentation. */
  readonly audienceUserId: string;
  /** The room it is shown in; leave out when it travels as a to-device message. */
  readonly roomId?: string;
  /** Milliseconds since the Unix epoch (Date.now()). */
  readonly now: number;
};

/**
 * Signs a fully specified presentation with the holder key. Throws on a holder
 * key that is not the one the attestation is bound to, or on an invalid
 * audience or room: the holder's own set-up errors, not untrusted input.
 */
export async function signPresentation(
  holder: HolderKeyPair,
  unsigned: UnsignedAgePresentation,
): Promise<AgePresentation> {
  const s = await readySodium();
  if (holder.publicKey !== unsigned.attestation.holderKey) {
    throw new Error("this attestation is bound to a different holder key");
  }
  if (!isMatrixUserId(unsigned.audience)) throw new Error("the audience is not a Matrix user ID");
  if (unsigned.roomId !== undefined && !isMatrixRoomId(unsigned.roomId)) {
    throw new Error("the room is not a Matrix room ID");
  }
  const secret = secretKeyBytes(s, holder);
  const signature = s.crypto_sign_detached(presentationSigningInput(unsigned), secret);
  return { ...unsigned, signature: toBase64Url(s, signature) };
}

/** A fresh presentation of `attestation` to one verifier, now, with a random nonce. */
export async function createPresentation(
  holder: HolderKeyPair,
  attestation: AgeAttestation,
  context: PresentationContext,
): Promise<AgePresentation> {
  const s = await readySodium();
  if (!Number.isFinite(context.now)) throw new Error("now must be a time in milliseconds");
  return signPresentation(holder, {
    version: FORMAT_VERSION,
    attestation,
    audience: context.audienceUserId,
    ...(context.roomId === undefined ? {} : { roomId: context.roomId }),
    nonce: toBase64Url(s, s.randombytes_buf(RANDOM_ID_BYTES)),
    presentedAt: Math.floor(context.now / 1000),
  });
}
