import type { MediaContribution } from "../contributions.ts";
import type { MediaFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";
import { outgoingEffect } from "./tables.ts";

export const unsendWithCaveat: Rule<MediaFacts, MediaContribution> = {
  id: "media/unsend-with-caveat",
  summary:
    "After sending media the sender is offered 'unsend' (a redaction), always with the honest caveat that the other person may already have saved it.",
  evaluate: (facts, pack) => {
    if (facts.request.direction !== "outgoing") return null;
    const mode = pack.media.unsend[facts.selfBand];
    const offered =
      mode === "always" ||
      (mode === "after-think-first" && outgoingEffect(facts, pack) === "think-first");
    return offered ? { notices: [], unsend: true } : null;
  },
};
