// Playwright: Debian's Chromium (Playwright cannot download its own browser
// here) against the built client (vite preview) and the real test homeserver.
// tools/run-tests.ts builds the client and starts the homeserver first.
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./chromium.ts";

export const CLIENT_URL = "http://127.0.0.1:4173";

export default defineConfig({
  testDir: "tests",
  outputDir: "../test-results/e2e",
  globalSetup: "./global-setup.ts",
  // One homeserver, two cores: run tests one at a time so timings stay honest.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: process.env["CI"] === "true",
  reporter: [["list"], ["json", { outputFile: "../.local/reports/e2e.json" }]],
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
    command: "npx vite preview",
    cwd: "..",
    url: CLIENT_URL,
    reuseExistingServer: process.env["CI"] !== "true",
    timeout: 60_000,
  },
});
