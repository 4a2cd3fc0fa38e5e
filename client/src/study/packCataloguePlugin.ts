// Build tooling (runs in Node inside Vite, never in the browser): the pack
// catalogue, validated when the app is built. The page imports it as the
// virtual module below (builtPackCatalogue.ts) and gets every pack already
// checked by the engine's loader and compiled, so neither zod nor the packs'
// JSON sources are downloaded before the sign-in screen, and a cold start
// validates nothing. A broken pack is still in the list, invalid with its
// errors, so a session assigned to it fails closed and says so.

import { execFileSync } from "node:child_process";
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/**
 * The module builtPackCatalogue.ts imports; `<it>/<pack id>` holds that pack
 * alone (builtDefaultPack.ts). Typed in packCatalogueModule.d.ts.
 */
export const PACK_CATALOGUE_MODULE = "virtual:safety-by-design/pack-catalogue";

const PRINTER = fileURLToPath(new URL("printPackCatalogue.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** What the catalogue is made of: the packs, the engine that validates them, the notices' words. */
const INPUTS = [
  resolve(repoRoot, "study/packs"),
  resolve(repoRoot, "policy-engine/packs"),
  resolve(repoRoot, "policy-engine/src"),
  resolve(repoRoot, "client/src/i18n/notices.nl.ts"),
  resolve(repoRoot, "client/src/i18n/notices.en.ts"),
];

type CatalogueEntry = { readonly id: string };

function buildCatalogue(variantsFolder: string | undefined): readonly CatalogueEntry[] {
  // A child process, because the engine and the client are TypeScript used
  // through the source condition, which Vite's bundled config cannot resolve.
  const args = ["--conditions=@safety-by-design/source", PRINTER];
  if (variantsFolder !== undefined) args.push(variantsFolder);
  const json = execFileSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(json) as CatalogueEntry[];
}

/** `variantsFolder`: where the variants are (default study/packs/; tests use their own). */
export function packCataloguePlugin(options: { readonly variantsFolder?: string } = {}): Plugin {
  // Validated once per build (and again in `vite` when a pack changes).
  let catalogue: readonly CatalogueEntry[] | undefined;
  return {
    name: "safety-by-design:pack-catalogue",
    buildStart() {
      catalogue = undefined;
    },
    resolveId(id) {
      return id === PACK_CATALOGUE_MODULE || id.startsWith(`${PACK_CATALOGUE_MODULE}/`)
        ? `\0${id}`
        : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PACK_CATALOGUE_MODULE}`)) return undefined;
      catalogue ??= buildCatalogue(options.variantsFolder);
      const packId = id.slice(`\0${PACK_CATALOGUE_MODULE}/`.length);
      const entries =
        id === `\0${PACK_CATALOGUE_MODULE}`
          ? catalogue
          : catalogue.filter((entry) => entry.id === packId);
      // JSON is a JavaScript expression: the page gets the value, with no string to parse.
      return `export const packCatalogue = ${JSON.stringify(entries)};\n`;
    },
    // `vite` (development): a changed, added or removed pack reloads the page with a new catalogue.
    configureServer(server) {
      server.watcher.add(INPUTS);
      server.watcher.on("all", (_event, path) => {
        if (!INPUTS.some((input) => path === input || path.startsWith(input + sep))) return;
        catalogue = undefined;
        for (const module of server.moduleGraph.idToModuleMap.values()) {
          if (module.id?.startsWith(`\0${PACK_CATALOGUE_MODULE}`) === true) {
            server.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: "full-reload" });
      });
    },
  };
}
