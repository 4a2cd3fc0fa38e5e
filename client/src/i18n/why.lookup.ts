// "Why am I seeing this?": the words for one rule, for one reader. The
// fallback order is the reader's own text, then the teen text (the general
// B1 text every rule has); a rule with no words at all gives undefined, and
// the view then shows the general line `why.other`.
import type { WhyAudience, WhyTexts } from "./why.nl.ts";

export function whyText(
  catalogue: Readonly<Partial<Record<string, WhyTexts>>>,
  ruleId: string,
  audience: WhyAudience,
): string | undefined {
  if (!Object.hasOwn(catalogue, ruleId)) return undefined;
  const texts = catalogue[ruleId];
  return texts?.[audience] ?? texts?.teen;
}
