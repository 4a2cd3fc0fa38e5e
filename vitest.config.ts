// Vitest projects for the whole repository. The order of suites (typecheck,
// lint, unit, integration, e2e) is kept by tools/run-tests.ts, not here.
import { defineConfig } from "vitest/config";

const sourceCondition = "@safety-by-design/source";

export default defineConfig({
  resolve: { conditions: [sourceCondition, "module", "browser", "development|production"] },
  ssr: { resolve: { conditions: [sourceCondition, "module", "node", "development|production"] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "policy-engine/src/**/*.test.ts",
            "policy-engine/test/**/*.test.ts",
            "client/src/**/*.test.{ts,tsx}",
            "tools/**/*.test.ts",
          ],
          setupFiles: ["tools/vitest-fail-on-console.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["client/test/integration/**/*.test.ts"],
          // One real homeserver; the files share it, one at a time.
          fileParallelism: false,
          // matrix-js-sdk logs every request; show its output only for a failing test.
          silent: "passed-only",
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
