import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const adviceForMaterialInChats: Rule<ReportFacts, ReportContribution> = {
  id: "report/advice-for-material-in-chats",
  summary:
    "For material in a chat (or on a website whose URL is not known), advise the organisations the pack lists for the category, e.g. the police for abuse material, Helpwanted for sextortion.",
  evaluate: ({ request, category }, pack) => {
    if (request.materialLocation === "public-website" && request.hasPublicUrl) return null;
    const destinations = pack.report.categories[category].chats;
    return destinations.length > 0 ? { destinations } : null;
  },
};
