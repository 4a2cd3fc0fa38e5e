import { effectiveBand, isMinor } from "../model/bands.ts";
import type { IncomingContactDecision, Notice } from "../model/decisions.ts";
import type { RuleId } from "../model/rule-ids.ts";
import {
  ACCEPT_MODES,
  INCOMING_PRESENTATIONS,
  PREVIEWS,
  moreProtective,
  protectionRank,
} from "../model/effects.ts";
import type { AcceptMode, IncomingPresentation, Preview } from "../model/effects.ts";
import type { ActionId } from "../model/ids.ts";
import type { IncomingContactRequest } from "../model/requests.ts";
import { assertNever } from "../engine/assert-never.ts";
import { mergeNotices, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { IncomingContactContribution } from "../rules/contributions.ts";
import type { IncomingContactFacts } from "../rules/facts.ts";
import { adultStrangersNeverNormalChatForMinors } from "../rules/incoming-contact/adult-strangers-never-normal-chat-for-minors.ts";
import { presentationTable } from "../rules/incoming-contact/presentation-table.ts";
import { signalNameResemblesContact } from "../rules/incoming-contact/signal-name-resembles-contact.ts";
import { signalNameResemblesHelpService } from "../rules/incoming-contact/signal-name-resembles-help-service.ts";
import { signalNoSharedRooms } from "../rules/incoming-contact/signal-no-shared-rooms.ts";
import { signalOtherServer } from "../rules/incoming-contact/signal-other-server.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_HELP, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { helpFor } from "./help.ts";
import { relationshipClass } from "./relationship.ts";

export const INCOMING_CONTACT_RULES: readonly Rule<
  IncomingContactFacts,
  IncomingContactContribution
>[] = [
  presentationTable,
  adultStrangersNeverNormalChatForMinors,
  signalNoSharedRooms,
  signalOtherServer,
  signalNameResemblesContact,
  signalNameResemblesHelpService,
];

const PRESENTATION_RANK = protectionRank(INCOMING_PRESENTATIONS);
const PREVIEW_RANK = protectionRank(PREVIEWS);
const ACCEPT_RANK = protectionRank(ACCEPT_MODES);

/** A request's choices for an accept mode (also a group overview's, points/room.ts). */
export function requestActions(accept: AcceptMode): readonly ActionId[] {
  switch (accept) {
    case "offered":
      return ["view", "accept", "ignore", "block", "block-and-report", "get-help", "why"];
    case "after-reading":
      return [
        "view",
        "accept-after-reading",
        "ignore",
        "block",
        "block-and-report",
        "get-help",
        "why",
      ];
    case "not-offered":
      return ["view", "ignore", "block", "block-and-report", "get-help", "why"];
    default:
      return assertNever(accept, "accept mode");
  }
}

/** What the recipient can do: a normal chat needs no request actions; a declined one cannot be accepted. */
function actionsFor(presentation: IncomingPresentation, accept: AcceptMode): readonly ActionId[] {
  switch (presentation) {
    case "normal":
      return NO_ACTIONS;
    case "request":
    case "filtered":
      return requestActions(accept);
    case "declined":
      return ["block", "block-and-report", "get-help", "why"];
    default:
      return assertNever(presentation, "incoming presentation");
  }
}

export function incomingContactFacts(
  request: IncomingContactRequest,
  pack: CompiledPack,
): IncomingContactFacts {
  const recipientBand = effectiveBand(request.recipient);
  const senderBand = effectiveBand(request.sender);
  return {
    request,
    recipientBand,
    senderBand,
    relationship: relationshipClass(recipientBand, senderBand, request.isContact, pack),
  };
}

/** One first contact judged by the incoming-contact rules (also used per room member). */
export function judgeFirstContact(
  request: IncomingContactRequest,
  pack: CompiledPack,
): {
  readonly relationship: IncomingContactFacts["relationship"];
  readonly presentation: IncomingPresentation;
  readonly preview: Preview;
  readonly accept: AcceptMode;
  readonly notices: readonly Notice[];
  readonly reasons: readonly RuleId[];
} {
  const facts = incomingContactFacts(request, pack);
  const { effect, kept } = runRules(INCOMING_CONTACT_RULES, facts, pack, PRESENTATION_RANK);
  const presentation: IncomingPresentation = effect ?? "filtered";
  let preview: Preview | undefined;
  let accept: AcceptMode | undefined;
  for (const { contribution } of kept) {
    if (contribution.preview !== undefined) {
      preview =
        preview === undefined
          ? contribution.preview
          : moreProtective(PREVIEW_RANK, preview, contribution.preview);
    }
    if (contribution.accept !== undefined) {
      accept =
        accept === undefined
          ? contribution.accept
          : moreProtective(ACCEPT_RANK, accept, contribution.accept);
    }
  }
  return {
    relationship: facts.relationship,
    presentation,
    preview: preview ?? (presentation === "normal" ? "shown" : "hidden"),
    accept: accept ?? "not-offered",
    notices: mergeNotices(kept),
    reasons: effect === undefined ? NO_RULE_APPLIED : reasonsOf(kept),
  };
}

export function decideIncomingContact(
  request: IncomingContactRequest,
  pack: CompiledPack,
  base: DecisionBase,
): IncomingContactDecision {
  const judged = judgeFirstContact(request, pack);
  const presentation = judged.presentation;
  const recipientBand = effectiveBand(request.recipient);
  return {
    point: "incoming-contact",
    effect: presentation,
    preview: judged.preview,
    relationship: judged.relationship,
    protectsMinor:
      pack.guards.adultsCannotStartContactWithMinors &&
      isMinor(recipientBand) &&
      presentation !== "normal",
    decisionId: base.decisionId,
    pack: base.pack,
    notices: judged.notices,
    help: presentation === "normal" ? NO_HELP : helpFor(recipientBand, "after-warning", null, pack),
    actions: actionsFor(presentation, judged.accept),
    reasons: judged.reasons,
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
