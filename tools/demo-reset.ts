// `npm run demo:reset`: back to the demo's seeded state. Stops the demo
// homeserver and deletes its data (every account, chat and report) and the
// demo's client-side secrets in .local/demo/ (Noor's and Lotte's recovery
// keys); the next `npm start` seeds everything again. The deployment's trust
// anchors stay (.local/age-issuer/demo, .local/moderation/demo), so a
// moderator's imported key keeps working. The tests' homeserver is untouched.

import { rm } from "node:fs/promises";
import { demoStateDir } from "./lib/demoSeed.ts";
import { homeserverCommand } from "./lib/homeserver.ts";

if ((process.env["MATRIX_HOMESERVER_URL"] ?? "") !== "") {
  console.error(
    "MATRIX_HOMESERVER_URL points at another homeserver: the demo does not delete its accounts.\n" +
      "Unset it to reset the local demo homeserver.",
  );
  process.exit(1);
}

// Resetting under a running demo would leave its client pointing at deleted accounts.
const clientPort = Number(process.env["DEMO_PORT"] ?? 5173);
const demoRunning = await fetch(`http://127.0.0.1:${clientPort}/`).then(
  () => true,
  () => false,
);
if (demoRunning) {
  console.error(`The demo is running (port ${clientPort}): stop it with Ctrl-C first.`);
  process.exit(1);
}

homeserverCommand("demo", "reset");
await rm(demoStateDir, { recursive: true, force: true });
console.log(`
The demo is back to its start: run \`npm start\` to seed it again.

Browsers keep their own copy: a browser that was signed in to the demo still holds that
session and its keys, which no longer belong to any account. Sign out there (or use a new
private window) before signing in again.`);
