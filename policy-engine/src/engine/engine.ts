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

/** A pack's own words about itself, in Dutch and English (its `label` and `description`). */
export type PackAbout = {
  readonly label: { readonly nl: string; readonly en: string };
  readonly description: { readonly nl: string; readonly en: string };
};

export type PolicyEngine = {
  /** The pack that decides (`purpose: "none"` when it failed to load), e.g. for a "control arm" banner. */
  readonly pack: PackRef;
  /**
   * The deciding pack's label and description, for a "which rules protect
   * me?" screen; undefined when no pack loaded (or an engine does not say).
   */
  readonly about?: PackAbout | undefined;
  /** Why the pack failed to load; empty when it loaded. Non-empty means every decision fails closed. */
  readonly problems: readonly PackProblem[];
  /** Decide one request at time `now` (ms since the Unix epoch). Synchronous, pure, never throws. */
  readonly decide: <R extends DecisionRequest>(request: R, now: number) => DecisionFor<R>;
};

/** The default engine for a compiled pack or a load result (an invalid pack gives a fail-closed engine). */
export function createPolicyEngine(pack: CompiledPack | PackLoadResult): PolicyEngine {
  let ref: PackRef = NO_PACK;
  let problems: readonly PackProblem[] = [];
  let about: PackAbout | undefined;
  if ("kind" in pack) {
    ref = pack.ref;
    about = aboutOf(pack);
  } else if (pack.ok) {
    ref = pack.pack.ref;
    about = aboutOf(pack.pack);
  } else {
    problems = pack.problems;
  }
  return Object.freeze({
    pack: ref,
    about,
    problems,
    decide: <R extends DecisionRequest>(request: R, now: number): DecisionFor<R> =>
      decideUnchecked(request, pack, now) as DecisionFor<R>,
  });
}

function aboutOf(pack: CompiledPack): PackAbout {
  return { label: pack.source.label, description: pack.source.description };
}
