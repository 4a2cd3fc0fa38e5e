// Pieces every point module uses to assemble its decision.

import type { Notice, PackRef } from "../model/decisions.ts";
import type { ActionId, HelpResourceId } from "../model/ids.ts";
import type { RuleId } from "../model/rule-ids.ts";

/** Identity of a decision, computed by the engine before the point runs. */
export type DecisionBase = {
  readonly decisionId: string;
  readonly pack: PackRef;
};

// Shared empty lists, frozen, so decisions without notices or help allocate nothing.
export const NO_NOTICES: readonly Notice[] = Object.freeze([]);
export const NO_HELP: readonly HelpResourceId[] = Object.freeze([]);
export const NO_ACTIONS: readonly ActionId[] = Object.freeze([]);
export const NO_ERRORS: readonly never[] = Object.freeze([]);

/** Reasons when no rule gave an effect (unreachable with the bundled rules: each point has a base rule). */
export const NO_RULE_APPLIED: readonly RuleId[] = Object.freeze([
  "engine/no-rule-applied",
] as const);
