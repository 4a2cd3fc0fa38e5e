import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const momentTable: Rule<HelpFacts, HelpContribution> = {
  id: "help/moment-table",
  summary:
    "The pack lists, per moment (general, after a warning, after a report, after being stopped) and band, which help resources to show, in order; unless the person said what is going on (then help/help-for-need).",
  // A chosen need replaces the moment's general list (help/help-for-need).
  evaluate: ({ personBand, moment, need }, pack) =>
    need === null ? { help: pack.help.moments[moment][personBand] } : null,
};
