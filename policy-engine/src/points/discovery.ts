import { effectiveBand } from "../model/bands.ts";
import type { DiscoveryDecision } from "../model/decisions.ts";
import { DISCOVERY_EFFECTS, protectionRank } from "../model/effects.ts";
import type { DiscoveryRequest } from "../model/requests.ts";
import { reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { DiscoveryContribution } from "../rules/contributions.ts";
import { adultsNeverSeeMinors } from "../rules/discovery/adults-never-see-minors.ts";
import { childrenNeverFindableByStrangers } from "../rules/discovery/children-never-findable-by-strangers.ts";
import { suggestionsNeedOptIn } from "../rules/discovery/suggestions-need-opt-in.ts";
import { visibilityTable } from "../rules/discovery/visibility-table.ts";
import type { DiscoveryFacts } from "../rules/facts.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_HELP, NO_NOTICES, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";

export const DISCOVERY_RULES: readonly Rule<DiscoveryFacts, DiscoveryContribution>[] = [
  visibilityTable,
  adultsNeverSeeMinors,
  childrenNeverFindableByStrangers,
  suggestionsNeedOptIn,
];

const RANK = protectionRank(DISCOVERY_EFFECTS);

export function discoveryFacts(request: DiscoveryRequest): DiscoveryFacts {
  return {
    request,
    viewerBand: effectiveBand(request.viewer),
    subjectBand: effectiveBand(request.subject),
  };
}

export function decideDiscovery(
  request: DiscoveryRequest,
  pack: CompiledPack,
  base: DecisionBase,
): DiscoveryDecision {
  const { effect, kept } = runRules(DISCOVERY_RULES, discoveryFacts(request), pack, RANK);
  return {
    point: "discovery",
    effect: effect ?? "hidden",
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
