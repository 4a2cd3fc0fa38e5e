import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const peersNotCriminalised: Rule<ReportFacts, ReportContribution> = {
  id: "report/peers-not-criminalised",
  summary:
    "Between verified peers of the same age group (the pack's report.peers), a category the pack routes differently then (adviseBetweenPeers, e.g. images shared between teens) is advised there, e.g. Helpwanted for removal help, not the police (seed 001); an adult or an unverified person involved keeps the usual routing.",
  evaluate: ({ request, category, betweenPeers }, pack) => {
    if (!betweenPeers) return null;
    // A public website with its URL keeps its own advice (removal by the hotline).
    if (request.materialLocation === "public-website" && request.hasPublicUrl) return null;
    const destinations = pack.report.categories[category].betweenPeers;
    return destinations === null ? null : { destinations };
  },
};
