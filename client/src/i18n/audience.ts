// Who reads a translation key, so the copy test holds each Dutch string to
// the reading level of its youngest reader. A small, explicit mapping from
// key patterns to audience; the first rule that matches wins.
//
// Naming convention for copy written per age band: a key ending in `.child`
// is for 8–12, `.teen13` for 13–15, `.teen16` for 16–17. A plural suffix
// (`_one`, `_other`) is ignored when matching.

/** "adults": never shown to a minor, so not held to a children's reading level. */
export type CopyAudience = "8-12" | "13-17" | "adults";

export type AudienceRule = {
  readonly description: string;
  readonly audience: CopyAudience;
  readonly matches: (key: string) => boolean;
};

/** Lowest Flesch–Douma score a string may have, per audience (none for adults). */
export const MIN_READING_EASE: Readonly<Record<Exclude<CopyAudience, "adults">, number>> = {
  // Douma's "fairly easy" band: end of Dutch primary school (group 8).
  "8-12": 70,
  // Douma's "normal" band: lower secondary school, roughly language level B1.
  "13-17": 60,
};

const prefixed =
  (...prefixes: readonly string[]) =>
  (key: string): boolean =>
    prefixes.some((prefix) => key.startsWith(prefix));

const suffixed =
  (...suffixes: readonly string[]) =>
  (key: string): boolean =>
    suffixes.some((suffix) => key.endsWith(suffix));

export const AUDIENCE_RULES: readonly AudienceRule[] = [
  { description: "ends in .child", audience: "8-12", matches: suffixed(".child") },
  {
    description: "ends in .teen13 or .teen16",
    audience: "13-17",
    matches: suffixed(".teen13", ".teen16"),
  },
  {
    // Screens only adults open: the research facilitator's console, the
    // moderators' tools, and copy written for the adult side of a contact
    // attempt (e.g. the deterrence message).
    description: "ends in .adult, or facilitator.* / moderation.*",
    audience: "adults",
    matches: (key) => suffixed(".adult")(key) || prefixed("facilitator.", "moderation.")(key),
  },
  {
    // General UI every user sees, minors included. The younger band reads
    // these too, but general UI cannot be written per band; copy that must
    // reach 8–12 gets its own `.child` key.
    description: "general UI a minor sees",
    audience: "13-17",
    matches: prefixed(
      "app.",
      "language.",
      "signIn.",
      "session.",
      "chats.",
      "conversation.",
      "help.",
    ),
  },
];

const PLURAL_SUFFIX = /_(one|other)$/;

// Fail closed: a key no rule classifies is assumed to reach a minor, so new
// copy is checked by default instead of silently skipped.
const UNLISTED = { audience: "13-17", rule: "not listed: assumed to reach a minor" } as const;

/** The audience of a translation key and the rule that decided it. */
export function audienceOf(key: string): {
  readonly audience: CopyAudience;
  readonly rule: string;
} {
  const base = key.replace(PLURAL_SUFFIX, "");
  const rule = AUDIENCE_RULES.find((candidate) => candidate.matches(base));
  return rule === undefined ? UNLISTED : { audience: rule.audience, rule: rule.description };
}
