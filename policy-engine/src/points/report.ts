import { effectiveBand, isMinor, type AgeBand } from "../model/bands.ts";
import type { ModeratorBand, ReportDecision, ReportDestination } from "../model/decisions.ts";
import { REPORT_EFFECTS, protectionRank } from "../model/effects.ts";
import { DSA_FIELDS } from "../model/ids.ts";
import type { ActionId, BandDisclosure, DsaField, ReportCategory } from "../model/ids.ts";
import type { RuleId } from "../model/rule-ids.ts";
import type { ReportRequest } from "../model/requests.ts";
import { RuleFailure, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { ReportContribution } from "../rules/contributions.ts";
import type { ReportCategoryFacts, ReportFacts } from "../rules/facts.ts";
import { adviceForMaterialInChats } from "../rules/report/advice-for-material-in-chats.ts";
import { adviceForPublicWebsites } from "../rules/report/advice-for-public-websites.ts";
import { afterReportActions } from "../rules/report/after-report-actions.ts";
import { defaultCategoryFromContext } from "../rules/report/default-category-from-context.ts";
import { dsaArticle16Fields } from "../rules/report/dsa-article-16-fields.ts";
import { evidenceFromHeldAsideRequest } from "../rules/report/evidence-from-held-aside-request.ts";
import { evidenceWindow } from "../rules/report/evidence-window.ts";
import { moderatorsAlways } from "../rules/report/moderators-always.ts";
import { peersNotCriminalised } from "../rules/report/peers-not-criminalised.ts";
import { reporterIdentityOptionalForChildSexualAbuse } from "../rules/report/reporter-identity-optional-for-child-sexual-abuse.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ERRORS, NO_NOTICES } from "./common.ts";
import type { DecisionBase } from "./common.ts";
import { helpFor } from "./help.ts";
import { relationshipClass } from "./relationship.ts";

export const REPORT_RULES: readonly Rule<ReportFacts, ReportContribution>[] = [
  moderatorsAlways,
  adviceForMaterialInChats,
  peersNotCriminalised,
  adviceForPublicWebsites,
  dsaArticle16Fields,
  reporterIdentityOptionalForChildSexualAbuse,
  afterReportActions,
  evidenceWindow,
  evidenceFromHeldAsideRequest,
];

const RANK = protectionRank(REPORT_EFFECTS);

export function reportCategoryFacts(
  request: ReportRequest,
  pack: CompiledPack,
): ReportCategoryFacts {
  const reporterBand = effectiveBand(request.reporter);
  const reportedBand = effectiveBand(request.reported);
  return {
    request,
    reporterBand,
    reportedBand,
    relationship: relationshipClass(reporterBand, reportedBand, request.isContact, pack),
  };
}

/** The reporter's category, or the one-tap default; decided first because routing depends on it. */
function categoryOf(
  facts: ReportCategoryFacts,
  pack: CompiledPack,
): { readonly category: ReportCategory; readonly decidedBy: RuleId | null } {
  let chosen: ReturnType<typeof defaultCategoryFromContext.evaluate>;
  try {
    chosen = defaultCategoryFromContext.evaluate(facts, pack);
  } catch (error) {
    throw new RuleFailure(defaultCategoryFromContext.id, error);
  }
  if (chosen !== null)
    return { category: chosen.category, decidedBy: defaultCategoryFromContext.id };
  // The rule only declines when the reporter chose; validation guarantees the value.
  return { category: facts.request.category ?? "other", decidedBy: null };
}

/**
 * Verified minors of each other's age group (the pack's `report.peers`). An
 * unverified person is never a peer: they may be an adult.
 */
function betweenPeers(facts: ReportCategoryFacts, pack: CompiledPack): boolean {
  const { reporter, reported } = facts.request;
  return (
    reporter.ageVerified &&
    reported.ageVerified &&
    pack.report.peers[facts.reporterBand][facts.reportedBand]
  );
}

/**
 * A verified band as the pack lets it go to the moderators. Like the sheet,
 * this is the pack's table applied, not a rule: no reason id (a rule firing
 * on every report would say nothing). Only the effective band counts, so an
 * unverified claim never reaches a moderator as if it were a fact.
 */
export function bandForModerators(band: AgeBand, level: BandDisclosure): ModeratorBand | null {
  if (level === "none" || band === "unverified") return null;
  return { group: isMinor(band) ? "minor" : "adult", band: level === "band" ? band : null };
}

export function reportFacts(request: ReportRequest, pack: CompiledPack): ReportFacts {
  const categoryFacts = reportCategoryFacts(request, pack);
  return {
    ...categoryFacts,
    category: categoryOf(categoryFacts, pack).category,
    betweenPeers: betweenPeers(categoryFacts, pack),
  };
}

export function decideReport(
  request: ReportRequest,
  pack: CompiledPack,
  base: DecisionBase,
): ReportDecision {
  const categoryFacts = reportCategoryFacts(request, pack);
  const { category, decidedBy } = categoryOf(categoryFacts, pack);
  const facts: ReportFacts = {
    ...categoryFacts,
    category,
    betweenPeers: betweenPeers(categoryFacts, pack),
  };
  const { kept } = runRules(REPORT_RULES, facts, pack, RANK);

  const destinations: ReportDestination[] = [];
  const fields: DsaField[] = [];
  const actions: ActionId[] = [];
  let identityOptional = false;
  // Nothing before the reported thing unless a rule says how much (a request has no messages).
  let contextMessages = 0;
  let requestMessages = 0;
  for (const { contribution } of kept) {
    for (const destination of contribution.destinations ?? []) {
      if (!destinations.some((known) => known.id === destination.id)) {
        destinations.push(destination);
      }
    }
    for (const field of contribution.requiredFields ?? []) {
      if (!fields.includes(field)) fields.push(field);
    }
    for (const action of contribution.actions ?? []) {
      if (!actions.includes(action)) actions.push(action);
    }
    if (contribution.reporterIdentityOptional === true) identityOptional = true;
    if (contribution.contextMessages !== undefined) {
      contextMessages = Math.max(contextMessages, contribution.contextMessages);
    }
    if (contribution.requestMessages !== undefined) {
      requestMessages = Math.max(requestMessages, contribution.requestMessages);
    }
  }
  const reasons = reasonsOf(kept);
  if (decidedBy !== null) reasons.unshift(decidedBy);
  return {
    point: "report",
    effect: "file",
    category,
    // Which choices the sheet offers is presentation the pack sets, not a rule: no reason id.
    categoryChoices: pack.report.categoryChoices[facts.reporterBand],
    destinations,
    requiredFields: DSA_FIELDS.filter(
      (field) => fields.includes(field) && !(identityOptional && field === "reporter-identity"),
    ),
    reporterIdentityOptional: identityOptional,
    contextMessages,
    requestMessages,
    sheet: pack.report.sheet[facts.reporterBand],
    moderatorBands: {
      reporter: bandForModerators(facts.reporterBand, pack.report.bandsToModerators.reporter),
      reporterWithheld: bandForModerators(
        facts.reporterBand,
        pack.report.bandsToModerators.reporterWithheld,
      ),
      reported: bandForModerators(facts.reportedBand, pack.report.bandsToModerators.reported),
    },
    decisionId: base.decisionId,
    pack: base.pack,
    notices: NO_NOTICES,
    help: helpFor(
      facts.reporterBand,
      "after-report",
      category,
      pack,
      // The peer rule routed it: help follows (removal help, not the police).
      facts.betweenPeers && pack.report.categories[category].betweenPeers !== null,
    ),
    actions,
    reasons,
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
