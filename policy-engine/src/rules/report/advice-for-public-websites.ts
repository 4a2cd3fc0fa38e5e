import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const adviceForPublicWebsites: Rule<ReportFacts, ReportContribution> = {
  id: "report/advice-for-public-websites",
  summary:
    "For material on a public website with a known URL, advise what the pack lists for such material, e.g. Meldpunt Kinderporno (which only handles public websites and needs the URL).",
  evaluate: ({ request, category }, pack) => {
    if (request.materialLocation !== "public-website" || !request.hasPublicUrl) return null;
    const destinations = pack.report.categories[category].publicWebsites;
    return destinations.length > 0 ? { destinations } : null;
  },
};
