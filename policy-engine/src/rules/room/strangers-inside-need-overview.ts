import type { Notice } from "../../model/decisions.ts";
import { moreProtective, protectionRank, ROOM_PRESENTATIONS } from "../../model/effects.ts";
import type { RoomPresentation } from "../../model/effects.ts";
import type { RoomContribution } from "../contributions.ts";
import type { RoomFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";
import { roomPresentationOf } from "./presentation.ts";

const RANK = protectionRank(ROOM_PRESENTATIONS);

export const strangersInsideNeedOverview: Rule<RoomFacts, RoomContribution> = {
  id: "room/strangers-inside-need-overview",
  summary:
    "An invitation to a room with someone inside who would not be a normal chat on their own (an unknown adult, an unverified account) shows the group safety overview first, or is held aside, as the strictest of them would be; whoever invited.",
  evaluate: ({ request, selfBand, members }, pack) => {
    if (request.membership !== "invite" || !pack.room.overviewWhenStrangersInside[selfBand]) {
      return null;
    }
    let effect: RoomPresentation = "normal";
    const notices: Notice[] = [];
    for (const member of members) {
      if (member.isInviter || member.presentation === "normal") continue;
      effect = moreProtective(RANK, effect, roomPresentationOf(member.presentation, false));
      // Who each stranger is shows in the overview's member list; of their
      // first-contact notices only a look-alike warning fits a group (the
      // others are written for someone who "wants to chat with you").
      for (const notice of member.notices) {
        if (!notice.id.startsWith("name-resembles")) continue;
        if (!notices.some((known) => known.id === notice.id)) notices.push(notice);
      }
    }
    if (effect === "normal") return null;
    return { effect, notices: [pack.notices["group-with-strangers"][selfBand], ...notices] };
  },
};
