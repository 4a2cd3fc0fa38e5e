import { effectiveBand } from "../model/bands.ts";
import type { ConversationNoticeDecision } from "../model/decisions.ts";
import { CONVERSATION_NOTICE_EFFECTS, protectionRank } from "../model/effects.ts";
import type { ConversationNoticeRequest } from "../model/requests.ts";
import { mergeNotices, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { ConversationNoticeContribution } from "../rules/contributions.ts";
import { nameResemblesContact } from "../rules/conversation-notice/name-resembles-contact.ts";
import { nameResemblesHelpService } from "../rules/conversation-notice/name-resembles-help-service.ts";
import { noStandingNotice } from "../rules/conversation-notice/no-standing-notice.ts";
import { recentlyAcceptedStranger } from "../rules/conversation-notice/recently-accepted-stranger.ts";
import type { ConversationNoticeFacts } from "../rules/facts.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_HELP, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { helpFor } from "./help.ts";
import { strangerClass } from "./relationship.ts";

export const CONVERSATION_NOTICE_RULES: readonly Rule<
  ConversationNoticeFacts,
  ConversationNoticeContribution
>[] = [noStandingNotice, recentlyAcceptedStranger, nameResemblesContact, nameResemblesHelpService];

const RANK = protectionRank(CONVERSATION_NOTICE_EFFECTS);

export function conversationNoticeFacts(
  request: ConversationNoticeRequest,
  pack: CompiledPack,
  now: number,
): ConversationNoticeFacts {
  const selfBand = effectiveBand(request.self);
  const otherBand = effectiveBand(request.other);
  return {
    request,
    selfBand,
    otherBand,
    // Accepting made them a contact; the reminder is about what they were before.
    relationshipBeforeAccepting: strangerClass(selfBand, otherBand, pack),
    now,
  };
}

export function decideConversationNotice(
  request: ConversationNoticeRequest,
  pack: CompiledPack,
  now: number,
  base: DecisionBase,
): ConversationNoticeDecision {
  const facts = conversationNoticeFacts(request, pack, now);
  const { effect = "show-notices", kept } = runRules(CONVERSATION_NOTICE_RULES, facts, pack, RANK);
  const showing = effect === "show-notices";
  return {
    point: "conversation-notice",
    effect,
    relationship: facts.relationshipBeforeAccepting,
    decisionId: base.decisionId,
    pack: base.pack,
    notices: mergeNotices(kept),
    help: showing ? helpFor(facts.selfBand, "after-warning", null, pack) : NO_HELP,
    actions: showing ? ["block", "report", "get-help", "why"] : NO_ACTIONS,
    reasons: kept.length === 0 ? NO_RULE_APPLIED : reasonsOf(kept),
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
