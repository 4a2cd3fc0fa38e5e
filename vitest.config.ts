// Vitest projects for the whole repository. The order of suites (typecheck,
// lint, unit, integration, e2e) is kept by tools/run-tests.ts, not here, and
// so is the integration suite's split into two halves side by side, each on
// its own homeserver instance (tools/lib/integrationHalves.ts).
import { defineConfig } from "vitest/config";

const sourceCondition = "@safety-by-design/source";

export default defineConfig({
  resolve: { conditions: [sourceCondition, "module", "browser", "development|production"] },
  ssr: { resolve: { conditions: [sourceCondition, "module", "node", "development|production"] } },
  test: {
    // Console output (matrix-js-sdk's above all) shows only for a failing test.
    // Here, not per project: the reporter reads this root setting alone, and a
    // project's own `silent` leaves what its hooks and timers print on screen.
    silent: "passed-only",
    // expect.poll waits 1 s by default: enough on a quiet machine, not while
    // the e2e halves run beside the unit suite on two cores (a report's
    // sealing and fake IndexedDB took longer in a CI run). A poll that passes
    // returns at once; only a failing one waits this long.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "policy-engine/src/**/*.test.ts",
            "policy-engine/test/**/*.test.ts",
            "protocol/**/*.test.ts",
            "client/src/**/*.test.{ts,tsx}",
            "tools/**/*.test.ts",
          ],
          setupFiles: [
            "tools/vitest-fail-on-console.ts",
            "client/src/i18n/allLocales.testSetup.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["client/test/integration/**/*.test.ts"],
          // One real homeserver per half (`integration`, `integration-b`;
          // SBD_TEST_HOMESERVER_INSTANCE): a half's files share it, one at a time.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
