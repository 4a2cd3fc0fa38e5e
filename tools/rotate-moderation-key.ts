// Rotates one moderator's key of a local deployment (demo or tests): that
// moderator's key file moves aside as <name>.<time>.json and a new key pair is
// made. The team is every moderator's current key (tools/lib/deployment.ts):
// rebuild the client (npm start / the e2e build) so new reports are sealed to
// the new set; the moderator adds the new key on the moderation screen
// ("Sleutel toevoegen") and keeps the old one, so reports sealed before the
// rotation still open (docs/measures/reporting.md, "A moderation team").
//
//   npm run rotate-moderation-key -- demo|test [moderator]   (default: moderation)
import { rename } from "node:fs/promises";
import { moderationKeyFile, prepareLocalDeployment } from "./lib/deployment.ts";
import { MODERATOR_USERNAMES } from "./lib/personas.ts";

const [instance, moderator = "moderation"] = process.argv.slice(2);
if ((instance !== "demo" && instance !== "test") || !MODERATOR_USERNAMES.includes(moderator)) {
  console.error(
    `usage: npm run rotate-moderation-key -- demo|test [${MODERATOR_USERNAMES.join("|")}]`,
  );
  process.exit(64);
}
const file = moderationKeyFile(instance, moderator);
const before = await prepareLocalDeployment(instance);
const kept = file.replace(/\.json$/, `.${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
await rename(file, kept);
const after = await prepareLocalDeployment(instance);
console.log(`${moderator}: old key ${before.moderatorKeys[moderator]?.publicKey} kept in ${kept}`);
console.log(`${moderator}: new key ${after.moderatorKeys[moderator]?.publicKey} in ${file}`);
console.log(
  "Rebuild the client; the moderator adds the new key and keeps the old one. To take a key out " +
    "of the team (a moderator leaves), remove it from VITE_MODERATION_PUBLIC_KEY and rebuild.",
);
