import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const afterReportActions: Rule<ReportFacts, ReportContribution> = {
  id: "report/after-report-actions",
  summary:
    "After reporting, offer the next steps the pack lists for what was reported (block, leave, get help).",
  evaluate: ({ request }, pack) => ({ actions: pack.report.afterActions[request.target] }),
};
