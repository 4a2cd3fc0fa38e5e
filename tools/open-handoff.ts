// The receiving body's side of a handoff (docs/handoff-package.md): opens a
// sealed handoff file with the body's key, checks the package (every field,
// every SHA-256 digest) and prints its summary and its content.
//
//   npm run open-handoff -- <handoff file> <key>
//
// <key> is a key file ({ "publicKey", "secretKey" }, base64url X25519), the
// secret key alone, or `test:<body>` / `demo:<body>` for the local
// deployment's stand-in key of that body (.local/moderation/<instance>/
// handoff-keys.json). Exit code 0: opened and intact; 1: refused (the
// problems are printed); 64: usage.
import { readFile } from "node:fs/promises";
import {
  moderationKeyPairFromSecretText,
  moderationKeyPairFromText,
  openHandoffFile,
  type ModerationKeyPair,
} from "@safety-by-design/protocol";
import { HANDOFF_BODIES, prepareReportingDeployment } from "./lib/reportingDeployment.ts";

const [file, key] = process.argv.slice(2);
if (file === undefined || key === undefined) {
  console.error(
    "usage: npm run open-handoff -- <handoff file> <key file | secret key | test:<body>>",
  );
  process.exit(64);
}

async function keyPairOf(text: string): Promise<ModerationKeyPair | undefined> {
  const local = /^(test|test-b|demo):(.+)$/.exec(text);
  if (local !== null) {
    const [, instance, body] = local;
    const found = HANDOFF_BODIES.find((b) => b === body);
    if (
      found === undefined ||
      (instance !== "test" && instance !== "test-b" && instance !== "demo")
    ) {
      return undefined;
    }
    const reporting = await prepareReportingDeployment(instance);
    return moderationKeyPairFromText(reporting.handoffKeys[found]);
  }
  const content = await readFile(text, "utf8").catch(() => text);
  if (content.trim().startsWith("{")) {
    const parsed = JSON.parse(content) as { publicKey?: unknown; secretKey?: unknown };
    if (typeof parsed.secretKey !== "string") return undefined;
    return typeof parsed.publicKey === "string"
      ? moderationKeyPairFromText({ publicKey: parsed.publicKey, secretKey: parsed.secretKey })
      : moderationKeyPairFromSecretText(parsed.secretKey);
  }
  return moderationKeyPairFromSecretText(content);
}

const keyPair = await keyPairOf(key);
if (keyPair === undefined) {
  console.error(`not a key: ${key}`);
  process.exit(64);
}
let value: unknown;
try {
  value = JSON.parse(await readFile(file, "utf8"));
} catch {
  console.error(`${file}: not a JSON file`);
  process.exit(1);
}
const opened = await openHandoffFile(value, keyPair);
if (!opened.ok) {
  console.error(`${file}: refused`);
  for (const problem of opened.problems) console.error(`  ${problem}`);
  process.exit(1);
}
const pkg = opened.package;
console.log(pkg.summary.text);
console.log("");
console.log(`All ${String(pkg.evidence.length)} evidence digests match their content.`);
console.log("");
// Media bytes are long: the package keeps them; the print shows their size and digest.
console.log(
  JSON.stringify(
    {
      ...pkg,
      evidence: pkg.evidence.map((item) =>
        item.kind === "media" ? { ...item, bytes: `<${String(item.size)} bytes>` } : item,
      ),
    },
    null,
    2,
  ),
);
