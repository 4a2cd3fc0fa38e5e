import type { IncomingContactContribution } from "../contributions.ts";
import type { IncomingContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const signalNameResemblesContact: Rule<IncomingContactFacts, IncomingContactContribution> = {
  id: "incoming-contact/signal-name-resembles-contact",
  summary:
    "Warns that a stranger's name looks like one of the recipient's contacts (impersonation). Adds a notice only, so it also shows on filtered or declined requests.",
  evaluate: ({ request, recipientBand, relationship }, pack) =>
    pack.incomingContact.signals.nameResemblesContact &&
    relationship !== "contact" &&
    request.nameResemblesContact
      ? { notices: [pack.notices["name-resembles-contact"][recipientBand]] }
      : null,
};
