import type { IncomingContactContribution } from "../contributions.ts";
import type { IncomingContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const signalOtherServer: Rule<IncomingContactFacts, IncomingContactContribution> = {
  id: "incoming-contact/signal-other-server",
  summary:
    "Tells the recipient that a stranger's account is on another server (federation), so the recipient's server knows less about them.",
  evaluate: ({ request, recipientBand, relationship }, pack) =>
    pack.incomingContact.signals.otherServer && relationship !== "contact" && !request.sameServer
      ? { notices: [pack.notices["other-server"][recipientBand]] }
      : null,
};
