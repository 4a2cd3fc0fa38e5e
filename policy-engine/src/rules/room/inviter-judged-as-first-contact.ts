import type { RoomPresentation } from "../../model/effects.ts";
import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";
import { roomPresentationOf } from "./presentation.ts";

export const inviterJudgedAsFirstContact: Rule<RoomFacts, RoomContribution> = {
  id: "room/inviter-judged-as-first-contact",
  summary:
    "An invitation is presented at least as the inviter's first contact would be (the incoming-contact table); an invitation whose inviter is not in the room is held aside.",
  evaluate: ({ request, members }) => {
    if (request.membership !== "invite") return null;
    const inviter = members.find((member) => member.isInviter);
    if (inviter === undefined) return { effect: "filtered", notices: [] };
    const effect: RoomPresentation = roomPresentationOf(inviter.presentation, true);
    return { effect, notices: effect === "normal" ? [] : inviter.notices };
  },
};
