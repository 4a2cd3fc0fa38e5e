import type { ContactContribution } from "../contributions.ts";
import type { ContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const recipientDidNotAnswer: Rule<ContactFacts, ContactContribution> = {
  id: "contact/recipient-did-not-answer",
  summary:
    "No silent fail-open: when the sender's client knows no band for a recipient who is not a contact and the recipient's device did not answer (offline, or never asked), the pack's contactWithoutAnswer cell for the sender's band applies (nl-default: adults and unverified accounts are told the recipient's app may hold the message aside, with Stop it Now).",
  evaluate: ({ request, recipientBand, recipientAnswer, senderBand }, pack) => {
    if (request.isContact || recipientBand !== "unverified" || recipientAnswer !== "no-answer") {
      return null;
    }
    const cell = pack.contactWithoutAnswer[senderBand];
    // A plain "allowed" adds nothing to the table's answer, so it is not a reason.
    return cell.effect === "allowed" ? null : cell;
  },
};
