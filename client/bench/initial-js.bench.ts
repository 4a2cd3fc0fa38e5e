// Benchmark: how much JavaScript the sign-in screen needs (gzipped). Builds
// the client, then follows index.html's entry script and its modulepreload
// links: the chunks a browser fetches before first paint. The SDK and the
// crypto WASM are loaded later, with a dynamic import, and are not counted.
//
//   BENCH client-initial-js-gzip <KiB> KiB     (target: at most 250)

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "../../tools/lib/homeserver.ts";

execFileSync("npx", ["vite", "build", "--logLevel", "error"], { cwd: repoRoot, stdio: "inherit" });
const dist = join(repoRoot, "client", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const initialScripts = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((match) => match[1] ?? "");
if (initialScripts.length === 0) throw new Error("no entry script found in client/dist/index.html");

const gzippedBytes = [...new Set(initialScripts)]
  .map((src) => gzipSync(readFileSync(join(dist, src.replace(/^\//, ""))), { level: 9 }).length)
  .reduce((a, b) => a + b, 0);
console.log(`BENCH client-initial-js-gzip ${(gzippedBytes / 1024).toFixed(1)} KiB`);
