// The whole test suite, in a fixed order: typecheck, lint (ESLint + Prettier),
// unit (Vitest), integration (Vitest against the real Synapse), e2e
// (Playwright, Debian's Chromium, real Synapse, built client).
//
//   node tools/run-tests.ts                 all suites
//   node tools/run-tests.ts unit e2e        only these, still in that order
//
// Every suite runs even when an earlier one fails, so one run shows every
// problem. It ends with one line "N passed, N failed, N skipped" adding up all
// suites (typecheck and lint count one check per project and tool), and exits
// non-zero on any failure or on a run that executed no test.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { homeserverCommand, repoRoot } from "./lib/homeserver.ts";

type Counts = { passed: number; failed: number; skipped: number };
type Suite = { name: SuiteName; run: () => Counts };

const SUITE_NAMES = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
type SuiteName = (typeof SUITE_NAMES)[number];

const reportsDir = join(repoRoot, ".local", "reports");
const TYPECHECK_PROJECTS = ["policy-engine", "protocol", "client", "e2e", "tools"];
const usesExternalHomeserver = (process.env["MATRIX_HOMESERVER_URL"] ?? "") !== "";

function banner(text: string): void {
  console.log(`\n━━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}`);
}

/** Runs a command with inherited output; true when it exited 0. */
function run(command: string, args: readonly string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, ...env, FORCE_COLOR: process.env["FORCE_COLOR"] ?? "1" },
  });
  if (result.error) console.error(`could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

const npx = (args: readonly string[], env?: Record<string, string>): boolean =>
  run("npx", args, env);

function check(ok: boolean): Counts {
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

function sum(all: readonly Counts[]): Counts {
  return all.reduce(
    (a, b) => ({
      passed: a.passed + b.passed,
      failed: a.failed + b.failed,
      skipped: a.skipped + b.skipped,
    }),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
}

/** Reads Vitest's JSON report; a missing report means the run itself failed. */
function vitestCounts(reportFile: string, exitedOk: boolean): Counts {
  if (!existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  // A crash outside any test (a failing import, a hook) still fails the suite.
  if (!exitedOk && counts.failed === 0) counts.failed = 1;
  return counts;
}

function vitestProject(project: "unit" | "integration"): Counts {
  const reportFile = join(reportsDir, `${project}.json`);
  rmSync(reportFile, { force: true });
  const ok = npx([
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
  ]);
  return vitestCounts(reportFile, ok);
}

/** Starts the test homeserver from an empty state, unless an external one is used. */
function freshTestHomeserver(): boolean {
  if (usesExternalHomeserver) return true;
  try {
    homeserverCommand("test", "reset");
    homeserverCommand("test", "start");
    return true;
  } catch {
    return false;
  }
}

let homeserverStarted = false;
function ensureHomeserver(): boolean {
  if (homeserverStarted) return true;
  homeserverStarted = freshTestHomeserver();
  return homeserverStarted;
}

const suites: Record<SuiteName, Suite> = {
  typecheck: {
    name: "typecheck",
    run: () =>
      sum(TYPECHECK_PROJECTS.map((project) => check(npx(["tsc", "-p", project, "--noEmit"])))),
  },
  lint: {
    name: "lint",
    run: () =>
      sum([
        check(npx(["eslint", "--max-warnings", "0", "."])),
        check(npx(["prettier", "--check", "."])),
      ]),
  },
  unit: { name: "unit", run: () => vitestProject("unit") },
  integration: {
    name: "integration",
    run: () => (ensureHomeserver() ? vitestProject("integration") : check(false)),
  },
  e2e: {
    name: "e2e",
    run: () => {
      if (!ensureHomeserver()) return check(false);
      // The deployment's public keys (age issuer, moderation team) go into the build.
      const buildEnvironment = JSON.parse(
        execFileSync(
          process.execPath,
          ["--conditions=@safety-by-design/source", "tools/client-env.ts", "test", "--json"],
          { cwd: repoRoot, encoding: "utf8" },
        ),
      ) as Record<string, string>;
      if (!npx(["vite", "build"], buildEnvironment)) return check(false);
      const reportFile = join(reportsDir, "e2e.json");
      rmSync(reportFile, { force: true });
      const ok = run("npx", ["playwright", "test", "--config", "e2e/playwright.config.ts"]);
      if (!existsSync(reportFile)) return check(false);
      const { stats } = JSON.parse(readFileSync(reportFile, "utf8")) as {
        stats: { expected: number; unexpected: number; skipped: number; flaky: number };
      };
      const counts = {
        passed: stats.expected + stats.flaky,
        failed: stats.unexpected,
        skipped: stats.skipped,
      };
      if (!ok && counts.failed === 0) counts.failed = 1;
      return counts;
    },
  },
};

function main(): number {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(SUITE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(", ")}; choose from ${SUITE_NAMES.join(", ")}`);
    return 64;
  }
  const selected = SUITE_NAMES.filter((name) => requested.length === 0 || requested.includes(name));
  mkdirSync(reportsDir, { recursive: true });

  const results: { name: SuiteName; counts: Counts; seconds: number }[] = [];
  try {
    for (const name of selected) {
      banner(name);
      const started = performance.now();
      const counts = suites[name].run();
      results.push({ name, counts, seconds: (performance.now() - started) / 1000 });
    }
  } finally {
    if (homeserverStarted && !usesExternalHomeserver) {
      try {
        homeserverCommand("test", "stop");
      } catch {
        console.error(
          "stopping the test homeserver failed; run: npm run homeserver -- stop (HOMESERVER_INSTANCE=test)",
        );
      }
    }
  }

  banner("summary");
  for (const { name, counts, seconds } of results) {
    const mark = counts.failed > 0 ? "✗" : "✓";
    console.log(
      `${mark} ${name.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped  (${seconds.toFixed(1)} s)`,
    );
  }
  const total = sum(results.map((r) => r.counts));
  const executed = total.passed + total.failed;
  if (executed === 0) console.log("no test was executed");
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed === 0 && executed > 0 ? 0 : 1;
}

process.exitCode = main();
