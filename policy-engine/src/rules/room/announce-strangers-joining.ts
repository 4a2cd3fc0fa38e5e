import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const announceStrangersJoining: Rule<RoomFacts, RoomContribution> = {
  id: "room/announce-strangers-joining",
  summary:
    "Someone the person does not know who joins (or is added to) a room they are already in is announced in that room when it happens, with help, whatever the room's origin.",
  evaluate: ({ request, selfBand, members }, pack) => {
    if (request.membership !== "join" || !pack.room.announceStrangersJoining[selfBand]) return null;
    const someone = members.some(
      (member) => member.appearedAfterSelf && member.relationship !== "contact",
    );
    if (!someone) return null;
    return { notices: [pack.notices["stranger-joined"][selfBand]], announceNewStrangers: true };
  },
};
