// Benchmark: the page's memory after showing 100 images (issue 13,
// acceptance 8). A contact sends 100 encrypted photos (1024 × 768 PNGs);
// the receiver's page, in a real Chromium at phone size, scrolls through the
// whole conversation from the newest to the first, so every picture is
// fetched, decrypted, checked, decoded, scaled and drawn once (each one is
// counted when its canvas is drawn). Then, after a garbage collection, the
// page's memory: the JavaScript heap (DevTools' JSHeapUsedSize) and the
// memory of the browser's renderer processes (their proportional set size in
// /proc, which holds decoded images, the crypto's WebAssembly memory and
// Blink), before the pictures arrived and after all 100 were shown. Pictures
// off screen are let go (ConversationMedia closes their bitmaps, the canvas
// frees its pixels), so the figure should not grow with the number seen.
//
//   BENCH media-memory-images-shown <n> images
//   BENCH media-memory-js-heap <MB> MB         (target: the page at most 300 MB)
//   BENCH media-memory-renderer <MB> MB         (after; and -before-images)

import { readdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { ensureDirectChatBetween, signedInSession } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { pngPicture, sendPicture } from "../support/mediaSender.ts";
import {
  benchHomeserver,
  ensureBenchAccount,
  inBatches,
  launchChromium,
  PHONE,
  serveClient,
  signInThroughScreen,
} from "./support.ts";

const IMAGES = 100;
const PORT = 4178;
const TARGET_MB = 300;

const homeserver = benchHomeserver();
const suffix = randomBytes(3).toString("hex");
const viewer = await ensureBenchAccount(homeserver, `media-viewer-${suffix}`, "Kijker");
const sender = await ensureBenchAccount(homeserver, `media-sender-${suffix}`, "Zender");
const viewerSession = await signedInSession(homeserver, {
  username: viewer.username,
  password: DEMO_PASSWORD,
});
const senderSession = await signedInSession(homeserver, {
  username: sender.username,
  password: DEMO_PASSWORD,
});
// Contacts made in person: the engine shows a contact's pictures without a tap.
const roomId = await ensureDirectChatBetween(senderSession, viewerSession);
await viewerSession.signOut();

const client = await serveClient(homeserver, PORT);
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signInThroughScreen(page, client.url, viewer.username);
  await page.getByRole("button", { name: /Zender/ }).click();
  await page.getByRole("region", { name: "Berichten" }).waitFor();
  await countPicturesShown(page);
  const before = await memoryOf(page);
  // Sent once the page's device exists, so the room keys are shared with it.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await inBatches(
    Array.from({ length: IMAGES }, (_, index) => index),
    4,
    async (index) => {
      await sendPicture(senderSession, roomId, pngPicture(1024, 768, index), {
        width: 1024,
        height: 768,
      });
    },
  );
  await page
    .locator(".media-item")
    .nth(IMAGES - 1)
    .waitFor({ timeout: 120_000 });
  const shown = await scrollThroughEverything(page);
  const { jsHeapMb, rendererMb } = await memoryOf(page);
  // What the page still holds once the browser drops what it keeps only as a cache
  // (decoded images of pictures no longer on screen), as it does when memory runs low.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Memory.simulatePressureNotification", { level: "critical" });
  await page.waitForTimeout(1000);
  const pressed = await memoryOf(page);
  process.stdout.write(`BENCH media-memory-images-shown ${String(shown)} images\n`);
  process.stdout.write(`BENCH media-memory-js-heap ${jsHeapMb.toFixed(1)} MB\n`);
  process.stdout.write(`BENCH media-memory-renderer ${rendererMb.toFixed(1)} MB\n`);
  process.stdout.write(
    `BENCH media-memory-renderer-before-images ${before.rendererMb.toFixed(1)} MB\n`,
  );
  process.stdout.write(
    `BENCH media-memory-renderer-after-pressure ${pressed.rendererMb.toFixed(1)} MB\n`,
  );
  process.stdout.write(
    `media-memory: ${String(shown)} of ${String(IMAGES)} pictures shown; target: the page at most ${String(TARGET_MB)} MB\n`,
  );
} finally {
  await browser.close();
  client.stop();
  await senderSession.signOut();
}

/**
 * Counts every picture that appears (by its drawn canvas), scrolling up from
 * the newest message a screen at a time, loading older history when the top
 * is reached, until the conversation's first message. Returns how many
 * different pictures were shown.
 */
async function scrollThroughEverything(page: Page): Promise<number> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const atStart = await page.getByText("Begin van het gesprek").isVisible();
    const older = page.getByRole("button", { name: "Oudere berichten laden" });
    if (await older.isVisible()) await older.click();
    const top = await page.evaluate(() => {
      const scroller = document.querySelector(".conversation-scroll");
      if (scroller === null) return 0;
      scroller.scrollBy(0, -scroller.clientHeight * 0.8);
      return scroller.scrollTop;
    });
    // Let the pictures now on screen load (fetch, decrypt, decode, scale, draw).
    await page.waitForTimeout(400);
    if ((atStart && top === 0) || Date.now() > deadline) break;
  }
  await page.waitForTimeout(1000);
  return page.evaluate(
    () => (window as unknown as { picturesSeen: { count: number } }).picturesSeen.count,
  );
}

/** Counts, in the page, every picture drawn (its canvas) from now on. */
async function countPicturesShown(page: Page): Promise<void> {
  await page.evaluate(() => {
    // By message: a picture let go off screen and shown again counts once.
    const seen = new WeakSet<Element>();
    const counter = { count: 0 };
    Object.assign(window, { picturesSeen: counter });
    const note = (): void => {
      for (const canvas of document.querySelectorAll(".media-frame canvas[data-drawn]")) {
        const row = canvas.closest("li");
        if (row !== null && !seen.has(row)) {
          seen.add(row);
          counter.count++;
        }
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    document.addEventListener("load", note, true);
  });
}

/** The page's JavaScript heap after a garbage collection, and the renderers' resident memory. */
async function memoryOf(page: Page): Promise<{ jsHeapMb: number; rendererMb: number }> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Performance.enable");
  await devtools.send("HeapProfiler.collectGarbage");
  const { metrics } = await devtools.send("Performance.getMetrics");
  const heap = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? Number.NaN;
  return { jsHeapMb: heap / 1e6, rendererMb: rendererResidentBytes() / 1e6 };
}

/** Memory (PSS) of the renderer processes this benchmark started (Linux /proc), in bytes. */
function rendererResidentBytes(): number {
  const parents = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of readdirSync("/proc").filter((entry) => /^\d+$/u.test(entry))) {
    try {
      // The parent is the 4th field of stat, after the command name in parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes("--type=renderer")) {
        renderers.push(Number(name));
      }
    } catch {
      // The process ended while it was read.
    }
  }
  const ours = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) {
      if (at === process.pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of renderers.filter(ours)) {
    try {
      // Proportional set size: shared libraries and mappings counted once across processes.
      const pss = /^Pss:\s+(\d+) kB/mu.exec(
        readFileSync(`/proc/${String(pid)}/smaps_rollup`, "utf8"),
      );
      total += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}
