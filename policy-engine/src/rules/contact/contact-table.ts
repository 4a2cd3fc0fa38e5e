import type { ContactContribution } from "../contributions.ts";
import type { ContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const contactTable: Rule<ContactFacts, ContactContribution> = {
  id: "contact/contact-table",
  summary:
    "The pack's table says, per sender band and how the recipient relates to them, whether starting a conversation is allowed, allowed with a notice, or refused.",
  evaluate: ({ senderBand, relationship }, pack) => pack.contact[senderBand][relationship],
};
