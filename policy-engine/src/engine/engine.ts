// The seam the client depends on: a `PolicyEngine` is anything that answers
// requests with decisions. The default implementation wraps `decide` and a
// pack; a study or a platform can plug in another (see docs, "Plugging in a
// different engine").

import type { DecisionFor, PackRef } from "../model/decisions.ts";
import type { DecisionRequest } from "../model/requests.ts";
import type { CompiledPack } from "../pack/compile.ts";
import type { PackLoadResult, PackProblem } from "../pack/load.ts";
import { decideUnchecked } from "./decide.ts";
import { NO_PACK } from "./fail-closed.ts";

export type PolicyEngine = {
  /** The pack that decides (`purpose: "none"` when it failed to load), e.g. for a "control arm" banner. */
  readonly pack: PackRef;
  /** Why the pack failed to load; empty when it loaded. Non-empty means every decision fails closed. */
  readonly problems: readonly PackProblem[];
  /** Decide one request at time `now` (ms since the Unix epoch). Synchronous, pure, never throws. */
  readonly decide: <R extends DecisionRequest>(request: R, now: number) => DecisionFor<R>;
};

/** The default engine for a compiled pack or a load result (an invalid pack gives a fail-closed engine). */
export function createPolicyEngine(pack: CompiledPack | PackLoadResult): PolicyEngine {
  let ref: PackRef = NO_PACK;
  let problems: readonly PackProblem[] = [];
  if ("kind" in pack) {
    ref = pack.ref;
  } else if (pack.ok) {
    ref = pack.pack.ref;
  } else {
    problems = pack.problems;
  }
  return Object.freeze({
    pack: ref,
    problems,
    decide: <R extends DecisionRequest>(request: R, now: number): DecisionFor<R> =>
      decideUnchecked(request, pack, now) as DecisionFor<R>,
  });
}
