import { effectiveBand } from "../model/bands.ts";
import type { DisclosureDecision } from "../model/decisions.ts";
import { DISCLOSURE_EFFECTS, protectionRank } from "../model/effects.ts";
import type { DisclosureRequest } from "../model/requests.ts";
import { reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { DisclosureContribution } from "../rules/contributions.ts";
import { disclosureTable } from "../rules/disclosure/disclosure-table.ts";
import { minorBandNeverToStrangers } from "../rules/disclosure/minor-band-never-to-strangers.ts";
import { nothingToDiscloseWhenUnverified } from "../rules/disclosure/nothing-to-disclose-when-unverified.ts";
import type { DisclosureFacts } from "../rules/facts.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_HELP, NO_NOTICES, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { relationshipClass } from "./relationship.ts";

export const DISCLOSURE_RULES: readonly Rule<DisclosureFacts, DisclosureContribution>[] = [
  disclosureTable,
  minorBandNeverToStrangers,
  nothingToDiscloseWhenUnverified,
];

const RANK = protectionRank(DISCLOSURE_EFFECTS);

export function disclosureFacts(request: DisclosureRequest, pack: CompiledPack): DisclosureFacts {
  const selfBand = effectiveBand(request.self);
  const audienceBand = effectiveBand(request.audience);
  return {
    request,
    selfBand,
    audienceBand,
    relationship: relationshipClass(selfBand, audienceBand, request.isContact, pack),
  };
}

export function decideDisclosure(
  request: DisclosureRequest,
  pack: CompiledPack,
  base: DecisionBase,
): DisclosureDecision {
  const facts = disclosureFacts(request, pack);
  const { effect, kept } = runRules(DISCLOSURE_RULES, facts, pack, RANK);
  return {
    point: "disclosure",
    effect: effect ?? "withhold",
    relationship: facts.relationship,
    decisionId: base.decisionId,
    pack: base.pack,
    notices: NO_NOTICES,
    help: NO_HELP,
    actions: NO_ACTIONS,
    reasons: effect === undefined ? NO_RULE_APPLIED : reasonsOf(kept),
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
