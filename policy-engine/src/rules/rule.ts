import type { CompiledPack } from "../pack/compile.ts";
import type { RuleId } from "../model/rule-ids.ts";

/**
 * One rule: a pure function of the point's facts and the compiled pack. It
 * returns what it contributes, or null when it does not apply. Rules never
 * see each other's results; the point's combiner decides (protective wins).
 */
export type Rule<Facts, Contribution> = {
  readonly id: RuleId;
  /** Why the rule exists, in one line (English, for docs and the rule catalogue). */
  readonly summary: string;
  readonly evaluate: (facts: Facts, pack: CompiledPack) => Contribution | null;
};
