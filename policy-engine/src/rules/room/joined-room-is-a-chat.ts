import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const joinedRoomIsAChat: Rule<RoomFacts, RoomContribution> = {
  id: "room/joined-room-is-a-chat",
  summary:
    "A room the person has joined is one of their chats; what each member controls in it is still shown only as that member's judgement allows.",
  evaluate: ({ request }) =>
    request.membership === "join" ? { effect: "normal", notices: [] } : null,
};
