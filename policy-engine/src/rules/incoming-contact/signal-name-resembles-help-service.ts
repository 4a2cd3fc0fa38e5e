import type { IncomingContactContribution } from "../contributions.ts";
import type { IncomingContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const signalNameResemblesHelpService: Rule<
  IncomingContactFacts,
  IncomingContactContribution
> = {
  id: "incoming-contact/signal-name-resembles-help-service",
  summary:
    "Warns that a stranger's name looks like a help service: real help services do not message you first; the help button reaches the real ones.",
  evaluate: ({ request, recipientBand, relationship }, pack) =>
    pack.incomingContact.signals.nameResemblesHelpService &&
    relationship !== "contact" &&
    request.nameResemblesHelpService
      ? { notices: [pack.notices["name-resembles-help-service"][recipientBand]] }
      : null,
};
