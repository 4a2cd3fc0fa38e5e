// Tooling (Node only): the two halves the integration suite runs in, side by
// side. Each half has its own homeserver instance (services on ports per
// instance in deployment.ts), so the halves never share accounts, rooms or
// load; within a half the files still run one at a time. tools/run-tests.ts
// starts them; client/test/integration/support.ts reads the half's instance
// (integrationTestInstance in homeserver.ts).
import type { HomeserverInstance } from "./homeserver.ts";

export type IntegrationInstance = Extract<HomeserverInstance, "integration" | "integration-b">;

/** The halves in order: the first runs every file the second does not. */
export const INTEGRATION_INSTANCES: readonly IntegrationInstance[] = [
  "integration",
  "integration-b",
];

/**
 * The second half's files; every other file (a new one too) runs in the first.
 * Not Vitest's --shard: it splits by a hash of the path, which put 120 s of
 * one run in one half and 300 s in the other. Per-file times with the halves
 * side by side (Vitest's JSON report, .local/reports/integration-<instance>.json)
 * on a quiet machine and beside benchmarks: reconnect 63 s and 72 s (its
 * timers, not the CPU), the attack suite 54 and 91, the scenario runner 16 and
 * 16; these three come to 132 s and 179 s, the other files to 118 s and 165 s.
 */
export const INTEGRATION_B_FILES: readonly string[] = [
  "client/test/integration/reconnect.test.ts",
  "client/test/integration/attacks/attacks.test.ts",
  "client/test/integration/scenario-runner.test.ts",
];

/**
 * Vitest's file arguments for one half: the second half names its files, the
 * first excludes them, so every file runs exactly once.
 */
export function integrationHalfFiles(instance: IntegrationInstance): readonly string[] {
  return instance === "integration-b"
    ? INTEGRATION_B_FILES
    : INTEGRATION_B_FILES.flatMap((file) => ["--exclude", file]);
}
