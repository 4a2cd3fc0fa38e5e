// Tooling: the demo personas of shared/BRIEF.md ("Age bands and personas").
// The demo seeds them on the demo homeserver; the e2e tests seed the same
// accounts on the test homeserver. Names are fictional.

export type AgeBand = "8-12" | "13-15" | "16-17" | "18+" | "unverified";

export type Persona = {
  readonly username: string;
  readonly displayName: string;
  /** Age in years; undefined where nobody knows (the unverified account). */
  readonly age: number | undefined;
  readonly band: AgeBand;
  readonly role: string;
};

/** One password for every demo account: this is a local demo, never a real service. */
export const DEMO_PASSWORD = "veilig-demo";

export const PERSONAS: readonly Persona[] = [
  {
    username: "sam",
    displayName: "Sam",
    age: 11,
    band: "8-12",
    role: "youngest user; strictest defaults",
  },
  {
    username: "noor",
    displayName: "Noor",
    age: 14,
    band: "13-15",
    role: "main participant in usability scenarios",
  },
  {
    username: "lotte",
    displayName: "Lotte",
    age: 14,
    band: "13-15",
    role: "Noor's friend (an existing contact)",
  },
  { username: "daan", displayName: "Daan", age: 16, band: "16-17", role: "older teen" },
  {
    username: "alex",
    displayName: "Alex",
    age: 35,
    band: "18+",
    role: "the unknown adult who tries to make contact",
  },
  {
    username: "mark",
    displayName: "Mark",
    age: undefined,
    band: "unverified",
    role: "account with no age attestation",
  },
  {
    username: "moderation",
    displayName: "Moderation",
    age: undefined,
    band: "18+",
    role: "trust & safety team; receives reports",
  },
  {
    username: "yara",
    displayName: "Yara",
    age: undefined,
    band: "18+",
    role: "second moderator, with her own key (a moderation team of two)",
  },
  {
    username: "facilitator",
    displayName: "Facilitator",
    age: undefined,
    band: "18+",
    role: "runs usability sessions",
  },
];

/**
 * The moderation team's accounts: server admins (they read report records),
 * invited to the moderation room, each with their own moderation key
 * (tools/lib/deployment.ts).
 */
export const MODERATOR_USERNAMES: readonly string[] = ["moderation", "yara"];

export function persona(username: string): Persona {
  const found = PERSONAS.find((p) => p.username === username);
  if (found === undefined) throw new Error(`no persona named ${username}`);
  return found;
}
