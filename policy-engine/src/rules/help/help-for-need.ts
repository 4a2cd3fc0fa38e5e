import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const helpForNeed: Rule<HelpFacts, HelpContribution> = {
  id: "help/help-for-need",
  summary:
    "When the person says what is going on (one tap: someone asks for pictures, a picture of me is shared, someone threatens me, something at home, I just want to talk), the help is the pack's list for that need and band, in its order, instead of the moment's general list (seed 002: help that fits the child's need, the kind of abuse and the age). Only the choice is used, never a message.",
  evaluate: ({ need, personBand }, pack) => {
    if (need === null) return null;
    return { help: pack.help.needs[need][personBand] };
  },
};
