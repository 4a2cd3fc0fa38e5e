// Benchmark: how much JavaScript the sign-in screen needs (gzipped). Builds
// the client into a folder of its own (so it neither needs nor disturbs the
// shared client/dist), then follows index.html's entry script and its
// modulepreload links: the chunks a browser fetches before first paint. What
// loads with a dynamic import() is not counted: the SDK and the crypto WASM
// after sign-in, with the session's screens and their words (i18n.ts areas);
// the English copy when chosen; the study log and the full pack catalogue
// right after first paint. The first paint's modules are one chunk ("shell",
// vite.config.ts).
//
//   BENCH client-initial-js-gzip <KiB> KiB     (target: at most 120)
//
// With --modules it also lists the largest modules of those chunks (gzipped
// on their own, so the figures add up to more than the total): where to cut.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "../../tools/lib/homeserver.ts";
import { modulesOfChunk } from "./chunkModules.ts";

const listModules = process.argv.includes("--modules");
const dist = mkdtempSync(join(tmpdir(), "initial-js-"));
try {
  execFileSync(
    "npx",
    ["vite", "build", "--outDir", dist, "--emptyOutDir", "--sourcemap", "--logLevel", "error"],
    { cwd: repoRoot, stdio: "inherit" },
  );
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const initialScripts = [
    ...new Set(
      [
        ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
        ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
      ].map((match) => (match[1] ?? "").replace(/^\//, "")),
    ),
  ];
  if (initialScripts.length === 0) throw new Error("no entry script found in index.html");

  const gzippedBytes = initialScripts
    .map((file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  console.log(`BENCH client-initial-js-gzip ${(gzippedBytes / 1024).toFixed(1)} KiB`);

  if (listModules) {
    const modules = initialScripts
      .flatMap((file) => modulesOfChunk(join(dist, file)))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    for (const module of modules.slice(0, Number(process.env["BENCH_MODULES"] ?? 40))) {
      console.log(`${(module.gzipBytes / 1024).toFixed(1).padStart(6)} KiB  ${module.source}`);
    }
  }
} finally {
  rmSync(dist, { recursive: true, force: true });
}
