import { isMinor } from "../../model/bands.ts";
import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const KINDERTELEFOON: HelpContribution = { help: ["kindertelefoon"] };

export const kindertelefoonForMinors: Rule<HelpFacts, HelpContribution> = {
  id: "help/kindertelefoon-for-minors",
  summary:
    "Help for a minor always includes De Kindertelefoon (8-18, about anything), and so does help for an unverified person, who may be a child; no pack can remove it.",
  evaluate: ({ personBand }) =>
    isMinor(personBand) || personBand === "unverified" ? KINDERTELEFOON : null,
};
