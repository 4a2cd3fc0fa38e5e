// Writes schema/policy-pack.schema.json from the zod schema. Run with
// `npm run schema -w policy-engine` after changing src/pack/schema.ts; a unit
// test fails while the committed file differs from what this generates.

import { writeFileSync } from "node:fs";
import { policyPackJsonSchemaText } from "../src/pack/json-schema.ts";

const target = new URL("../schema/policy-pack.schema.json", import.meta.url);
writeFileSync(target, policyPackJsonSchemaText());
process.stdout.write(`wrote ${target.pathname}\n`);
