// Tooling (Node only): tools/bootstrap.mjs's install step under npm 12, which
// runs a dependency's install script only when package.json's `allowScripts`
// allows it. npm 12 is installed from the registry into a scratch prefix; the
// bootstrap runs, as a copy, in a scratch project that has the real
// package.json's `allowScripts`, engines and locked `node` package, with npm's
// defaults (no user config, no npm_config_* from the process that runs this).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./lib/homeserver.ts";

type RootPackage = { allowScripts?: Record<string, boolean>; engines?: Record<string, string> };
type Lockfile = { packages: Record<string, { version?: string; hasInstallScript?: boolean }> };

const rootPackage = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as RootPackage;
const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as Lockfile;
const lockedNode = lock.packages["node_modules/node"]?.version;

// npm's settings from the environment of the process that runs this test.
const cleanEnvironment = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
);

const scratch = mkdtempSync(join(tmpdir(), "sbd-npm12-"));
const npm12Prefix = join(scratch, "npm12");
const emptyUserConfig = join(scratch, "npmrc");

function npm12Environment(): Record<string, string | undefined> {
  return {
    ...cleanEnvironment,
    PATH: `${join(npm12Prefix, "bin")}:${process.env["PATH"] ?? ""}`,
    npm_config_userconfig: emptyUserConfig,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
}

/** A project with the real package.json's install policy, and a lockfile npm 12 made. */
function makeProject(name: string, allowScripts: Record<string, boolean> | undefined): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, "tools"), { recursive: true });
  copyFileSync(join(repoRoot, "tools", "bootstrap.mjs"), join(dir, "tools", "bootstrap.mjs"));
  const pkg = {
    name: `sbd-bootstrap-${name}`,
    version: "0.0.0",
    private: true,
    type: "module",
    engines: rootPackage.engines,
    devDependencies: { node: lockedNode },
    ...(allowScripts === undefined ? {} : { allowScripts }),
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  execFileSync("npm", ["install", "--package-lock-only"], {
    cwd: dir,
    env: npm12Environment(),
    stdio: "pipe",
  });
  return dir;
}

/**
 * Runs the bootstrap's install step on this Node (24). SBD_NODE=package makes
 * it need the `node` package's binary, as on a machine whose Node is too old.
 */
function bootstrapInstall(
  dir: string,
  node: "package" | "default" = "package",
): { status: number | null; output: string } {
  const choice = node === "package" ? { SBD_NODE: "package" } : {};
  const result = spawnSync(process.execPath, [join(dir, "tools", "bootstrap.mjs"), "install"], {
    cwd: dir,
    env: { ...npm12Environment(), ...choice },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function registryAnswers(): boolean {
  return (
    spawnSync("npm", ["view", "npm@12", "version"], {
      env: cleanEnvironment,
      stdio: "ignore",
      timeout: 60_000,
    }).status === 0
  );
}

// Skipped, and named so in the report, only where the registry does not answer.
const online = registryAnswers();

describe.skipIf(!online)("tools/bootstrap.mjs install with npm 12 (needs the npm registry)", () => {
  beforeAll(() => {
    writeFileSync(emptyUserConfig, "");
    execFileSync("npm", ["install", "--global", "--prefix", npm12Prefix, "npm@12"], {
      env: { ...cleanEnvironment, npm_config_userconfig: emptyUserConfig },
      stdio: "pipe",
    });
    const version = execFileSync("npm", ["--version"], { env: npm12Environment() }).toString();
    expect(version.trim()).toMatch(/^12\./);
  }, 180_000);

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it("package.json allows the `node` package's install script and nothing else", () => {
    expect(lockedNode).toMatch(/^24\./);
    expect(rootPackage.allowScripts).toEqual({ node: true });
    // A new dependency with an install script must be weighed and allowed here.
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts).toEqual(["node"]);
  });

  it("installs Node 24 from the `node` package, then reinstalls only when the lockfile changes", () => {
    const dir = makeProject("allowed", rootPackage.allowScripts);
    const first = bootstrapInstall(dir);
    expect(first.output).toContain("installing npm packages (first run)");
    expect(first.status).toBe(0);
    const version = execFileSync(join(dir, "node_modules", ".bin", "node"), ["--version"]);
    expect(version.toString().trim()).toBe(`v${lockedNode}`);

    const again = bootstrapInstall(dir);
    expect(again.status).toBe(0);
    expect(again.output).not.toContain("installing npm packages");

    // A `git pull` that brings another lockfile.
    const lockPath = join(dir, "package-lock.json");
    const changed = JSON.parse(readFileSync(lockPath, "utf8")) as { name: string };
    changed.name = `${changed.name}-pulled`;
    writeFileSync(lockPath, `${JSON.stringify(changed, null, 2)}\n`);
    const afterPull = bootstrapInstall(dir);
    expect(afterPull.output).toContain("package-lock.json changed since the last install");
    expect(afterPull.status).toBe(0);

    // A machine whose own Node is new enough runs the project on it.
    const onSystemNode = bootstrapInstall(dir, "default");
    expect(onSystemNode.status).toBe(0);
    expect(onSystemNode.output).toContain(`this machine's Node ${process.version}`);
  }, 300_000);

  it("without allowScripts npm 12 skips the script, and the bootstrap says what to do", () => {
    const dir = makeProject("blocked", undefined);
    const result = bootstrapInstall(dir);
    expect(result.status).toBe(1);
    expect(result.output).toContain("node_modules/.bin/node is missing after the install");
    expect(result.output).toContain("allowScripts");
  }, 300_000);
});
