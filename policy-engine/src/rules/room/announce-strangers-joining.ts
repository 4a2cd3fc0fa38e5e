import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

/** Not a contact, and not someone the person already chose to see here. */
export function announceable(member: RoomFacts["members"][number]): boolean {
  return member.relationship !== "contact" && !member.acceptedHere;
}

export const announceStrangersJoining: Rule<RoomFacts, RoomContribution> = {
  id: "room/announce-strangers-joining",
  summary:
    "Someone the person does not know, in a room they are in, whom they have not chosen to see (who joined or was added later, or was not in the preview they saw before joining) is announced in that room where they appeared, with help, whatever the room's origin.",
  evaluate: ({ request, selfBand, members }, pack) => {
    if (request.membership !== "join" || !pack.room.announceStrangersJoining[selfBand]) return null;
    const someone = members.some(announceable);
    if (!someone) return null;
    return { notices: [pack.notices["stranger-joined"][selfBand]], announceNewStrangers: true };
  },
};
