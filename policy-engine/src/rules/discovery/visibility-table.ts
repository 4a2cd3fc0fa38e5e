import { assertNever } from "../../engine/assert-never.ts";
import type { DiscoveryContribution } from "../contributions.ts";
import type { DiscoveryFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const VISIBLE: DiscoveryContribution = { effect: "visible" };
const HIDDEN: DiscoveryContribution = { effect: "hidden" };

export const visibilityTable: Rule<DiscoveryFacts, DiscoveryContribution> = {
  id: "discovery/visibility-table",
  summary:
    "The pack's table says, per subject and viewer band, who may find whom: always, only if the subject opted in, only contacts, or nobody.",
  evaluate: ({ request, viewerBand, subjectBand }, pack) => {
    const cell = pack.discovery.visibility[subjectBand][viewerBand];
    switch (cell) {
      case "visible":
        return VISIBLE;
      case "if-opted-in":
        return request.isContact || request.subjectSettings.findableByPeers ? VISIBLE : HIDDEN;
      case "contacts-only":
        return request.isContact ? VISIBLE : HIDDEN;
      case "hidden":
        return HIDDEN;
      default:
        return assertNever(cell, "discovery visibility");
    }
  },
};
