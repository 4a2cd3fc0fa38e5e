import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const evidenceWindow: Rule<ReportFacts, ReportContribution> = {
  id: "report/evidence-window",
  summary:
    "A reported message takes the messages before it that the pack sets (nl-default: 5) as evidence, so the moderators see what led up to it; the reporter sees them and may leave them out.",
  evaluate: ({ request }, pack) =>
    request.target === "message" ? { contextMessages: pack.report.evidence.contextMessages } : null,
};
