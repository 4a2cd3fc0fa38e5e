import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const unknownMembership: Rule<RoomFacts, RoomContribution> = {
  id: "room/unknown-membership",
  summary:
    "When the homeserver does not say who is in a group before joining, the pack says how the invitation is presented (for minors: never as a normal chat).",
  evaluate: ({ request, selfBand }, pack) => {
    if (request.membership !== "invite" || request.isDirect || request.membersKnown) return null;
    const effect = pack.room.unknownMembership[selfBand];
    return {
      effect,
      notices: effect === "normal" ? [] : [pack.notices["group-members-unknown"][selfBand]],
    };
  },
};
