// Study layer: the production pack (nl-default, assignment.ts
// DEFAULT_STUDY_PACK) as this build validated it, alone, so that the help
// screen before sign-in is decided by the engine without downloading the
// whole catalogue (builtPackCatalogue.ts) first.

import { packCatalogue } from "virtual:safety-by-design/pack-catalogue/nl-default";
import type { PackLoadResult } from "@safety-by-design/policy-engine";
import { DEFAULT_STUDY_PACK } from "./assignment.ts";
import { builtCatalogue, packLoadResult, type PackChoice } from "./packChoice.ts";

/** nl-default's load result: an invalid or missing pack gives an engine that fails closed. */
export function builtDefaultPack(): PackLoadResult {
  return packLoadResult(builtDefaultCatalogue(), DEFAULT_STUDY_PACK);
}

/**
 * A catalogue of nl-default alone: all a session needs where the deployment
 * runs no studies (an assignment is ignored there, sessionPack.ts).
 */
export function builtDefaultCatalogue(): readonly PackChoice[] {
  return builtCatalogue(packCatalogue);
}
