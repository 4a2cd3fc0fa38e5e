// Bench support: what the browser benchmarks share. Like send-to-render, they
// use the test homeserver (or the one MATRIX_HOMESERVER_URL names) and a
// production build of the client; unlike it, they build into a folder of
// their own and serve it with `vite preview` from there, so they never touch
// the shared client/dist. Everything stays on 127.0.0.1.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startBackground, type BackgroundProcess } from "../../tools/lib/background.ts";
import {
  ensureAccount,
  homeserverCommand,
  repoRoot,
  resolveHomeserver,
  type Homeserver,
  type RegisteredAccount,
} from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { chromiumArgs, chromiumPath } from "../chromium.ts";

export const PHONE = { width: 375, height: 667 } as const;

/** The homeserver of the benches: the test instance, started if need be, or an external one. */
export function benchHomeserver(): Homeserver {
  if ((process.env["MATRIX_HOMESERVER_URL"] ?? "") === "") homeserverCommand("test", "start");
  return resolveHomeserver("test");
}

export function ensureBenchAccount(
  homeserver: Homeserver,
  username: string,
  displayName: string,
): Promise<RegisteredAccount> {
  return ensureAccount(homeserver, { username, password: DEMO_PASSWORD, displayName });
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    spawn(command, args, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...env } }).on(
      "exit",
      (code) => {
        if (code === 0) resolve();
        else reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      },
    );
  });
}

export type ServedClient = {
  readonly url: string;
  /** The build (with its source maps, for profiles). */
  readonly outDir: string;
  readonly stop: () => void;
};

/** Builds the client for this homeserver into a folder of its own and serves it on `port`. */
export async function serveClient(homeserver: Homeserver, port: number): Promise<ServedClient> {
  const outDir = mkdtempSync(join(tmpdir(), "bench-client-"));
  await run("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    VITE_HOMESERVER_URL: homeserver.url,
  });
  const preview: BackgroundProcess = startBackground("npx", [
    "vite",
    "preview",
    "--outDir",
    outDir,
    "--port",
    String(port),
    "--logLevel",
    "error",
  ]);
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch (error) {
      if (attempt > 80) {
        preview.stop();
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    outDir,
    stop: () => {
      preview.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
}

/** A phone-sized page in `context`, its CPU slowed `cpuSlowdown` times (DevTools' CPU throttling). */
export async function phonePage(context: BrowserContext, cpuSlowdown = 1): Promise<Page> {
  const page = await context.newPage();
  if (cpuSlowdown !== 1) {
    const devtools = await context.newCDPSession(page);
    await devtools.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  return page;
}

/**
 * Signs in through the sign-in screen, as a person would, and waits (up to
 * `timeoutMs`: a large account's first sync takes a while) for the chat list,
 * skipping the recovery-key offer on the way.
 */
export async function signInThroughScreen(
  page: Page,
  url: string,
  username: string,
  timeoutMs = 60_000,
): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const chats = page.getByRole("heading", { name: "Gesprekken" });
  const recovery = page.getByRole("heading", { name: /herstelcode|Oude berichten lezen/ });
  await chats.or(recovery).first().waitFor({ timeout: timeoutMs });
  if (await recovery.isVisible()) await page.getByRole("button", { name: "Later" }).click();
  await chats.waitFor({ timeout: timeoutMs });
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Runs `work` in parallel, at most `limit` at a time, in order of `items`. */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
