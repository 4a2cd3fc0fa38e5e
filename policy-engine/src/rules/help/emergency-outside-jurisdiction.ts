import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const EMERGENCY: HelpContribution = { help: ["emergency-112"] };

export const emergencyOutsideJurisdiction: Rule<HelpFacts, HelpContribution> = {
  id: "help/emergency-outside-jurisdiction",
  summary:
    "When the device's region is not the pack's country, the national helplines may not reach the person, so 112 (the emergency number across the EU) is always added.",
  evaluate: ({ region }, pack) =>
    region !== null && region !== pack.jurisdiction ? EMERGENCY : null,
};
