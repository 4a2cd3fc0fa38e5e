import type { MediaContribution } from "../contributions.ts";
import type { MediaFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";
import { incomingCell, incomingNotices } from "./tables.ts";

export const incomingTable: Rule<MediaFacts, MediaContribution> = {
  id: "media/incoming-table",
  summary:
    "An image or file shows as the pack's table says for the reader's band and who sent it (a contact, someone recently accepted, or a stranger by verified age): shown, downloaded only after a tap and then blurred, or not viewable. Never decided by what it shows.",
  evaluate: (facts, pack) => {
    const effect = incomingCell(facts, pack);
    const sender = facts.counterparts[0];
    if (effect === null || sender === undefined) return null;
    return { effect, notices: incomingNotices(effect, sender.relationship, facts, pack) };
  },
};
