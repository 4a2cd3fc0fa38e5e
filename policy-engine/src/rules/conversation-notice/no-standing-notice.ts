import type { ConversationNoticeContribution } from "../contributions.ts";
import type { ConversationNoticeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const NONE: ConversationNoticeContribution = { effect: "none", notices: [] };

export const noStandingNotice: Rule<ConversationNoticeFacts, ConversationNoticeContribution> = {
  id: "conversation-notice/no-standing-notice",
  summary:
    "The base case: an accepted conversation shows no standing notice unless another rule raises one.",
  evaluate: () => NONE,
};
