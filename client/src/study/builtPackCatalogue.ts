// Study layer: this build's pack catalogue (the bundled packs and the
// variants in study/packs/), validated and compiled when the app was built
// (packCataloguePlugin.ts). The app loads it after first paint, the console
// page at once; tests build theirs with packVariants.ts, from the same files.

import { packCatalogue } from "virtual:safety-by-design/pack-catalogue";
import { builtCatalogue, type PackChoice } from "./packChoice.ts";

/** Every pack the facilitator console can offer: bundled packs first, then variants. */
export function builtPackCatalogue(): readonly PackChoice[] {
  return builtCatalogue(packCatalogue);
}
