// Age bands and how the engine reads them. Every rule asks these helpers, so
// the meaning of "minor", "adult" and "unverified" lives in one place.

export const AGE_BANDS = ["8-12", "13-15", "16-17", "18+", "unverified"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export type MinorBand = "8-12" | "13-15" | "16-17";
export const MINOR_BANDS: readonly MinorBand[] = ["8-12", "13-15", "16-17"];

/** What the client knows about a person's age: the band from an attestation and whether it verified. */
export type PersonFacts = {
  readonly ageBand: AgeBand;
  readonly ageVerified: boolean;
};

/**
 * The band the engine decides with. A band counts only when its attestation
 * verified; anything else is `unverified`, so an unverifiable claim can never
 * unlock what a verified band would (a claimed "13-15" is not a peer of a child).
 */
export function effectiveBand(person: PersonFacts): AgeBand {
  return person.ageVerified ? person.ageBand : "unverified";
}

export function isMinor(band: AgeBand): band is MinorBand {
  return band === "8-12" || band === "13-15" || band === "16-17";
}

/** Unverified accounts are treated as adult strangers whenever they reach a minor. */
export function isAdultOrUnverified(band: AgeBand): band is "18+" | "unverified" {
  return band === "18+" || band === "unverified";
}

/**
 * Copy keys end in the reader's band, so the client shows text written for
 * that age (8-12 simpler, teens, adults, and a general text for unverified).
 */
export const COPY_SUFFIX: Readonly<Record<AgeBand, string>> = {
  "8-12": "child",
  "13-15": "teen13",
  "16-17": "teen16",
  "18+": "adult",
  unverified: "general",
};
