// Tooling: a scripted actor's verified age, as its own device would hold it.
// The actor's session asks the deployment's age provider for an attestation
// (Matrix OpenID, holder key made here) and presents its band to the
// participant over Olm, exactly as the app does (client/src/age). So a
// scripted Alex reaches Noor as a verified adult, and Mark stays unverified.
// A throwaway actor (a new account each run) holds the band its script gives
// it: the demo provider's register learns it first, as a provider would after
// checking a document; "unverified" stays unknown to the provider.
// The actor still bypasses the app's sender-side check on purpose: the study
// looks at what the participant's own device does with the contact.

import { AgeExchange, loadOwnAge, type ChatSession } from "@safety-by-design/client/actors";
import { isAttestedAgeBand } from "@safety-by-design/protocol";
import { registerAgeBand } from "./ageIssuerService.ts";
import type { LocalDeployment } from "./deployment.ts";
import { memoryStorage } from "./memoryStorage.ts";
import { PERSONAS, type AgeBand } from "./personas.ts";

/**
 * Presents the actor's band to `participantUserId`; says what happened, in
 * words. `claimedBand` is the band the script gives the actor; it matters only
 * for a throwaway account (a persona's band is the provider's own).
 */
export async function presentActorAge(
  session: ChatSession,
  deployment: Pick<LocalDeployment, "issuer" | "issuerDir" | "ageIssuerUrl">,
  participantUserId: string,
  claimedBand?: AgeBand,
): Promise<string> {
  const isPersona = PERSONAS.some((p) => `@${p.username}:${session.serverName}` === session.userId);
  if (!isPersona && claimedBand !== undefined && isAttestedAgeBand(claimedBand)) {
    await registerAgeBand(deployment.issuerDir, session.userId, claimedBand);
  }
  const storage = memoryStorage();
  const trustedIssuers = [
    { keyId: deployment.issuer.keyId, publicKey: deployment.issuer.publicKey },
  ];
  const own = await loadOwnAge({
    userId: session.userId,
    storage,
    trustedIssuers,
    providerUrl: deployment.ageIssuerUrl,
    openIdToken: () => session.openIdToken(),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
  });
  if (own.status !== "verified") return `the actor has no verified age (${own.reason})`;
  const exchange = new AgeExchange({
    selfUserId: session.userId,
    transport: session.toDevice,
    trustedIssuers,
    ownAge: () => own,
    now: () => Date.now(),
    randomId: () => crypto.randomUUID(),
  });
  try {
    const sent = await exchange.present(participantUserId, { reply: false });
    return sent === "sent"
      ? `presented a verified ${own.band} band to ${participantUserId}`
      : `could not present the band (${sent})`;
  } finally {
    exchange.stop();
  }
}
