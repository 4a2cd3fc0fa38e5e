import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const momentTable: Rule<HelpFacts, HelpContribution> = {
  id: "help/moment-table",
  summary:
    "The pack lists, per moment (general, after a warning, after a report, after being stopped) and band, which help resources to show, in order.",
  evaluate: ({ personBand, moment }, pack) => ({ help: pack.help.moments[moment][personBand] }),
};
