import { isAdultOrUnverified, isMinor } from "../../model/bands.ts";
import type { ReportCategoryContribution } from "../contributions.ts";
import type { ReportCategoryFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const defaultCategoryFromContext: Rule<ReportCategoryFacts, ReportCategoryContribution> = {
  id: "report/default-category-from-context",
  summary:
    'A one-tap report gets a sensible category from context: e.g. a minor reporting an unknown adult, or a name that imitates someone; the reporter may change it. On a simple sheet (nl-default: 8-12) nothing is pre-set: a one-tap report is filed as the pack\'s `otherwise` ("other").',
  evaluate: ({ request, reporterBand, reportedBand, relationship }, pack) => {
    if (request.category !== undefined) return null;
    const defaults = pack.report.defaultCategory;
    // A simple sheet (the youngest) pre-sets nothing: no words put in the child's mouth
    // about messages they may never have seen.
    if (pack.report.sheet[reporterBand] === "simple") return { category: defaults.otherwise };
    if (isMinor(reporterBand) && isAdultOrUnverified(reportedBand) && relationship !== "contact") {
      return { category: defaults.unknownAdultToMinor };
    }
    if (request.nameResemblesContact || request.nameResemblesHelpService) {
      return { category: defaults.nameLooksLikeSomeoneElse };
    }
    return { category: defaults.otherwise };
  },
};
