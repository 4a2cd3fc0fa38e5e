// Benchmark: how long the impersonation facts take for one display name,
// against an index of about 200 protected names (150 contacts plus every help
// service name), over look-alikes and ordinary names from the corpus test.
//
//   BENCH name-resemblance-per-name <us> us     (mean per name; target: well under 50)
//   BENCH name-resemblance-hostile-max <ms> ms  (slowest of five 100,000-character
//                                               hostile names; target: well under 200)

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

// Names an attacker shapes to make the comparison slow: long runs of look-alike
// letters, spaces and direction marks. The index bounds its work per name
// (nameResemblance.ts); this shows the bound holds. Measured here, not in a
// unit test: a timed assertion fails on a loaded machine.
const HOSTILE_NAMES = [
  "1".repeat(100_000),
  "1 ".repeat(50_000),
  "Il".repeat(50_000),
  `${"Lo".repeat(20_000)}tte`,
  "\u202E".repeat(50_000),
];
let slowest = 0;
for (const hostile of HOSTILE_NAMES) {
  const hostileStarted = performance.now();
  index(hostile);
  slowest = Math.max(slowest, performance.now() - hostileStarted);
}
console.log(`BENCH name-resemblance-hostile-max ${slowest.toFixed(1)} ms`);
