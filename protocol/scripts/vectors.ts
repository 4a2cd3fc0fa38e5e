// Protocol, tooling (Node): writes protocol/test-vectors/*.json from fixed
// seeds with this package's code (test/vectors.ts). Run
// `npm run vectors -w protocol` after changing a format; a unit test fails
// while a committed file differs from what this builds. Sealed boxes already
// recorded are kept while they still open to the same envelope, so a run
// without a format change rewrites nothing.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { VECTOR_FILES, buildVectors, type VectorFiles } from "../test/vectors.ts";

const folder = new URL("../test-vectors/", import.meta.url);
mkdirSync(folder, { recursive: true });

const previous: VectorFiles = {};
for (const name of VECTOR_FILES) {
  const file = new URL(name, folder);
  if (existsSync(file)) previous[name] = JSON.parse(readFileSync(file, "utf8")) as unknown;
}

const built = await buildVectors(previous);
for (const name of VECTOR_FILES) {
  const file = new URL(name, folder);
  // Formatted as the repository's formatter would, so `prettier --check` passes.
  const options = (await resolveConfig(file.pathname)) ?? {};
  const text = await format(JSON.stringify(built[name]), { ...options, parser: "json" });
  const changed = !existsSync(file) || readFileSync(file, "utf8") !== text;
  if (changed) writeFileSync(file, text);
  process.stdout.write(`${changed ? "wrote" : "unchanged"} ${file.pathname}\n`);
}
