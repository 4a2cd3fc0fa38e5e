// Rotates the moderation team's key of a local deployment (demo or tests):
// the current key file moves aside as moderation-key.<time>.json and a new key
// pair is made. Rebuild the client (npm start / the e2e build) so new reports
// are sealed to the new key; each moderator adds the new key on the
// moderation screen ("Sleutel toevoegen") and keeps the old one, so reports
// sealed before the rotation still open (docs/measures/reporting.md).
//
//   npm run rotate-moderation-key -- demo|test
import { rename } from "node:fs/promises";
import { moderationKeyFile, prepareLocalDeployment } from "./lib/deployment.ts";

const instance = process.argv[2];
if (instance !== "demo" && instance !== "test") {
  console.error("usage: npm run rotate-moderation-key -- demo|test");
  process.exit(64);
}
const file = moderationKeyFile(instance);
const before = await prepareLocalDeployment(instance);
const kept = file.replace(/\.json$/, `.${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
await rename(file, kept);
const after = await prepareLocalDeployment(instance);
console.log(`old key ${before.moderationKey.publicKey} kept in ${kept}`);
console.log(`new key ${after.moderationKey.publicKey} in ${file}`);
console.log("Rebuild the client; moderators add the new key and keep the old one.");
