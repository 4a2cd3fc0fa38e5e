// First step of `npm start` and `npm test`. Runs on whatever Node the machine
// has (Node 20 is enough), so it is plain JavaScript with no dependencies.
// It installs what is missing, then hands over to the real command on the
// Node 24 binary that the `node` npm package put in node_modules/.bin.
//
//   node tools/bootstrap.mjs demo   -> tools/demo.ts
//   node tools/bootstrap.mjs test   -> tools/run-tests.ts

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const targets = { demo: "tools/demo.ts", test: "tools/run-tests.ts" };
const [target, ...rest] = process.argv.slice(2);

function say(message) {
  console.log(`[setup] ${message}`);
}

function runOrExit(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(
      `[setup] '${command} ${args.join(" ")}' failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** npm packages, including the Node 24 binary the project runs on. */
function ensureNodeModules() {
  const node24 = join(repoRoot, "node_modules", ".bin", "node");
  if (existsSync(node24)) return node24;
  say("installing npm packages (first run)");
  const install = existsSync(join(repoRoot, "package-lock.json")) ? ["ci"] : ["install"];
  // Playwright may not download a browser here: the tests use Debian's Chromium.
  runOrExit("npm", install, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" });
  if (!existsSync(node24)) {
    console.error(
      "[setup] node_modules/.bin/node is missing after install; the project needs Node 24 from the 'node' npm package.",
    );
    process.exit(1);
  }
  return node24;
}

/** Debian's Chromium, for the browser tests. */
function ensureChromium() {
  if (process.env.CHROMIUM_PATH || has("chromium") || has("chromium-browser")) return;
  if (!isRoot || !has("apt-get")) {
    console.error(
      "[setup] The browser tests need Chromium. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
  say("installing Chromium from Debian's archive (first run)");
  runOrExit("apt-get", ["update", "-qq"]);
  runOrExit("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
}

const usage = `usage: node tools/bootstrap.mjs ${Object.keys(targets).join("|")} [args]`;
if (target === "--help" || target === "-h") {
  console.log(usage);
  process.exit(0);
}
if (!(target in targets)) {
  console.error(usage);
  process.exit(64);
}
const node24 = ensureNodeModules();
if (target === "test") ensureChromium();

// Hand over; pass Ctrl-C through so the demo can stop its homeserver cleanly.
// The condition makes Node resolve the workspace packages (@safety-by-design/*)
// to their TypeScript source, as .npmrc does for processes npm starts: this
// one may have been started without npm.
const sourceCondition = "--conditions=@safety-by-design/source";
const child = spawn(node24, [sourceCondition, join(repoRoot, targets[target]), ...rest], {
  cwd: repoRoot,
  stdio: "inherit",
  env: {
    ...process.env,
    PATH: `${join(repoRoot, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
