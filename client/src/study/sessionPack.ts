// Which pack a session's engine runs: the pack assigned to this account on
// this lab device (assignment.ts), looked up among the packs of this build.
// An unknown or invalid pack is a load failure, so the engine built from it
// fails closed and the chat list says so (never a silent fallback to another
// pack, which would put the participant in the wrong study arm unseen).

import type { PackLoadResult } from "@safety-by-design/policy-engine";
import { packFor } from "./assignment.ts";
import { formatPackFileError, type PackChoice } from "./packCatalogue.ts";
import type { StudyStorage } from "./store.ts";

/** The pack for `userId`'s session, from `catalogue` (listStudyPacks() in the app). */
export function enginePackFor(
  storage: Pick<StudyStorage, "getItem">,
  userId: string,
  catalogue: readonly PackChoice[],
): PackLoadResult {
  const id = packFor(storage, userId);
  const choice = catalogue.find((c) => c.id === id);
  if (choice === undefined) {
    return {
      ok: false,
      problems: [{ path: "", message: `pack "${id}" is not in this build` }],
    };
  }
  if (!choice.valid) {
    return {
      ok: false,
      problems: choice.errors.map((error) => ({
        path: error.path,
        message: formatPackFileError(error),
      })),
    };
  }
  return { ok: true, pack: choice.pack };
}
