import { effectiveBand } from "../model/bands.ts";
import type { ProtectiveSettingChangeDecision } from "../model/decisions.ts";
import { SETTING_CHANGE_EFFECTS, protectionRank } from "../model/effects.ts";
import type { SettingChangeEffect } from "../model/effects.ts";
import type { ActionId } from "../model/ids.ts";
import type { ProtectiveSettingChangeRequest } from "../model/requests.ts";
import { assertNever } from "../engine/assert-never.ts";
import { mergeNotices, reasonsOf, runRules } from "../engine/run-rules.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { SettingChangeContribution } from "../rules/contributions.ts";
import type { ProtectiveSettingChangeFacts } from "../rules/facts.ts";
import { childrenCannotBecomeFindable } from "../rules/protective-setting-change/children-cannot-become-findable.ts";
import { settingChangeTable } from "../rules/protective-setting-change/setting-change-table.ts";
import { tighteningAlwaysAllowed } from "../rules/protective-setting-change/tightening-always-allowed.ts";
import type { Rule } from "../rules/rule.ts";
import { NO_ERRORS, NO_HELP, NO_RULE_APPLIED } from "./common.ts";
import type { DecisionBase } from "./common.ts";

export const PROTECTIVE_SETTING_CHANGE_RULES: readonly Rule<
  ProtectiveSettingChangeFacts,
  SettingChangeContribution
>[] = [tighteningAlwaysAllowed, settingChangeTable, childrenCannotBecomeFindable];

const RANK = protectionRank(SETTING_CHANGE_EFFECTS);

function actionsFor(effect: SettingChangeEffect): readonly ActionId[] {
  switch (effect) {
    case "allow":
      return ["continue"];
    case "allow-with-information":
      return ["continue", "cancel", "why"];
    case "refuse":
      return ["cancel", "why"];
    default:
      return assertNever(effect, "setting change effect");
  }
}

export function protectiveSettingChangeFacts(
  request: ProtectiveSettingChangeRequest,
): ProtectiveSettingChangeFacts {
  return { request, personBand: effectiveBand(request.person) };
}

export function decideProtectiveSettingChange(
  request: ProtectiveSettingChangeRequest,
  pack: CompiledPack,
  base: DecisionBase,
): ProtectiveSettingChangeDecision {
  const facts = protectiveSettingChangeFacts(request);
  const { effect = "refuse", kept } = runRules(PROTECTIVE_SETTING_CHANGE_RULES, facts, pack, RANK);
  return {
    point: "protective-setting-change",
    effect,
    decisionId: base.decisionId,
    pack: base.pack,
    notices: mergeNotices(kept),
    help: NO_HELP,
    actions: actionsFor(effect),
    reasons: kept.length === 0 ? NO_RULE_APPLIED : reasonsOf(kept),
    errors: NO_ERRORS,
    failedClosed: false,
  };
}
