// Build tooling (runs in Node, never in the browser; packCataloguePlugin.ts
// starts it with the source condition while Vite builds the app): validates
// every pack of this checkout, the engine's bundled packs and the variants in
// study/packs/ (or the folder given as its argument), exactly as the console
// lists them, and prints the catalogue as JSON on stdout.

import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { STUDY_PACKS_FOLDER, TRANSLATED_COPY_KEYS, buildPackCatalogue } from "./packCatalogue.ts";
import { packCatalogueToJson } from "./packChoice.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
const folder = resolve(repoRoot, process.argv[2] ?? STUDY_PACKS_FOLDER);

/** Like Vite's glob over the folder: its *.json files, none when the folder does not exist. */
function variantNames(): string[] {
  try {
    return readdirSync(folder).filter((name) => name.endsWith(".json"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

const variants = variantNames().map((name) => ({
  name,
  text: readFileSync(join(folder, name), "utf8"),
}));
process.stdout.write(
  packCatalogueToJson(
    buildPackCatalogue(variants, TRANSLATED_COPY_KEYS, relative(repoRoot, folder) || "."),
  ),
);
