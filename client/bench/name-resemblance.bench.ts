// Benchmark: how long the impersonation facts take for one display name,
// against an index of about 200 protected names (150 contacts plus every help
// service name), over look-alikes and ordinary names from the corpus test.
//
//   BENCH name-resemblance-per-name <us> us     (mean per name; target: well under 50)

import { performance } from "node:perf_hooks";
import { HELP_SERVICE_NAMES } from "../src/help/resources.ts";
import { createResemblanceIndex } from "../src/policy/nameResemblance.ts";
import corpus from "../src/policy/testdata/name-resemblance-corpus.json" with { type: "json" };

const contacts = corpus.legitimate
  .slice(0, 150)
  .map((name, i) => ({ name, userId: `@c${i}:localhost` }));
const index = createResemblanceIndex([...contacts, ...HELP_SERVICE_NAMES]);
const names = [...corpus.lookalikes.map((entry) => entry.name), ...corpus.legitimate];

const ROUNDS = 200;
let matches = 0;
for (let round = 0; round < 20; round++) for (const name of names) index(name);
const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) if (index(name) !== undefined) matches++;
}
const perName = ((performance.now() - started) * 1000) / (ROUNDS * names.length);
if (matches === 0) throw new Error("the benchmark matched nothing: the index is broken");
console.log(`BENCH name-resemblance-per-name ${perName.toFixed(2)} us`);
