// Benchmark: a 5 MB phone photo from the moment Noor picks it to the moment
// it is drawn on Lotte's screen, over the real homeserver, in two real
// Chromium pages at phone size. Each run: Noor picks the JPEG (the
// paperclip's file input), taps "Versturen" in the preview; her phone draws
// the photo again (no location), makes the preview, encrypts both and
// uploads them, then sends the event; Lotte's device downloads the preview,
// checks and decrypts it and draws it. Both timestamps are taken inside the
// pages (the input's change event on Noor's side, the first frame in which
// the picture is drawn on Lotte's), on one machine clock. A text message goes
// first, so the room key is shared before the clock runs (as in a chat that
// is already going).
//
//   BENCH media-send-pick-to-render-p50 <ms> ms
//   BENCH media-send-pick-to-render-p95 <ms> ms   (target: at most 1500 on loopback)

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { seedPersonaAccounts } from "../../tools/lib/seed.ts";
import {
  PHONE,
  benchHomeserver,
  launchChromium,
  percentile,
  serveClient,
  signInThroughScreen,
} from "./support.ts";

const RUNS = 20;
const PORT = 4179;
const TARGET_BYTES = 5 * 1024 * 1024;

/** A photo-like JPEG of about 5 MB (noise over a gradient: it compresses as a real photo does). */
async function fiveMegabyteJpeg(page: Page): Promise<Buffer> {
  for (const quality of [0.97, 0.95, 0.92, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5]) {
    const base64 = await page.evaluate(async (q) => {
      const width = 3000;
      const height = 2250;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      if (context === null) throw new Error("no canvas");
      const pixels = context.createImageData(width, height);
      let seed = 7;
      for (let i = 0; i < pixels.data.length; i += 4) {
        const x = (i / 4) % width;
        for (let channel = 0; channel < 3; channel++) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          pixels.data[i + channel] = ((x / width) * 160 + (seed % 96)) | 0;
        }
        pixels.data[i + 3] = 255;
      }
      context.putImageData(pixels, 0, 0);
      const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: q });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    }, quality);
    const jpeg = Buffer.from(base64, "base64");
    if (jpeg.length <= TARGET_BYTES * 1.1) return jpeg;
  }
  throw new Error("could not make a 5 MB JPEG");
}

async function openChat(page: Page, url: string, username: string, other: string): Promise<void> {
  await signInThroughScreen(page, url, username);
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
const folder = mkdtempSync(join(tmpdir(), "bench-media-"));
try {
  const noor = await (await browser.newContext({ viewport: PHONE })).newPage();
  const lotte = await (await browser.newContext({ viewport: PHONE })).newPage();
  const photo = join(folder, "photo.jpg");
  const jpeg = await fiveMegabyteJpeg(noor);
  writeFileSync(photo, jpeg);
  console.log(`picture: ${(jpeg.length / 1024 / 1024).toFixed(1)} MB JPEG, 3000×2250`);
  await openChat(noor, client.url, "noor", "Lotte");
  await openChat(lotte, client.url, "lotte", "Noor");

  await noor.evaluate(() => {
    const picked: number[] = [];
    // When the sending tray first showed each state, per pick (where the time goes).
    const phases: Record<string, number>[] = [];
    Object.assign(window, { pickedAt: picked, phasesAt: phases });
    new MutationObserver(() => {
      const state = document.querySelector(".upload-state")?.textContent;
      const current = phases[picked.length - 1];
      if (state && current && !(state in current)) current[state] = Date.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    document.addEventListener(
      "click",
      (event) => {
        const current = phases[picked.length - 1];
        if (
          current &&
          event.target instanceof HTMLElement &&
          event.target.closest(".attachment-sheet button.primary")
        ) {
          current["tap"] ??= Date.now();
        }
      },
      { capture: true },
    );
    document.addEventListener(
      "change",
      (event) => {
        if (event.target instanceof HTMLInputElement && event.target.type === "file") {
          picked.push(Date.now());
          phases.push({});
        }
      },
      { capture: true },
    );
  });
  // Every frame: the first time a run's picture is decoded and drawn in its message.
  await lotte.evaluate(() => {
    const seen: Record<string, number> = {};
    Object.assign(window, { renderedAt: seen });
    const tick = (): void => {
      // Drawn: the picture's canvas (PictureCanvas.tsx) has its pixels.
      for (const image of document.querySelectorAll("li canvas[data-drawn]")) {
        const run = /bench-media-[a-z0-9]+-\d+/.exec(image.closest("li")?.textContent ?? "")?.[0];
        if (run !== undefined && !(run in seen)) seen[run] = Date.now();
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  // A text first: the first message of a new device shares the room key with every device of
  // the other person (Olm sessions to set up), a cost of the session and not of the photo.
  const warmUp = `bench-media-warm-up-${Date.now().toString(36)}`;
  await noor.getByRole("textbox", { name: "Bericht" }).fill(warmUp);
  await noor.getByRole("button", { name: "Versturen" }).click();
  await lotte.getByText(warmUp).waitFor({ timeout: 60_000 });

  const latencies: number[] = [];
  const timelines: string[] = [];
  const runId = Date.now().toString(36);
  for (let i = 0; i < RUNS; i++) {
    const caption = `bench-media-${runId}-${String(i)}`;
    const chooser = noor.waitForEvent("filechooser");
    await noor.getByRole("button", { name: "Stuur een foto of bestand" }).click();
    await (await chooser).setFiles(photo);
    const sheet = noor.getByRole("dialog", { name: "Foto versturen" });
    await sheet.getByLabel("Tekst erbij (hoeft niet)").fill(caption);
    await sheet.getByRole("button", { name: "Versturen" }).click();
    await lotte
      .waitForFunction(
        (run) => run in (window as unknown as { renderedAt: Record<string, number> }).renderedAt,
        caption,
        { timeout: 60_000 },
      )
      .catch(async (error: unknown) => {
        await noor.screenshot({ path: join(tmpdir(), "media-send-bench-noor.png") });
        await lotte.screenshot({ path: join(tmpdir(), "media-send-bench-lotte.png") });
        throw error;
      });
    const pickedAt = await noor.evaluate(
      (n) => (window as unknown as { pickedAt: number[] }).pickedAt[n],
      i,
    );
    const renderedAt = await lotte.evaluate(
      (run) => (window as unknown as { renderedAt: Record<string, number> }).renderedAt[run],
      caption,
    );
    if (pickedAt === undefined || renderedAt === undefined)
      throw new Error(`no timing for ${caption}`);
    latencies.push(renderedAt - pickedAt);
    const phases = await noor.evaluate((n) => {
      const at = (window as unknown as { phasesAt: Record<string, number>[] }).phasesAt[n] ?? {};
      // The app's own marks inside preparing (prepareAttachment.ts).
      for (const mark of performance.getEntriesByType("mark")) {
        if (mark.name.startsWith("media:")) at[mark.name] = performance.timeOrigin + mark.startTime;
      }
      performance.clearMarks();
      return at;
    }, i);
    timelines.push(
      [
        ...Object.entries(phases).map(
          ([state, at]) => `${state.replace(/…|\s\d+%/g, "")} +${String(at - pickedAt)}`,
        ),
        `rendered +${String(renderedAt - pickedAt)}`,
      ].join(", "),
    );
    // The tray's row of a sent photo (with "Terughalen", when offered) is closed before the next one.
    const close = noor.getByRole("list", { name: "Wat je nu verstuurt" }).getByRole("button", {
      name: "Sluiten",
    });
    if (await close.count()) await close.first().click();
  }
  console.log(`runs (ms): ${latencies.join(" ")}`);
  // Where the time goes, from the pick (ms): the tap on "Versturen", the tray's states, the render.
  for (const timeline of timelines.slice(0, 3)) console.log(`  ${timeline}`);
  console.log(`BENCH media-send-pick-to-render-p50 ${percentile(latencies, 50)} ms`);
  console.log(`BENCH media-send-pick-to-render-p95 ${percentile(latencies, 95)} ms`);
} finally {
  await browser.close();
  client.stop();
  rmSync(folder, { recursive: true, force: true });
}
// The direct chat's Node sessions leave the SDK's timers behind after signing out.
process.exit(0);
