import type { ConversationNoticeContribution } from "../contributions.ts";
import type { ConversationNoticeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const nameResemblesContact: Rule<ConversationNoticeFacts, ConversationNoticeContribution> = {
  id: "conversation-notice/name-resembles-contact",
  summary:
    "Keeps warning, inside the conversation, that the other person's name looks like one of your contacts (impersonation).",
  evaluate: ({ request, selfBand }, pack) =>
    pack.conversationNotice.nameResemblesContact && request.nameResemblesContact
      ? { effect: "show-notices", notices: [pack.notices["name-resembles-contact"][selfBand]] }
      : null,
};
