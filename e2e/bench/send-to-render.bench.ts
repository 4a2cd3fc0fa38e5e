// Benchmark: from Noor pressing "send" to the message appearing on Lotte's
// screen, over the real homeserver, in two real Chromium pages. 50 messages,
// one at a time. Both timestamps are taken inside the pages (a submit
// listener on Noor's side, a MutationObserver on Lotte's), on one machine
// clock, so Playwright's own polling does not inflate the figure.
//
//   BENCH send-to-render-p95 <ms> ms     (target: at most 300 on loopback)

import { spawn } from "node:child_process";
import { chromium, type Page } from "@playwright/test";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { startBackground } from "../../tools/lib/background.ts";
import { homeserverCommand, repoRoot, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { seedPersonaAccounts } from "../../tools/lib/seed.ts";
import { chromiumPath, chromiumArgs } from "../chromium.ts";
import { skipRecoveryOffer } from "../support/personas.ts";

const MESSAGES = 50;
const PORT = 4175;
const external = (process.env["MATRIX_HOMESERVER_URL"] ?? "") !== "";

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

async function signInAndOpenChat(page: Page, username: string, other: string): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await skipRecoveryOffer(page);
  await page.getByRole("button", { name: new RegExp(other) }).click();
  await page.getByRole("textbox", { name: "Bericht" }).waitFor();
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

if (!external) homeserverCommand("test", "start");
const homeserver = resolveHomeserver("test");
await seedPersonaAccounts(homeserver);
await ensureDirectChat(
  homeserver,
  { username: "noor", password: DEMO_PASSWORD },
  { username: "lotte", password: DEMO_PASSWORD },
);
await run("npx", ["vite", "build", "--logLevel", "error"], { VITE_HOMESERVER_URL: homeserver.url });
const preview = startBackground("npx", [
  "vite",
  "preview",
  "--port",
  String(PORT),
  "--logLevel",
  "error",
]);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
try {
  const viewport = { width: 375, height: 667 };
  const noor = await (await browser.newContext({ viewport })).newPage();
  const lotte = await (await browser.newContext({ viewport })).newPage();
  for (let attempt = 0; ; attempt++) {
    try {
      await noor.goto(`http://127.0.0.1:${PORT}/`);
      break;
    } catch (error) {
      if (attempt > 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await signInAndOpenChat(noor, "noor", "Lotte");
  await signInAndOpenChat(lotte, "lotte", "Noor");

  await noor.evaluate(() => {
    const sent: Record<string, number> = {};
    Object.assign(window, { sentAt: sent });
    document.querySelector("form.composer")?.addEventListener(
      "submit",
      () => {
        const input = document.querySelector<HTMLInputElement>("form.composer input");
        if (input) sent[input.value] = Date.now();
      },
      { capture: true },
    );
  });
  await lotte.evaluate(() => {
    const seen: Record<string, number> = {};
    Object.assign(window, { seenAt: seen });
    new MutationObserver(() => {
      for (const body of document.querySelectorAll(".message-body")) {
        const text = body.textContent;
        if (text.startsWith("bench-") && !(text in seen)) seen[text] = Date.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  const latencies: number[] = [];
  const runId = Date.now().toString(36);
  for (let i = 0; i < MESSAGES; i++) {
    const text = `bench-${runId}-${i}`;
    await noor.getByRole("textbox", { name: "Bericht" }).fill(text);
    await noor.keyboard.press("Enter");
    await lotte.waitForFunction(
      (t) => t in (window as unknown as { seenAt: Record<string, number> }).seenAt,
      text,
    );
    const sentAt = await noor.evaluate(
      (t) => (window as unknown as { sentAt: Record<string, number> }).sentAt[t],
      text,
    );
    const seenAt = await lotte.evaluate(
      (t) => (window as unknown as { seenAt: Record<string, number> }).seenAt[t],
      text,
    );
    if (sentAt === undefined || seenAt === undefined) throw new Error(`no timing for ${text}`);
    latencies.push(seenAt - sentAt);
  }
  console.log(`BENCH send-to-render-p50 ${percentile(latencies, 50)} ms`);
  console.log(`BENCH send-to-render-p95 ${percentile(latencies, 95)} ms`);
} finally {
  await browser.close();
  preview.stop();
}
