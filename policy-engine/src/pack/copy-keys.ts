import { AGE_BANDS } from "../model/bands.ts";
import { PACK_NOTICE_IDS } from "../model/ids.ts";
import { POLICY_ERROR_COPY_KEYS } from "../engine/fail-closed.ts";
import type { CompiledPack } from "./compile.ts";

/**
 * Every copy key a decision under this pack can carry, sorted. The client's
 * translation tests check that nl and en cover each of them.
 */
export function allCopyKeys(pack: CompiledPack): readonly string[] {
  const keys = new Set<string>(POLICY_ERROR_COPY_KEYS);
  for (const id of PACK_NOTICE_IDS) {
    for (const band of AGE_BANDS) keys.add(pack.notices[id][band].copyKey);
  }
  return [...keys].sort();
}
