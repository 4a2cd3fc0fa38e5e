import type { AgeBand } from "../model/bands.ts";
import type { HelpDecision } from "../model/decisions.ts";
import { HELP_EFFECTS, protectionRank } from "../model/effects.ts";
import { HELP_NEEDS } from "../model/ids.ts";
import type { HelpMoment, HelpNeed, HelpResourceId, ReportCategory } from "../model/ids.ts";
import type { HelpRequest } from "../model/requests.ts";
import { effectiveBand } from "../model/bands.ts";
import { mergeHelp, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { HelpContribution } from "../rules/contributions.ts";
import type { HelpFacts } from "../rules/facts.ts";
import { afterReportBetweenPeers } from "../rules/help/after-report-between-peers.ts";
import { categorySpecificHelp } from "../rules/help/category-specific-help.ts";
import { emergencyOutsideJurisdiction } from "../rules/help/emergency-outside-jurisdiction.ts";
import { helpForNeed } from "../rules/help/help-for-need.ts";
import { kindertelefoonForMinors } from "../rules/help/kindertelefoon-for-minors.ts";
import { momentTable } from "../rules/help/moment-table.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ACTIONS, NO_ERRORS, NO_NOTICES } from "./common.ts";
import type { DecisionBase } from "./common.ts";

// Order is the order help is listed in: what the person asked for first.
export const HELP_RULES: readonly Rule<HelpFacts, HelpContribution>[] = [
  helpForNeed,
  momentTable,
  afterReportBetweenPeers,
  kindertelefoonForMinors,
  categorySpecificHelp,
  emergencyOutsideJurisdiction,
];

const RANK = protectionRank(HELP_EFFECTS);

/** The region subtag of a BCP 47 tag ("nl-NL" -> "NL", "nl" -> null). */
export function regionOf(locale: string | undefined): string | null {
  if (locale === undefined) return null;
  const region = locale.split("-").find((part, index) => index > 0 && /^[A-Za-z]{2}$/.test(part));
  return region === undefined ? null : region.toUpperCase();
}

export function helpFacts(request: HelpRequest): HelpFacts {
  return {
    personBand: effectiveBand(request.person),
    moment: request.moment,
    reportCategory: request.reportCategory ?? null,
    // Asked of the help point directly, help is not about one report between peers.
    peerReport: false,
    need: request.need ?? null,
    region: regionOf(request.locale),
  };
}

/**
 * Help attached to another point's decision (after a warning, a report, a
 * deterrence). Runs the same rules as the help point, so Kindertelefoon for
 * minors holds everywhere; their ids are not repeated in that decision's reasons.
 */
export function helpFor(
  personBand: AgeBand,
  moment: HelpMoment,
  reportCategory: ReportCategory | null,
  pack: CompiledPack,
  peerReport = false,
): HelpResourceId[] {
  const facts: HelpFacts = {
    personBand,
    moment,
    reportCategory,
    peerReport,
    need: null,
    region: null,
  };
  return mergeHelp(runRules(HELP_RULES, facts, pack, RANK).kept);
}

export function decideHelp(
  request: HelpRequest,
  pack: CompiledPack,
  base: DecisionBase,
): HelpDecision {
  const facts = helpFacts(request);
  const { kept } = runRules(HELP_RULES, facts, pack, RANK);
  return {
    point: "help",
    effect: "show-help",
    needs: needsFor(facts.personBand, pack),
    need: facts.need,
    decisionId: base.decisionId,
    pack: base.pack,
    notices: NO_NOTICES,
    help: mergeHelp(kept),
    actions: NO_ACTIONS,
    reasons: reasonsOf(kept),
    errors: NO_ERRORS,
    failedClosed: false,
  };
}

/** The needs the help screen offers this band: those the pack has help for. */
function needsFor(band: AgeBand, pack: CompiledPack): HelpNeed[] {
  return HELP_NEEDS.filter((need) => pack.help.needs[need][band].length > 0);
}
