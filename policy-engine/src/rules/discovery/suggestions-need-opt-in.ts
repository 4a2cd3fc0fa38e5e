import { isMinor } from "../../model/bands.ts";
import type { DiscoveryContribution } from "../contributions.ts";
import type { DiscoveryFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const HIDDEN: DiscoveryContribution = { effect: "hidden" };

export const suggestionsNeedOptIn: Rule<DiscoveryFacts, DiscoveryContribution> = {
  id: "discovery/suggestions-need-opt-in",
  summary:
    "Suggestions push a person at strangers, so a minor appears in strangers' suggestions only if the pack allows it and they opted in separately.",
  evaluate: ({ request, subjectBand }, pack) => {
    if (request.surface !== "suggestions" || !isMinor(subjectBand) || request.isContact) {
      return null;
    }
    const policy = pack.discovery.minorsInStrangersSuggestions;
    if (policy === "never") return HIDDEN;
    if (policy === "if-opted-in" && !request.subjectSettings.suggestedToPeers) return HIDDEN;
    return null;
  },
};
