import type { ReportContribution } from "../contributions.ts";
import type { ReportFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const TO_MODERATORS: ReportContribution = {
  effect: "file",
  destinations: [{ id: "moderators", delivery: "sealed-to-moderators" }],
};

export const moderatorsAlways: Rule<ReportFacts, ReportContribution> = {
  id: "report/moderators-always",
  summary:
    "Every report goes to the platform's moderators, sealed to their key, whatever else is advised; no pack can switch this off.",
  evaluate: () => TO_MODERATORS,
};
