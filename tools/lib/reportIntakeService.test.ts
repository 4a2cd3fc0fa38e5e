// Tooling tests: the report intake's outcome mailboxes expire (issue 18,
// acceptance 3; docs/measures/reporting.md, retention). An outcome nobody
// fetched is answered until the retention ends and never after; the sweep
// deletes the expired ones, on disk too, and a later outcome starts afresh.
// A fake clock; the endpoints themselves run on the real Synapse in
// client/test/integration/report-outcome.test.ts.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  expiringOutcomeMailboxes,
  fileOutcomeMailboxes,
  memoryOutcomeMailboxes,
  type OutcomeMailboxes,
} from "./reportIntakeService.ts";
import { OUTCOME_RETENTION_MS } from "./reportingDeployment.ts";

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 11, 1);
const A = "a".repeat(32);
const B = "b".repeat(32);

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const stores: readonly (readonly [string, () => Promise<OutcomeMailboxes>])[] = [
  ["in memory", () => Promise.resolve(memoryOutcomeMailboxes())],
  [
    "on disk",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "sbd-outcomes-"));
      dirs.push(dir);
      return fileOutcomeMailboxes(dir);
    },
  ],
];

describe.each(stores)("outcome mailboxes %s expire", (_, make) => {
  it("answers an outcome until the retention ends, then deletes it on read", async () => {
    let now = START;
    const boxes = expiringOutcomeMailboxes(await make(), { retentionMs: 90 * DAY, now: () => now });
    await boxes.put(A, "sealed-a", now);
    now = START + 90 * DAY - 1;
    expect((await boxes.get(A))?.sealed).toBe("sealed-a");
    now = START + 90 * DAY;
    expect(await boxes.get(A)).toBeUndefined();
    expect(await boxes.count()).toBe(0);
  });

  it("sweeps every expired outcome and keeps the others", async () => {
    let now = START;
    const boxes = expiringOutcomeMailboxes(await make(), { retentionMs: 90 * DAY, now: () => now });
    await boxes.put(A, "sealed-a", now);
    now = START + 30 * DAY;
    await boxes.put(B, "sealed-b", now);
    now = START + 100 * DAY;
    expect(await boxes.sweep()).toBe(1);
    expect(await boxes.get(A)).toBeUndefined();
    expect((await boxes.get(B))?.sealed).toBe("sealed-b");
    now = START + 120 * DAY;
    expect(await boxes.sweep()).toBe(1);
    expect(await boxes.count()).toBe(0);
  });

  it("starts the period again when a moderator leaves a later outcome", async () => {
    let now = START;
    const boxes = expiringOutcomeMailboxes(await make(), { retentionMs: 90 * DAY, now: () => now });
    await boxes.put(A, "first", now);
    now = START + 80 * DAY;
    await boxes.put(A, "second", now);
    now = START + 100 * DAY;
    expect(await boxes.sweep()).toBe(0);
    expect((await boxes.get(A))?.sealed).toBe("second");
  });
});

describe("outcome mailboxes on disk", () => {
  it("keep the ciphertext only, and the sweep also clears half-written leftovers", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sbd-outcomes-"));
    dirs.push(dir);
    const boxes = expiringOutcomeMailboxes(await fileOutcomeMailboxes(dir), {
      retentionMs: DAY,
      now: () => Date.now() + 2 * DAY,
    });
    await boxes.put(A, "sealed-a", Date.now());
    // A crash between writing aside and renaming leaves this behind.
    await writeFile(join(dir, `${B}.sealed.0a1b2c3d4e5f`), "half");
    await writeFile(join(dir, "README"), "not ours");
    expect(await boxes.sweep()).toBe(1);
    expect(await readdir(dir)).toEqual(["README"]);
  });
});

describe("the deployment's retention", () => {
  it("is 90 days", () => {
    expect(OUTCOME_RETENTION_MS).toBe(90 * DAY);
  });
});
