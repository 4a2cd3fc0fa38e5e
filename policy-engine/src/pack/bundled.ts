// The packs shipped with the engine, imported as JSON modules (works in Node
// 24, Vite and the tsc build). They are validated when loaded, like any pack.

import baseline from "../../packs/baseline.json" with { type: "json" };
import nlDefault from "../../packs/nl-default.json" with { type: "json" };
import strict from "../../packs/strict.json" with { type: "json" };
import { loadPack } from "./load.ts";
import type { PackLoadResult } from "./load.ts";

export const BUNDLED_PACK_IDS = ["nl-default", "strict", "baseline"] as const;
export type BundledPackId = (typeof BUNDLED_PACK_IDS)[number];

/** The bundled packs as written (unvalidated JSON values); load them with `loadBundledPack`. */
export const bundledPackSources: Readonly<Record<BundledPackId, unknown>> = {
  "nl-default": nlDefault,
  strict,
  baseline,
};

/** A `resolveBase` for `loadPack`: the bundled pack with this id as written, or undefined. */
export function resolveBundledPack(id: string): unknown {
  return Object.hasOwn(bundledPackSources, id)
    ? bundledPackSources[id as BundledPackId]
    : undefined;
}

export function loadBundledPack(id: BundledPackId): PackLoadResult {
  return loadPack(bundledPackSources[id]);
}
