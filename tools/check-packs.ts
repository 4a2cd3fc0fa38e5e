// Checks the researchers' policy pack variants in study/packs/ (and the
// bundled packs) exactly as the facilitator console does, and prints every
// problem with its file and place. Exit code 1 while any pack is invalid.
//
//   npm run check-packs                 check study/packs/
//   npm run check-packs -- <folder>     check another folder of variants

import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  STUDY_PACKS_FOLDER,
  TRANSLATED_COPY_KEYS,
  buildPackCatalogue,
  formatPackFileError,
} from "@safety-by-design/client/study";

const repoRoot = resolve(import.meta.dirname, "..");
const folder = resolve(repoRoot, process.argv[2] ?? STUDY_PACKS_FOLDER);

let names: string[];
try {
  names = readdirSync(folder).filter((name) => name.endsWith(".json"));
} catch (error) {
  console.error(`cannot read ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const catalogue = buildPackCatalogue(
  names.map((name) => ({ name, text: readFileSync(join(folder, name), "utf8") })),
  TRANSLATED_COPY_KEYS,
  relative(repoRoot, folder) || ".",
);

let invalid = 0;
for (const choice of catalogue) {
  if (choice.valid) {
    const arm = choice.purpose === "control-arm" ? " (control arm)" : "";
    const base = choice.pack.source.extends;
    const extension = base === undefined ? "" : ` (extends ${base})`;
    console.log(`ok      ${choice.id}${arm}${extension}  ${choice.file}`);
    continue;
  }
  invalid += 1;
  console.log(`INVALID ${choice.id}  ${choice.file}`);
  for (const error of choice.errors) console.log(`        ${formatPackFileError(error)}`);
}

const variants = catalogue.filter((choice) => choice.source === "variant").length;
console.log(
  `\n${catalogue.length} packs (${variants} variant${variants === 1 ? "" : "s"} in ${relative(repoRoot, folder) || "."}), ${invalid} invalid`,
);
process.exit(invalid > 0 ? 1 : 0);
