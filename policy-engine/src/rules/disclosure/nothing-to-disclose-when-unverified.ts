import type { DisclosureContribution } from "../contributions.ts";
import type { DisclosureFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const WITHHOLD: DisclosureContribution = { effect: "withhold" };

export const nothingToDiscloseWhenUnverified: Rule<DisclosureFacts, DisclosureContribution> = {
  id: "disclosure/nothing-to-disclose-when-unverified",
  summary:
    "Without a valid attestation there is no verified band to show; an unverified claim is never presented as if it were verified.",
  evaluate: ({ selfBand }) => (selfBand === "unverified" ? WITHHOLD : null),
};
