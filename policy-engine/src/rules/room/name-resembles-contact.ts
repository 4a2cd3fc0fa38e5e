import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const roomNameResemblesContact: Rule<RoomFacts, RoomContribution> = {
  id: "room/name-resembles-contact",
  summary:
    "A room named like one of the person's contacts is flagged (a group renamed 'Lotte' is not Lotte).",
  evaluate: ({ request, selfBand }, pack) =>
    request.roomNameResemblesContact && pack.incomingContact.signals.nameResemblesContact
      ? { notices: [pack.notices["name-resembles-contact"][selfBand]] }
      : null,
};
