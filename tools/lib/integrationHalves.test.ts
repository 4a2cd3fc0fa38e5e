// Tooling tests: the integration suite's split into two halves names real
// test files, so a renamed file cannot leave the second half short (it would
// run in the first, and the halves would drift apart unnoticed).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./homeserver.ts";
import { INTEGRATION_B_FILES } from "./integrationHalves.ts";

describe("the integration suite's halves", () => {
  it("gives the second half only integration test files that exist", () => {
    expect(INTEGRATION_B_FILES.length).toBeGreaterThan(0);
    for (const file of INTEGRATION_B_FILES) {
      expect(file).toMatch(/^client\/test\/integration\/.+\.test\.ts$/);
      expect(existsSync(join(repoRoot, file)), file).toBe(true);
    }
  });
});
