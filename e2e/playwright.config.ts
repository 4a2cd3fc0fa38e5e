// Playwright: Debian's Chromium (Playwright cannot download its own browser
// here) against the built client (vite preview) and the real test homeserver.
// tools/run-tests.ts builds the client and starts the homeserver first; it
// runs the suite in two halves side by side (--shard=1/2 and 2/2), each half
// on its own homeserver instance, services, client build and preview port
// (support/e2eInstance.ts, chosen by SBD_E2E_INSTANCE).
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./chromium.ts";
import { E2E_CLIENT_DIST, E2E_CLIENT_PORT, E2E_INSTANCE } from "./support/e2eInstance.ts";

export const CLIENT_URL = `http://127.0.0.1:${E2E_CLIENT_PORT[E2E_INSTANCE]}`;

export default defineConfig({
  testDir: "tests",
  outputDir: `../test-results/e2e-${E2E_INSTANCE}`,
  globalSetup: "./global-setup.ts",
  // One homeserver per half, two cores: within a half, tests run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: process.env["CI"] === "true",
  reporter: [["list"], ["json", { outputFile: `../.local/reports/e2e-${E2E_INSTANCE}.json` }]],
  use: {
    baseURL: CLIENT_URL,
    ...devices["Desktop Chrome"],
    // Phone first: every test runs at a phone's size unless it says otherwise.
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: false,
    hasTouch: true,
    locale: "nl-NL",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...chromiumArgs],
    },
  },
  webServer: {
    command: `npx vite preview --port ${E2E_CLIENT_PORT[E2E_INSTANCE]} --outDir ${E2E_CLIENT_DIST[E2E_INSTANCE]}`,
    cwd: "..",
    url: CLIENT_URL,
    reuseExistingServer: process.env["CI"] !== "true",
    timeout: 60_000,
  },
});
