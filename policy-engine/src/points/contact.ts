import { effectiveBand, isMinor } from "../model/bands.ts";
import type { ContactDecision } from "../model/decisions.ts";
import { CONTACT_EFFECTS, protectionRank } from "../model/effects.ts";
import type { ContactEffect } from "../model/effects.ts";
import type { ActionId, HelpResourceId, NoticeId, RecipientAnswer } from "../model/ids.ts";
import type { ContactRequest } from "../model/requests.ts";
import { assertNever } from "../engine/assert-never.ts";
import { mergeNotices, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import { adultsCannotStartContactWithMinors } from "../rules/contact/adults-cannot-start-contact-with-minors.ts";
import { contactTable } from "../rules/contact/contact-table.ts";
import { recipientDidNotAnswer } from "../rules/contact/recipient-did-not-answer.ts";
import type { ContactContribution } from "../rules/contributions.ts";
import type { ContactFacts } from "../rules/facts.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ERRORS, NO_HELP, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { helpFor } from "./help.ts";
import { relationshipClass } from "./relationship.ts";

export const CONTACT_RULES: readonly Rule<ContactFacts, ContactContribution>[] = [
  contactTable,
  adultsCannotStartContactWithMinors,
  recipientDidNotAnswer,
];

/** Notices that turn a sender away from a minor: help is then the after-deterrence help (Stop it Now). */
const DETERRENCE_NOTICES: ReadonlySet<NoticeId> = new Set<NoticeId>([
  "deterrence-adult-to-minor",
  "recipient-may-hold-aside",
]);

/**
 * The recipient device's answer as the rules read it. `recipientProtectsMinor:
 * true` (the older field) is a "protects-minor" answer; anything else without
 * an answer is `no-answer`: the engine never assumes a device said "no".
 */
export function recipientAnswerOf(request: ContactRequest): RecipientAnswer {
  if (request.recipientProtectsMinor === true) return "protects-minor";
  return request.recipientAnswer ?? "no-answer";
}

const RANK = protectionRank(CONTACT_EFFECTS);

function actionsFor(effect: ContactEffect): readonly ActionId[] {
  switch (effect) {
    case "allowed":
      return ["continue"];
    case "allowed-with-notice":
      return ["continue", "cancel", "get-help", "why"];
    case "refused":
      return ["cancel", "get-help", "why"];
    default:
      return assertNever(effect, "contact effect");
  }
}

export function contactFacts(request: ContactRequest, pack: CompiledPack): ContactFacts {
  const senderBand = effectiveBand(request.sender);
  const recipientBand = effectiveBand(request.recipient);
  // A band-less "I protect a minor" answer from the recipient's device counts
  // as a minor stranger; a verified band, when known, always wins.
  const recipientAnswer = recipientAnswerOf(request);
  const protectedWithoutBand =
    recipientBand === "unverified" && recipientAnswer === "protects-minor";
  return {
    request,
    senderBand,
    recipientBand,
    recipientIsMinor: isMinor(recipientBand) || protectedWithoutBand,
    recipientAnswer,
    relationship:
      protectedWithoutBand && !request.isContact
        ? "minor-stranger"
        : relationshipClass(senderBand, recipientBand, request.isContact, pack),
  };
}

export function decideContact(
  request: ContactRequest,
  pack: CompiledPack,
  base: DecisionBase,
): ContactDecision {
  const facts = contactFacts(request, pack);
  const { effect = "refused", kept } = runRules(CONTACT_RULES, facts, pack, RANK);
  const notices = mergeNotices(kept);
  let help: readonly HelpResourceId[] = NO_HELP;
  if (notices.some((notice) => DETERRENCE_NOTICES.has(notice.id))) {
    help = helpFor(facts.senderBand, "after-deterrence", null, pack);
  } else if (effect !== "allowed") {
    help = helpFor(facts.senderBand, "after-warning", null, pack);
  }
  return {
    point: "contact",
    effect,
    relationship: facts.relationship,
    decisionId: base.decisionId,
    pack: base.pack,
    notices,
    help,
    actions: actionsFor(effect),
    reasons: kept.length === 0 ? NO_RULE_APPLIED : reasonsOf(kept),
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
