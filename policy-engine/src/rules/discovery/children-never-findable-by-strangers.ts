import type { DiscoveryContribution } from "../contributions.ts";
import type { DiscoveryFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const HIDDEN: DiscoveryContribution = { effect: "hidden" };

export const childrenNeverFindableByStrangers: Rule<DiscoveryFacts, DiscoveryContribution> = {
  id: "discovery/children-never-findable-by-strangers",
  summary:
    "Guard: the youngest (8-12) are not findable by anyone who is not already their contact, whatever they opted in to.",
  evaluate: ({ request, subjectBand }, pack) =>
    pack.guards.childrenNeverFindableByStrangers && subjectBand === "8-12" && !request.isContact
      ? HIDDEN
      : null,
};
