import { assertNever } from "../../engine/assert-never.ts";
import type { DisclosureContribution } from "../contributions.ts";
import type { DisclosureFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const DISCLOSE: DisclosureContribution = { effect: "disclose" };
const WITHHOLD: DisclosureContribution = { effect: "withhold" };

export const disclosureTable: Rule<DisclosureFacts, DisclosureContribution> = {
  id: "disclosure/disclosure-table",
  summary:
    "The pack's table says, per own band and how the audience relates to you, whether your verified band is shown: always, only within a conversation you accepted, or never.",
  evaluate: ({ request, selfBand, relationship }, pack) => {
    const cell = pack.disclosure[selfBand][relationship];
    switch (cell) {
      case "disclose":
        return DISCLOSE;
      case "in-accepted-conversation":
        return request.conversationAccepted ? DISCLOSE : WITHHOLD;
      case "withhold":
        return WITHHOLD;
      default:
        return assertNever(cell, "disclosure cell");
    }
  },
};
