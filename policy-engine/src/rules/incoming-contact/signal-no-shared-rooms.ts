import type { IncomingContactContribution } from "../contributions.ts";
import type { IncomingContactFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const signalNoSharedRooms: Rule<IncomingContactFacts, IncomingContactContribution> = {
  id: "incoming-contact/signal-no-shared-rooms",
  summary:
    "Tells the recipient that a stranger shares no groups with them, context a young person can judge (as Signal does).",
  evaluate: ({ request, recipientBand, relationship }, pack) =>
    pack.incomingContact.signals.noSharedRooms &&
    relationship !== "contact" &&
    request.sharedRoomCount === 0
      ? { notices: [pack.notices["no-shared-rooms"][recipientBand]] }
      : null,
};
