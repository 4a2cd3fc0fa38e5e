import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const adviceForMaterialInChats: Rule<ReportFacts, ReportContribution> = {
  id: "report/advice-for-material-in-chats",
  summary:
    "For material in a chat (or on a website whose URL is not known), advise the organisations the pack lists for the category, e.g. the police for abuse material, Helpwanted for sextortion (between peers, where the pack routes the category differently, the peer rule advises instead).",
  evaluate: ({ request, category, betweenPeers }, pack) => {
    if (request.materialLocation === "public-website" && request.hasPublicUrl) return null;
    const routing = pack.report.categories[category];
    // Between peers, report/peers-not-criminalised advises instead where the pack says so.
    if (betweenPeers && routing.betweenPeers !== null) return null;
    const destinations = routing.chats;
    return destinations.length > 0 ? { destinations } : null;
  },
};
