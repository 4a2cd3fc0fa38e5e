// The combining algorithm shared by every point: run all rules, keep the most
// protective effect, and keep only the contributions that agree with it (a rule
// whose effect was overruled contributes nothing, so its notices do not leak
// into a decision it did not make).

import type { Notice } from "../model/decisions.ts";
import type { ProtectionRank } from "../model/effects.ts";
import type { HelpResourceId, Severity } from "../model/ids.ts";
import type { RuleId } from "../model/rule-ids.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { Rule } from "../rules/rule.ts";

/** A rule threw. The engine answers with the point's fail-closed decision. */
export class RuleFailure extends Error {
  readonly ruleId: RuleId;

  constructor(ruleId: RuleId, cause: unknown) {
    super(`rule ${ruleId} failed: ${describeError(cause)}`, { cause });
    this.name = "RuleFailure";
    this.ruleId = ruleId;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return "unprintable error";
  }
}

export type Applied<C> = { readonly ruleId: RuleId; readonly contribution: C };

export type Combined<E, C> = {
  /** The most protective effect any rule gave, or undefined when no rule gave one. */
  readonly effect: E | undefined;
  /** Contributions that decided: those without an effect or with the winning one. */
  readonly kept: readonly Applied<C>[];
};

export function runRules<F, E extends string, C extends { readonly effect?: E }>(
  rules: readonly Rule<F, C>[],
  facts: F,
  pack: CompiledPack,
  rank: ProtectionRank<E>,
): Combined<E, C> {
  const applied: Applied<C>[] = [];
  let effect: E | undefined;
  let overruled = false;
  for (const rule of rules) {
    let contribution: C | null;
    try {
      contribution = rule.evaluate(facts, pack);
    } catch (error) {
      throw new RuleFailure(rule.id, error);
    }
    if (contribution === null) continue;
    applied.push({ ruleId: rule.id, contribution });
    const proposed = contribution.effect;
    if (proposed === undefined) continue;
    if (effect === undefined) {
      effect = proposed;
    } else if (proposed !== effect) {
      overruled = true;
      if (rank[proposed] > rank[effect]) effect = proposed;
    }
  }
  if (!overruled) return { effect, kept: applied };
  const winner = effect;
  const kept = applied.filter(
    ({ contribution }) => contribution.effect === undefined || contribution.effect === winner,
  );
  return { effect, kept };
}

export function reasonsOf(kept: readonly Applied<unknown>[]): RuleId[] {
  return kept.map((applied) => applied.ruleId);
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { warning: 0, caution: 1, info: 2 };

/** Notices of the deciding rules: one per id (first wins), most severe first, otherwise in rule order. */
export function mergeNotices(
  kept: readonly Applied<{ readonly notices?: readonly Notice[] }>[],
): Notice[] {
  const merged: Notice[] = [];
  for (const { contribution } of kept) {
    const notices = contribution.notices;
    if (notices === undefined) continue;
    for (const notice of notices) {
      if (!merged.some((existing) => existing.id === notice.id)) merged.push(notice);
    }
  }
  if (merged.length > 1) {
    merged.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  }
  return merged;
}

/** Union of help lists, first occurrence wins (so the table's order is kept). */
export function mergeHelp(
  kept: readonly Applied<{ readonly help: readonly HelpResourceId[] }>[],
): HelpResourceId[] {
  const merged: HelpResourceId[] = [];
  for (const { contribution } of kept) {
    for (const id of contribution.help) {
      if (!merged.includes(id)) merged.push(id);
    }
  }
  return merged;
}
