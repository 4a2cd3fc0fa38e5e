// The whole test suite: typecheck, lint (ESLint + Prettier), unit (Vitest),
// integration (Vitest against the real Synapse), e2e (Playwright, Debian's
// Chromium, real Synapse, built client).
// (Over 400 lines: the suites, their halves on their own homeserver instances and the lanes are one
// runner; each part is a short function, and splitting them apart would scatter one run's order.)
//
//   node tools/run-tests.ts                 all suites
//   node tools/run-tests.ts unit e2e        only these
//
// Two lanes run side by side, because the real-stack suites spend most of
// their time waiting on sync, not on the CPU: the e2e suite, and everything
// else in order (typecheck, lint, unit, integration). Each real-stack suite
// runs in two halves side by side, each half on a homeserver instance of its
// own: e2e on `test` and `test-b` (tools/lib/e2eHalves.ts), integration on
// `integration` and `integration-b` (tools/lib/integrationHalves.ts). Each
// half's output is kept in .local/reports/<suite>-<instance>.log and printed,
// half after half, when both end; the e2e lane's in .local/reports/e2e.log,
// printed in one piece when it ends, so the log stays readable. Against an
// external homeserver (MATRIX_HOMESERVER_URL) the lanes run one after the
// other and each suite runs whole, once: everything would share it.
//
// Every suite runs even when an earlier one fails, so one run shows every
// problem. It ends with one line "N passed, N failed, N skipped" adding up all
// suites (typecheck and lint count one check per project and tool), and exits
// non-zero on any failure or on a run that executed no test.

import { execFileSync, spawn } from "node:child_process";
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { join } from "node:path";
import { E2E_CLIENT_DIST, E2E_INSTANCES, type E2eInstance } from "./lib/e2eHalves.ts";
import { homeserverCommand, repoRoot, type HomeserverInstance } from "./lib/homeserver.ts";
import {
  INTEGRATION_INSTANCES,
  integrationHalfFiles,
  type IntegrationInstance,
} from "./lib/integrationHalves.ts";

type Counts = { passed: number; failed: number; skipped: number };

const SUITE_NAMES = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
type SuiteName = (typeof SUITE_NAMES)[number];

/** Where a suite's output goes: the terminal, or a log file printed when the suite ends. */
type Output = { readonly logFile: string | undefined };
type Suite = (output: Output) => Promise<Counts>;
/** Which half of a suite a run is (1 of 2, 2 of 2); absent when the suite runs whole. */
type Half = { readonly index: number; readonly count: number };

const reportsDir = join(repoRoot, ".local", "reports");
const TYPECHECK_PROJECTS = ["policy-engine", "protocol", "client", "e2e", "tools"];
const usesExternalHomeserver = (process.env["MATRIX_HOMESERVER_URL"] ?? "") !== "";

function banner(text: string): void {
  console.log(`\n━━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}`);
}

/**
 * Colours only where a person watches the output live (unless they set
 * NO_COLOR). A log gets NO_COLOR and no FORCE_COLOR: Vitest colours whenever
 * FORCE_COLOR is set, even to 0. Playwright is the other way round: it sets
 * FORCE_COLOR for the processes it starts, and Node then warns in every one
 * that NO_COLOR is ignored; it gets FORCE_COLOR=0, which it honours.
 */
function withColours(
  live: boolean,
  env: NodeJS.ProcessEnv,
  tool: string | undefined,
): NodeJS.ProcessEnv {
  const { FORCE_COLOR: forceColour, NO_COLOR: noColour, ...rest } = env;
  if (!live)
    return tool === "playwright" ? { ...rest, FORCE_COLOR: "0" } : { ...rest, NO_COLOR: "1" };
  return noColour === undefined ? { ...rest, FORCE_COLOR: forceColour ?? "1" } : env;
}

/** Runs a command to the suite's output; true when it exited 0. */
function run(
  output: Output,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<boolean> {
  const log = output.logFile === undefined ? undefined : openSync(output.logFile, "a");
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: log === undefined ? "inherit" : ["ignore", log, log],
      env: withColours(log === undefined, { ...process.env, ...env }, args[0]),
    });
    let finished = false;
    // "error" and "exit" can both arrive for one child: answer once.
    const finish = (ok: boolean) => {
      if (finished) return;
      finished = true;
      if (log !== undefined) closeSync(log);
      resolve(ok);
    };
    child.on("error", (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      finish(false);
    });
    child.on("exit", (code) => {
      finish(code === 0);
    });
  });
}

const npx = (output: Output, args: readonly string[], env?: Record<string, string>) =>
  run(output, "npx", args, env);

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

/** Runs a Vitest project (`files`: file filters, --exclude) into .local/reports/<report>.json. */
async function vitestProject(
  output: Output,
  project: "unit" | "integration",
  report: string,
  files: readonly string[] = [],
  env?: Record<string, string>,
): Promise<Counts> {
  const reportFile = join(reportsDir, `${report}.json`);
  rmSync(reportFile, { force: true });
  const ok = await npx(
    output,
    [
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportFile}`,
      ...files,
    ],
    env,
  );
  return vitestCounts(reportFile, ok);
}

/** The local instances this run started, stopped at the end. */
const startedInstances = new Set<HomeserverInstance>();

/** Starts a homeserver instance from an empty state, unless an external one is used. */
function freshHomeserver(instance: HomeserverInstance): boolean {
  if (usesExternalHomeserver) return true;
  if (startedInstances.has(instance)) return true;
  try {
    homeserverCommand(instance, "reset");
    homeserverCommand(instance, "start");
    startedInstances.add(instance);
    return true;
  } catch {
    return false;
  }
}

/** One half's client: the deployment's public keys (age issuer, moderation team) go into the build. */
async function buildClientFor(output: Output, instance: E2eInstance): Promise<boolean> {
  const buildEnvironment = JSON.parse(
    execFileSync(
      process.execPath,
      ["--conditions=@safety-by-design/source", "tools/client-env.ts", instance, "--json"],
      { cwd: repoRoot, encoding: "utf8" },
    ),
  ) as Record<string, string>;
  return npx(output, ["vite", "build", "--outDir", E2E_CLIENT_DIST[instance]], buildEnvironment);
}

/** Writes to the suite's output: the terminal, or its log. */
function print(output: Output, text: string): void {
  if (output.logFile === undefined) process.stdout.write(text);
  else appendFileSync(output.logFile, text);
}

/**
 * The instances a real-stack suite's halves run on; against an external
 * homeserver only the first, as the whole suite: the halves would share it.
 */
function halvesToRun<Instance extends HomeserverInstance>(
  instances: readonly Instance[],
): readonly Instance[] {
  return usesExternalHomeserver ? instances.slice(0, 1) : instances;
}

/**
 * Runs a real-stack suite's halves side by side, one per homeserver instance
 * (each started fresh beforehand): the suites spend most of their time waiting
 * on sync, so two halves finish in little more than half the time. Each half's
 * output is kept in .local/reports/<suite>-<instance>.log and printed in order
 * when all have ended; the counts are added up. One instance runs the whole
 * suite straight to the suite's output.
 */
async function sideBySide<Instance extends HomeserverInstance>(
  output: Output,
  suite: "e2e" | "integration",
  instances: readonly Instance[],
  runHalf: (output: Output, instance: Instance, half: Half | undefined) => Promise<Counts>,
): Promise<Counts> {
  const [only] = instances;
  if (instances.length === 1 && only !== undefined) return runHalf(output, only, undefined);
  const count = instances.length;
  const logs = instances.map((instance) => join(reportsDir, `${suite}-${instance}.log`));
  for (const log of logs) rmSync(log, { force: true });
  print(
    output,
    `${suite} runs in ${String(count)} halves side by side (homeserver instances ${instances.join(", ")}); their output follows when all end.\n`,
  );
  const counts = await Promise.all(
    instances.map((instance, index) =>
      runHalf({ logFile: logs[index] }, instance, { index: index + 1, count }),
    ),
  );
  for (const [index, instance] of instances.entries()) {
    const log = logs[index] ?? "";
    print(
      output,
      `\n── ${suite} half ${String(index + 1)} of ${String(count)} (homeserver instance ${instance}) ──\n${
        existsSync(log) ? readFileSync(log, "utf8") : ""
      }`,
    );
  }
  return sum(counts);
}

/** Runs one half (or, against an external homeserver, the whole suite) and reads its JSON report. */
async function e2eHalf(
  output: Output,
  instance: E2eInstance,
  half: Half | undefined,
): Promise<Counts> {
  const reportFile = join(reportsDir, `e2e-${instance}.json`);
  rmSync(reportFile, { force: true });
  const args = ["playwright", "test", "--config", "e2e/playwright.config.ts"];
  if (half !== undefined) args.push(`--shard=${String(half.index)}/${String(half.count)}`);
  const ok = await npx(output, args, { SBD_E2E_INSTANCE: instance });
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
}

/**
 * The e2e suite in two halves side by side (Playwright's --shard), each on its
 * own homeserver instance, services and client build (tools/lib/e2eHalves.ts).
 * The builds go one after the other (they are CPU-bound).
 */
async function e2eSuite(output: Output): Promise<Counts> {
  const halves = halvesToRun(E2E_INSTANCES);
  for (const instance of halves) {
    if (!freshHomeserver(instance)) return check(false);
    if (!(await buildClientFor(output, instance))) return check(false);
  }
  return sideBySide(output, "e2e", halves, e2eHalf);
}

/** Runs one half's files (or, against an external homeserver, the whole suite). */
function integrationHalf(
  output: Output,
  instance: IntegrationInstance,
  half: Half | undefined,
): Promise<Counts> {
  return vitestProject(
    output,
    "integration",
    `integration-${instance}`,
    half === undefined ? [] : integrationHalfFiles(instance),
    { SBD_TEST_HOMESERVER_INSTANCE: instance },
  );
}

/**
 * The integration suite in two halves side by side, each on its own homeserver
 * instance (tools/lib/integrationHalves.ts says which files run where); within
 * a half the files run one at a time, as they share its homeserver.
 */
async function integrationSuite(output: Output): Promise<Counts> {
  const halves = halvesToRun(INTEGRATION_INSTANCES);
  for (const instance of halves) {
    if (!freshHomeserver(instance)) return check(false);
  }
  return sideBySide(output, "integration", halves, integrationHalf);
}

const suites: Record<SuiteName, Suite> = {
  typecheck: async (output) =>
    sum(
      await sequence(TYPECHECK_PROJECTS, async (project) =>
        check(await npx(output, ["tsc", "-p", project, "--noEmit"])),
      ),
    ),
  lint: async (output) =>
    sum([
      check(await npx(output, ["eslint", "--max-warnings", "0", "."])),
      check(await npx(output, ["prettier", "--check", "."])),
    ]),
  unit: (output) => vitestProject(output, "unit", "unit"),
  integration: integrationSuite,
  e2e: e2eSuite,
};

/** Runs one item after another (the CPU-heavy steps never compete with each other). */
async function sequence<T, R>(items: readonly T[], step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await step(item));
  return results;
}

type Result = { name: SuiteName; counts: Counts; seconds: number };

/** Runs a lane's suites in order; `buffered` lanes print each suite's output when it ends. */
async function runLane(names: readonly SuiteName[], buffered: boolean): Promise<Result[]> {
  return sequence(names, async (name) => {
    const logFile = buffered ? join(reportsDir, `${name}.log`) : undefined;
    if (logFile === undefined) banner(name);
    else rmSync(logFile, { force: true });
    const started = performance.now();
    const counts = await suites[name]({ logFile });
    const seconds = (performance.now() - started) / 1000;
    if (logFile !== undefined) {
      banner(`${name} (ran beside the other suites; its whole output)`);
      process.stdout.write(existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
    }
    return { name, counts, seconds };
  });
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(SUITE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(", ")}; choose from ${SUITE_NAMES.join(", ")}`);
    return 64;
  }
  const selected = SUITE_NAMES.filter((name) => requested.length === 0 || requested.includes(name));
  mkdirSync(reportsDir, { recursive: true });

  const besideLane = selected.filter((name) => name === "e2e");
  const mainLane = selected.filter((name) => name !== "e2e");
  let results: Result[];
  try {
    if (usesExternalHomeserver || besideLane.length === 0 || mainLane.length === 0) {
      results = await runLane([...mainLane, ...besideLane], false);
    } else {
      console.log(`e2e runs beside ${mainLane.join(", ")}; its output follows when it ends.`);
      const [main, beside] = await Promise.all([
        runLane(mainLane, false),
        runLane(besideLane, true),
      ]);
      results = [...main, ...beside];
    }
  } finally {
    for (const instance of startedInstances) {
      try {
        homeserverCommand(instance, "stop");
      } catch {
        console.error(
          `stopping a homeserver failed; run: HOMESERVER_INSTANCE=${instance} npm run homeserver -- stop`,
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

process.exitCode = await main();
