import { isAdultOrUnverified, isMinor } from "../../model/bands.ts";
import type { DiscoveryContribution } from "../contributions.ts";
import type { DiscoveryFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const HIDDEN: DiscoveryContribution = { effect: "hidden" };

export const adultsNeverSeeMinors: Rule<DiscoveryFacts, DiscoveryContribution> = {
  id: "discovery/adults-never-see-minors",
  summary:
    "Guard: adults and unverified accounts never find a minor in search or suggestions, not even a contact (contacts are listed elsewhere).",
  evaluate: ({ viewerBand, subjectBand }, pack) =>
    pack.guards.adultsNeverSeeMinors && isAdultOrUnverified(viewerBand) && isMinor(subjectBand)
      ? HIDDEN
      : null,
};
