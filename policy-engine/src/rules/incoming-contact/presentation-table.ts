import type { IncomingContactContribution } from "../contributions.ts";
import type { IncomingContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const presentationTable: Rule<IncomingContactFacts, IncomingContactContribution> = {
  id: "incoming-contact/presentation-table",
  summary:
    "The pack's table says, per recipient band and how the sender relates to them, how an invite or first message is presented: normal chat, request, filtered or declined, with its preview, accept option and notices.",
  evaluate: ({ recipientBand, relationship }, pack) =>
    pack.incomingContact.cells[recipientBand][relationship],
};
