// Which pack a session's engine runs: the pack assigned to this account on
// this lab device (assignment.ts), looked up among the packs of this build.
// An unknown or invalid pack is a load failure, so the engine built from it
// fails closed and the chat list says so (never a silent fallback to another
// pack, which would put the participant in the wrong study arm unseen).
//
// An assignment takes effect only in a deployment configured for studies
// (deployment.ts, `studyMode`): otherwise one storage entry could put any
// account on the unprotected control arm. Elsewhere it is ignored, and the
// result says so, so that the chat list can show it (never silently either).

import type { PackLoadResult } from "@safety-by-design/policy-engine";
import { DEFAULT_STUDY_PACK, readAssignments } from "./assignment.ts";
import { packLoadResult, type PackChoice } from "./packChoice.ts";
import type { StudyStorage } from "./assignment.ts";

export type SessionPack = {
  /** What the session's engine is built from. */
  readonly pack: PackLoadResult;
  /** The pack id of an assignment this deployment ignored (not configured for studies). */
  readonly ignoredAssignment: string | undefined;
};

/** The pack for `userId`'s session, from `catalogue` (this build's, builtPackCatalogue.ts, in the app). */
export function sessionPackFor(
  storage: Pick<StudyStorage, "getItem">,
  userId: string,
  catalogue: readonly PackChoice[],
  options: { readonly studyMode: boolean },
): SessionPack {
  const assigned = readAssignments(storage)[userId];
  if (options.studyMode) {
    return {
      pack: packLoadResult(catalogue, assigned ?? DEFAULT_STUDY_PACK),
      ignoredAssignment: undefined,
    };
  }
  const ignored = assigned !== undefined && assigned !== DEFAULT_STUDY_PACK;
  return {
    pack: packLoadResult(catalogue, DEFAULT_STUDY_PACK),
    ignoredAssignment: ignored ? assigned : undefined,
  };
}
