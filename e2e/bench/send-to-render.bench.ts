// Benchmark: from Noor pressing "send" to the message appearing on Lotte's
// screen, over the real homeserver, in two real Chromium pages. 50 messages,
// one at a time. Both timestamps are taken inside the pages (a submit
// listener on Noor's side, a MutationObserver on Lotte's), on one machine
// clock, so Playwright's own polling does not inflate the figure. The client
// is built into a folder of its own and served from there (support.ts).
//
//   BENCH send-to-render-p95 <ms> ms     (target: at most 300 on loopback)

import type { Page } from "@playwright/test";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { seedPersonaAccounts } from "../../tools/lib/seed.ts";
import { skipRecoveryOffer } from "../support/personas.ts";
import { benchHomeserver, launchChromium, percentile, serveClient } from "./support.ts";

const MESSAGES = 50;
const PORT = 4175;

async function signInAndOpenChat(page: Page, username: string, other: string): Promise<void> {
  await page.goto(client.url);
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await skipRecoveryOffer(page);
  await page.getByRole("button", { name: new RegExp(other) }).click();
  await page.getByRole("textbox", { name: "Bericht" }).waitFor();
}

const homeserver = benchHomeserver();
await seedPersonaAccounts(homeserver);
await ensureDirectChat(
  homeserver,
  { username: "noor", password: DEMO_PASSWORD },
  { username: "lotte", password: DEMO_PASSWORD },
);
const client = await serveClient(homeserver, PORT);
const browser = await launchChromium();
try {
  const viewport = { width: 375, height: 667 };
  const noor = await (await browser.newContext({ viewport })).newPage();
  const lotte = await (await browser.newContext({ viewport })).newPage();
  await signInAndOpenChat(noor, "noor", "Lotte");
  await signInAndOpenChat(lotte, "lotte", "Noor");

  await noor.evaluate(() => {
    const sent: Record<string, number> = {};
    Object.assign(window, { sentAt: sent });
    document.querySelector("form.composer")?.addEventListener(
      "submit",
      () => {
        // The composer's text box (a textarea; its form also holds the attachment picker's input).
        const box = document.querySelector<HTMLTextAreaElement>("form.composer textarea");
        if (box) sent[box.value] = Date.now();
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
    // Tapped, as on a phone: the form's submit is the moment noted (Enter sends without one).
    await noor.getByRole("button", { name: "Versturen" }).click();
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
  client.stop();
}
// The direct chat's Node sessions leave the SDK's timers behind after signing out.
process.exit(0);
