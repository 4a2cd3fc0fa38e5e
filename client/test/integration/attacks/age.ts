// Attack suite: age presentations, genuine and hand-made. A genuine one is
// what an honest device of that person would send (the demo issuer signs
// the attestation); the attackers' variants are forged, tampered, expired,
// someone else's, replayed or made for another audience.

import {
  AGE_PRESENTATION_TYPE,
  createHolderKeyPair,
  createPresentation,
  type AgeAttestation,
  type AgePresentation,
  type AttestedAgeBand,
  type HolderKeyPair,
} from "@safety-by-design/protocol";
import { issueAttestation } from "../../../../tools/lib/ageIssuer.ts";
import { until } from "../support.ts";
import type { OlmAttacker } from "./actors.ts";
import type { VictimDevice, World } from "./harness.ts";

export type AgeCredentials = {
  readonly holder: HolderKeyPair;
  readonly attestation: AgeAttestation;
};

/** An attestation from the deployment's trusted issuer, for a holder key made now. */
export async function genuineCredentials(
  world: World,
  userId: string,
  band: AttestedAgeBand,
  options: { readonly now?: number; readonly days?: number } = {},
): Promise<AgeCredentials> {
  const holder = await createHolderKeyPair();
  const attestation = await issueAttestation(world.issuer, {
    userId,
    band,
    holderKey: holder.publicKey,
    ...options,
  });
  return { holder, attestation };
}

export function presentationFor(
  credentials: AgeCredentials,
  audienceUserId: string,
): Promise<AgePresentation> {
  return createPresentation(credentials.holder, credentials.attestation, {
    audienceUserId,
    now: Date.now(),
  });
}

/** Sends a presentation over Olm, as the age exchange does. */
export async function sendPresentation(
  from: OlmAttacker,
  to: VictimDevice,
  presentation: unknown,
): Promise<void> {
  const devices = await from.sendToDevice(to.userId, AGE_PRESENTATION_TYPE, [
    { presentation, reply: false },
  ]);
  if (devices === 0) throw new Error(`${to.label} has no device to present to`);
}

/** An honest adult's device shows its verified band first; the victim's device then knows it. */
export async function presentGenuineBand(
  world: World,
  from: OlmAttacker,
  to: VictimDevice,
  band: AttestedAgeBand,
): Promise<void> {
  const credentials = await genuineCredentials(world, from.userId, band);
  await sendPresentation(from, to, await presentationFor(credentials, to.userId));
  await until(
    () => to.protection.ages.verifiedBand(from.userId)?.band === band,
    `${to.label}'s device to verify ${from.userId} as ${band}`,
  );
}
