// Policy layer: what this device knows about people's ages, as engine facts.
// A band counts only when a signed age attestation was presented and verified
// (client/src/matrix/age). Until presentations travel between clients, the
// client knows no verified band; the engine then treats everyone as
// `unverified`, which towards minors is the protective reading.

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
