import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const evidenceFromHeldAsideRequest: Rule<ReportFacts, ReportContribution> = {
  id: "report/evidence-from-held-aside-request",
  summary:
    "A reported request takes its newest messages (as many as the pack sets; nl-default: 10) sealed to the moderators, read and decrypted on the reporter's device; the reporter never saw them and the sheet never shows them, it only says that they go.",
  evaluate: ({ request }, pack) =>
    request.target === "request" ? { requestMessages: pack.report.evidence.requestMessages } : null,
};
