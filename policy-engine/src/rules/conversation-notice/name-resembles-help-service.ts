import type { ConversationNoticeContribution } from "../contributions.ts";
import type { ConversationNoticeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const nameResemblesHelpService: Rule<
  ConversationNoticeFacts,
  ConversationNoticeContribution
> = {
  id: "conversation-notice/name-resembles-help-service",
  summary:
    "Keeps warning, inside the conversation, that the other person's name looks like a help service; the real ones are behind the help button.",
  evaluate: ({ request, selfBand }, pack) =>
    pack.conversationNotice.nameResemblesHelpService && request.nameResemblesHelpService
      ? {
          effect: "show-notices",
          notices: [pack.notices["name-resembles-help-service"][selfBand]],
        }
      : null,
};
