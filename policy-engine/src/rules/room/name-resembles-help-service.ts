import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const roomNameResemblesHelpService: Rule<RoomFacts, RoomContribution> = {
  id: "room/name-resembles-help-service",
  summary:
    "A room named like a help service is flagged (a group called 'Kindertelefoon' is not the Kindertelefoon).",
  evaluate: ({ request, selfBand }, pack) =>
    request.roomNameResemblesHelpService && pack.incomingContact.signals.nameResemblesHelpService
      ? { notices: [pack.notices["name-resembles-help-service"][selfBand]] }
      : null,
};
