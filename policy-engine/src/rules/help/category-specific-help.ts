import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const categorySpecificHelp: Rule<HelpFacts, HelpContribution> = {
  id: "help/category-specific-help",
  summary:
    "After a report, add the help the pack lists for the reported category (e.g. Helpwanted after sextortion).",
  evaluate: ({ moment, reportCategory, peerReport }, pack) => {
    // Between peers, help/after-report-between-peers gives the help instead.
    if (moment !== "after-report" || reportCategory === null || peerReport) return null;
    const help = pack.help.afterReportCategory[reportCategory];
    return help.length > 0 ? { help } : null;
  },
};
