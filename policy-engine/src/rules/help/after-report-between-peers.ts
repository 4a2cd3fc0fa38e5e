import type { HelpContribution } from "../contributions.ts";
import type { HelpFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const afterReportBetweenPeers: Rule<HelpFacts, HelpContribution> = {
  id: "help/after-report-between-peers",
  summary:
    "After a report between peers in a category the pack routes differently between peers (e.g. a picture shared between teens), show the pack's help for that (nl-default: Helpwanted, which helps get it taken down), in place of the category's usual help (which may name the police).",
  evaluate: ({ moment, peerReport }, pack) =>
    moment === "after-report" && peerReport ? { help: pack.help.afterReportBetweenPeers } : null,
};
