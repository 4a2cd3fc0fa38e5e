// The researcher's pack variants, read from study/packs/*.json at build time,
// and the catalogue built from them in the page itself: for tests, which run
// the engine's loader on the same files as the app's build does (the app and
// the console read the catalogue validated at build time, builtPackCatalogue.ts).
// They come in as text (?raw), not as JSON modules, so a file with a syntax
// error is listed with its error instead of breaking the build. The path is
// relative because Vite's root is client/, where "/" would point.

import {
  TRANSLATED_COPY_KEYS,
  buildPackCatalogue,
  type PackChoice,
  type PackVariantFile,
} from "./packCatalogue.ts";

const variantTexts = import.meta.glob<string>("../../../study/packs/*.json", {
  eager: true,
  query: "?raw",
  import: "default",
});

/** The variant files of this build, by file name. */
export function studyPackVariantFiles(): readonly PackVariantFile[] {
  return Object.entries(variantTexts).map(([path, text]) => ({
    name: path.slice(path.lastIndexOf("/") + 1),
    text,
  }));
}

/** Every pack the facilitator console can offer: bundled packs first, then variants. */
export function listStudyPacks(): readonly PackChoice[] {
  return buildPackCatalogue(studyPackVariantFiles(), TRANSLATED_COPY_KEYS);
}
