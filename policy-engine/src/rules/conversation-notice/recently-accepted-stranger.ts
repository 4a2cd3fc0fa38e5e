import type { ConversationNoticeContribution } from "../contributions.ts";
import type { ConversationNoticeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const recentlyAcceptedStranger: Rule<
  ConversationNoticeFacts,
  ConversationNoticeContribution
> = {
  id: "conversation-notice/recently-accepted-stranger",
  summary:
    "After accepting a request from a stranger (e.g. an unknown adult), a calm reminder stays for the time the pack sets for the reader's band; the notice says until when.",
  evaluate: ({ request, selfBand, relationshipBeforeAccepting, now }, pack) => {
    // An unknown origin counts as an accepted request: the protective reading.
    if (request.origin !== "accepted-request" && request.origin !== "unknown") return null;
    const cell = pack.conversationNotice.recentlyAccepted[selfBand][relationshipBeforeAccepting];
    if (cell === null) return null;
    const until = request.acceptedAt + cell.durationMs;
    if (now >= until) return null;
    return {
      effect: "show-notices",
      notices: [{ ...pack.notices[cell.notice][selfBand], until }],
    };
  },
};
