// Integration (real Synapse, Rust crypto in Node): the attack suite of issue
// 12, acceptance 10. Every door a stock Matrix client or a script can open
// towards a minor, played against the minor's own device running the
// client's protection; what the minor's screens show is the oracle
// (README.md in this folder). Each variant prints one line:
//
//   ATTACK <id> door=<door> expected=<...> observed=<...>
//
// The attacks run first, several at a time (they share the victims' devices,
// never a room); then one test per variant reports and checks its result.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../../tools/lib/homeserver.ts";
import { directContexts } from "./doors/direct.ts";
import { directoryContexts } from "./doors/directory.ts";
import { groupContexts } from "./doors/groups.ts";
import { mediaContexts } from "./doors/media.ts";
import {
  playContexts,
  startWorld,
  type AttackContext,
  type Variant,
  type VariantResult,
  type World,
} from "./harness.ts";

/** Attack contexts played at once; each waits on the homeserver most of its time. */
const CONCURRENCY = 6;

/** ATTACK_CONTEXTS=group,knock plays only contexts whose id contains one of these (debugging). */
const only = (process.env["ATTACK_CONTEXTS"] ?? "").split(",").filter((part) => part !== "");
const contexts: readonly AttackContext[] = [
  ...directContexts(),
  ...groupContexts(),
  ...directoryContexts(),
  ...mediaContexts(),
].filter((context) => only.length === 0 || only.some((part) => context.id.includes(part)));
const variants: readonly Variant[] = contexts.flatMap((context) => context.variants);
const duplicate = variants.find((v, i) => variants.findIndex((w) => w.id === v.id) !== i);
if (duplicate !== undefined) throw new Error(`two variants are called ${duplicate.id}`);
const doors = [...new Set(variants.map((v) => v.door))];

let world: World | undefined;
let results = new Map<string, VariantResult>();
let seconds = 0;

beforeAll(async () => {
  const started = Date.now();
  world = await startWorld();
  results = await playContexts(world, contexts, CONCURRENCY);
  seconds = Math.round((Date.now() - started) / 1000);
}, 900_000);

afterAll(async () => {
  await writeReport();
  await world?.stop();
}, 60_000);

describe.each(doors)("attack door: %s", (door) => {
  it.each(variants.filter((v) => v.door === door).map((v) => [v.id, v] as const))(
    "%s",
    (_id, variant) => {
      const result = results.get(variant.id);
      const observed = result?.observed ?? "not played (the attack set-up failed)";
      process.stdout.write(
        `ATTACK ${variant.id} door=${variant.door} expected=${variant.expected} observed=${observed}\n`,
      );
      expect(
        result?.pass,
        `${variant.id}: expected ${variant.expected}; observed ${observed}`,
      ).toBe(true);
    },
  );
});

/** A markdown table of this run, for the README (in .local/reports, not committed). */
async function writeReport(): Promise<void> {
  const byDoor = [...variants].sort(
    (a, b) => doors.indexOf(a.door) - doors.indexOf(b.door) || a.id.localeCompare(b.id),
  );
  const rows = byDoor.map((v) => {
    const r = results.get(v.id);
    const status = r === undefined ? "not played" : r.pass ? "passes" : "FAILS";
    const observed = (r?.observed ?? "").replaceAll("|", "\\|");
    return `| \`${v.id}\` | ${v.door} | ${v.expected} | ${status} | ${observed} |`;
  });
  const passed = [...results.values()].filter((r) => r.pass).length;
  const summary = `${String(passed)} of ${String(variants.length)} variants pass; attacks took ${String(seconds)} s`;
  const failures = world?.failures ?? [];
  const text = [
    `# Attack suite: last run`,
    "",
    summary,
    "",
    "| variant | door | expected | now | observed |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    ...(failures.length > 0
      ? ["Errors the protection reported:", "", ...failures.map((f) => `- ${f}`)]
      : []),
    "",
  ].join("\n");
  const dir = join(repoRoot, ".local", "reports");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "attack-suite.md"), text);
  process.stdout.write(`ATTACK-SUITE ${summary} (table: .local/reports/attack-suite.md)\n`);
}
