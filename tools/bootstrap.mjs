// First step of `npm start` and `npm test`. Runs on whatever Node the machine
// has (Node 20 is enough), so it is plain JavaScript with no dependencies.
// It installs what is missing, then hands over to the real command on a Node
// that runs TypeScript directly: the machine's own Node when it is new enough
// (22.18 or newer strips types by default), else the Node 24 binary that the
// `node` npm package put in node_modules/.bin.
//
//   node tools/bootstrap.mjs demo      -> tools/demo.ts
//   node tools/bootstrap.mjs test      -> tools/run-tests.ts
//   node tools/bootstrap.mjs install   only the install step (npm ci when needed)
//
// npm 12 runs a dependency's install script only when package.json's
// `allowScripts` allows it; the `node` package needs its preinstall to fetch
// its binary, so package.json allows exactly that one.

import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const targets = { demo: "tools/demo.ts", test: "tools/run-tests.ts" };
const [target, ...rest] = process.argv.slice(2);

const lockFile = join(repoRoot, "package-lock.json");
const nodeModules = join(repoRoot, "node_modules");
const packageNode = join(nodeModules, ".bin", "node");
// What the last successful install was made from: the lockfile's SHA-256.
const stampFile = join(nodeModules, ".sbd-install-stamp");
// The oldest Node that runs the project's .ts files without flags.
const MINIMUM_SYSTEM_NODE = [22, 18, 0];

function say(message) {
  console.log(`[setup] ${message}`);
}

function fail(message) {
  console.error(`[setup] ${message}`);
  process.exit(1);
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

function versionAtLeast(version, minimum) {
  const parts = version.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < minimum.length; i += 1) {
    const part = parts[i] ?? 0;
    if (part !== minimum[i]) return part > minimum[i];
  }
  return true;
}

// The machine's Node when it can run the project (SBD_NODE=package forces the
// `node` package's binary, SBD_NODE=system the machine's).
function systemNodeUsable() {
  const choice = process.env.SBD_NODE ?? "";
  if (choice === "package") return false;
  if (choice === "system") return true;
  return versionAtLeast(process.versions.node, MINIMUM_SYSTEM_NODE);
}

function lockHash() {
  if (!existsSync(lockFile)) return "no-lockfile";
  return createHash("sha256").update(readFileSync(lockFile)).digest("hex");
}

/** Why node_modules must be (re)installed, or undefined when it is up to date. */
function installReason(useSystemNode) {
  if (!existsSync(nodeModules)) return "first run";
  if (!useSystemNode && !existsSync(packageNode)) return "node_modules/.bin/node is missing";
  if (existsSync(stampFile)) {
    return readFileSync(stampFile, "utf8").trim() === lockHash()
      ? undefined
      : "package-lock.json changed since the last install";
  }
  // Installed before the stamp existed: npm's own record of that install
  // (node_modules/.package-lock.json) tells whether the lockfile is newer.
  const npmRecord = join(nodeModules, ".package-lock.json");
  if (
    existsSync(lockFile) &&
    (!existsSync(npmRecord) || statSync(lockFile).mtimeMs > statSync(npmRecord).mtimeMs)
  ) {
    return "package-lock.json is newer than the installed packages";
  }
  writeFileSync(stampFile, `${lockHash()}\n`);
  return undefined;
}

/** npm packages; returns the Node binary to hand over to. */
function ensureNodeModules() {
  const useSystemNode = systemNodeUsable();
  const reason = installReason(useSystemNode);
  if (reason !== undefined) {
    say(`installing npm packages (${reason})`);
    const install = existsSync(lockFile) ? ["ci"] : ["install"];
    // Playwright may not download a browser here: the tests use Debian's Chromium.
    runOrExit("npm", install, { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" });
    writeFileSync(stampFile, `${lockHash()}\n`);
  }
  if (useSystemNode) return process.execPath;
  if (!existsSync(packageNode)) {
    fail(
      `This Node (${process.version}) is older than ${MINIMUM_SYSTEM_NODE.join(".")} and ` +
        "node_modules/.bin/node is missing after the install: npm did not run the 'node' " +
        "package's install script. package.json allows it (allowScripts); check that npm's " +
        "ignore-scripts setting is off, then run 'npm rebuild node', or install Node 22.18 or newer.",
    );
  }
  return packageNode;
}

/**
 * Chromium for the browser tests, as tools/homeserver/lib.sh's chromium_plan
 * decides: a usable one already there, Debian's package (Debian, as root), or
 * Debian's Chromium in its own root filesystem where the machine's Chromium is
 * a snap stub (Ubuntu) or cannot be installed. Returns the CHROMIUM_PATH.
 */
function ensureChromium() {
  const plan = () =>
    spawnSync("bash", ["-c", ". tools/homeserver/lib.sh && chromium_plan"], {
      cwd: repoRoot,
      encoding: "utf8",
    }).stdout.trim();
  let decision = plan();
  if (decision === "apt") {
    say("installing Chromium from Debian's archive (first run)");
    runOrExit("apt-get", ["update", "-qq"]);
    runOrExit("apt-get", ["install", "-y", "-qq", "chromium"], {
      DEBIAN_FRONTEND: "noninteractive",
    });
    decision = plan();
  }
  if (decision === "rootfs") {
    say(
      "this machine's Chromium is a snap or missing: using Debian's Chromium in its own root filesystem",
    );
    runOrExit("bash", ["tools/homeserver/chromium.sh", "build"]);
    return join(repoRoot, "tools", "homeserver", "chromium-launch");
  }
  if (decision.startsWith("path ")) return decision.slice("path ".length);
  fail(
    "The browser tests need Chromium. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.",
  );
}

const usage = `usage: node tools/bootstrap.mjs ${[...Object.keys(targets), "install"].join("|")} [args]`;
if (target === "--help" || target === "-h") {
  console.log(usage);
  process.exit(0);
}
if (target === "install") {
  const node = ensureNodeModules();
  say(
    `npm packages up to date; the project runs on ${node === process.execPath ? `this machine's Node ${process.version}` : "Node from the 'node' package"}`,
  );
  process.exit(0);
}
if (!(target in targets)) {
  console.error(usage);
  process.exit(64);
}
const node = ensureNodeModules();
const chromium = target === "test" ? { CHROMIUM_PATH: ensureChromium() } : {};

// Hand over; pass Ctrl-C through so the demo can stop its homeserver cleanly.
// The condition makes Node resolve the workspace packages (@safety-by-design/*)
// to their TypeScript source, as .npmrc does for processes npm starts: this
// one may have been started without npm.
const sourceCondition = "--conditions=@safety-by-design/source";
const child = spawn(node, [sourceCondition, join(repoRoot, targets[target]), ...rest], {
  cwd: repoRoot,
  stdio: "inherit",
  env: {
    ...process.env,
    ...chromium,
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
