import { isAdultOrUnverified } from "../../model/bands.ts";
import type { ContactContribution } from "../contributions.ts";
import type { ContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const adultsCannotStartContactWithMinors: Rule<ContactFacts, ContactContribution> = {
  id: "contact/adults-cannot-start-contact-with-minors",
  summary:
    "Guard: an adult or unverified account that tries to start a conversation with a minor who is not their contact is stopped and shown deterrence with Stop it Now (the minor's own engine still enforces).",
  evaluate: ({ request, senderBand, recipientIsMinor }, pack) =>
    pack.guards.adultsCannotStartContactWithMinors &&
    isAdultOrUnverified(senderBand) &&
    recipientIsMinor &&
    !request.isContact
      ? { effect: "refused", notices: [pack.notices["deterrence-adult-to-minor"][senderBand]] }
      : null,
};
