import type { MediaContribution } from "../contributions.ts";
import type { MediaFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";
import { outgoingEffect } from "./tables.ts";

export const outgoingTable: Rule<MediaFacts, MediaContribution> = {
  id: "media/outgoing-table",
  summary:
    "Before an image or video goes to someone the sender does not know well (recently accepted, a stranger, an adult), the pack may show a think-first notice: what you send can be saved and passed on. The sender may still send.",
  evaluate: (facts, pack) => {
    const effect = outgoingEffect(facts, pack);
    if (effect === null) return null;
    return {
      effect,
      notices: effect === "think-first" ? [pack.notices["media-think-first"][facts.selfBand]] : [],
    };
  },
};
