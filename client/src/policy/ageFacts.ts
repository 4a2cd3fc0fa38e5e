// Policy layer: what this device knows about people's ages, as engine facts.
// A band counts only when a signed age attestation was presented and verified
// (client/src/age): the device user's own band from the attestation in
// its wallet, anyone else's from a presentation they sent this device. Anyone
// else is `unverified`, which towards minors is the protective reading.
// Owns no decision: every decision reads its age facts from here.

import type { PersonFacts } from "@safety-by-design/policy-engine";

export type AgeFactsSource = {
  /** The device user's own verified band. */
  readonly self: () => PersonFacts;
  /** What this device has verified about another person. */
  readonly about: (userId: string) => PersonFacts;
};

export const UNVERIFIED: PersonFacts = Object.freeze({ ageBand: "unverified", ageVerified: false });

/** Age facts from a table of verified bands (user ID -> facts); anyone else is unverified. */
export function ageFactsFromVerified(
  selfUserId: string,
  verified: ReadonlyMap<string, PersonFacts>,
): AgeFactsSource {
  return {
    self: () => verified.get(selfUserId) ?? UNVERIFIED,
    about: (userId) => verified.get(userId) ?? UNVERIFIED,
  };
}

/** What the device's age wallet and age exchange know (client/src/age). */
export type DeviceAgeKnowledge = {
  /** The device user's own verified band, if the wallet holds a valid attestation. */
  readonly ownBand: () => PersonFacts["ageBand"] | undefined;
  /** A band another person presented to this device and that verified, while valid. */
  readonly peerBand: (userId: string) => PersonFacts["ageBand"] | undefined;
};

/** Age facts from this device's own verification: a band counts only when it verified. */
export function ageFactsFromDevice(knowledge: DeviceAgeKnowledge): AgeFactsSource {
  const facts = (band: PersonFacts["ageBand"] | undefined): PersonFacts =>
    band === undefined || band === "unverified" ? UNVERIFIED : { ageBand: band, ageVerified: true };
  return {
    self: () => facts(knowledge.ownBand()),
    about: (userId) => facts(knowledge.peerBand(userId)),
  };
}
