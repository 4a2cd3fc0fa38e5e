// `npm run screenshots`: regenerates the phone-size (375×667) pictures of
// every screen, light and dark, into docs/screenshots/screens/. It is the
// e2e walk of every screen (e2e/tests/every-screen.spec.ts, and the loading
// stages of loading.spec.ts) with SCREENSHOTS=1: the same steps that check
// each screen with axe also save it. Like the e2e suite, it starts the `test`
// homeserver (a no-op when it runs), builds the client for it, and lets
// Playwright serve the build. Extra arguments go to Playwright (`--grep Noor`).

import { execFileSync } from "node:child_process";
import { homeserverCommand, repoRoot } from "./lib/homeserver.ts";

const SPECS = ["e2e/tests/every-screen.spec.ts", "e2e/tests/loading.spec.ts"];

homeserverCommand("test", "start");
// The deployment's public keys (age issuer, moderation team) go into the build.
const buildEnvironment = JSON.parse(
  execFileSync(
    process.execPath,
    ["--conditions=@safety-by-design/source", "tools/client-env.ts", "test", "--json"],
    { cwd: repoRoot, encoding: "utf8" },
  ),
) as Record<string, string>;
execFileSync("npx", ["vite", "build"], {
  cwd: repoRoot,
  stdio: "inherit",
  env: { ...process.env, ...buildEnvironment },
});
try {
  execFileSync(
    "npx",
    [
      "playwright",
      "test",
      "--config",
      "e2e/playwright.config.ts",
      ...SPECS,
      ...process.argv.slice(2),
    ],
    { cwd: repoRoot, stdio: "inherit", env: { ...process.env, SCREENSHOTS: "1" } },
  );
} catch {
  // Playwright printed what failed; a screen that fails its check is not pictured as fine.
  process.exitCode = 1;
}
