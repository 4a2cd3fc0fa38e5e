// Benchmark: a returning person opens the app on a cheap phone. Their account
// has 20 encrypted chats with history (friends made in person, 50 messages
// each, sent from the friends' own Rust-crypto devices after this browser
// signed in, so it holds the keys). They signed in once; then the app is
// opened RUNS times, each time in a fresh page of the same browser profile
// (the stored session, IndexedDB and the service worker's cache, as a phone
// keeps them), with the CPU slowed 4x through DevTools. Each time is the span
// from navigation to a usable chat list: all 20 chats listed, painted, and a
// task queued then has run (a tap would be handled). Measured inside the page
// on its own clock (performance.now(), from navigation start). With
// BENCH_PROFILE=<file> one more cold start is profiled (see below).
//
//   BENCH cold-start-chat-list-p50 <ms> ms
//   BENCH cold-start-chat-list-p95 <ms> ms     (target: at most 2000)

import type { BrowserContext } from "@playwright/test";
import { ensureDirectChatBetween, signedInSession } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { PROFILE_LINES, startProfiler, summarizeProfile } from "./profile.ts";
import {
  benchHomeserver,
  ensureBenchAccount,
  launchChromium,
  percentile,
  phonePage,
  PHONE,
  serveClient,
  signInThroughScreen,
} from "./support.ts";

const CHATS = 20;
/** As many as a chat's timeline keeps in the stored sync, so all of it is readable here. */
const MESSAGES_PER_CHAT = 50;
const WARM_UP = 2;
const RUNS = Number(process.env["BENCH_RUNS"] ?? 20);
const CPU_SLOWDOWN = 4;
const PORT = 4176;
const USER = "bench-cold";
/** Every friend's name starts so: the probe counts rows by it. */
const FRIEND_NAME = "Benchvriend";

type ColdStart = { readonly listedAt: number; readonly usableAt: number };

/** Installed in every page before its scripts: notes when the chat list is listed and usable. */
function probeChatList(args: { readonly name: string; readonly chats: number }): void {
  const timing: { listedAt?: number; usableAt?: number } = {};
  Object.assign(window, { coldStart: timing });
  const listed = (): boolean => {
    let rows = 0;
    for (const row of document.querySelectorAll("li")) {
      if (row.textContent.includes(args.name)) rows += 1;
    }
    return rows >= args.chats;
  };
  const observer = new MutationObserver(() => {
    if (timing.listedAt !== undefined || !listed()) return;
    timing.listedAt = performance.now();
    observer.disconnect();
    // Painted, then a task: it runs only once the main thread is free for input.
    requestAnimationFrame(() => {
      setTimeout(() => {
        timing.usableAt = performance.now();
      }, 0);
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

async function coldStart(context: BrowserContext, url: string): Promise<ColdStart> {
  const page = await phonePage(context, CPU_SLOWDOWN);
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { coldStart: { usableAt?: number } }).coldStart.usableAt,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    return await page.evaluate(() => (window as unknown as { coldStart: ColdStart }).coldStart);
  } finally {
    await page.close();
  }
}

/**
 * One more cold start, profiled: its CPU profile is written to PROFILE (open
 * it in DevTools), and a summary printed: when each file arrived, and where
 * the main thread's time went, in source terms (profile.ts).
 */
async function profiledColdStart(
  context: BrowserContext,
  url: string,
  distDir: string,
  file: string,
): Promise<void> {
  const page = await phonePage(context, CPU_SLOWDOWN);
  const profiler = await startProfiler(context, page);
  const consoleLines = new Map<string, number>();
  page.on("console", (message) => {
    const line = `${message.type()}: ${message.text().slice(0, 80)}`;
    consoleLines.set(line, (consoleLines.get(line) ?? 0) + 1);
  });
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { coldStart: { usableAt?: number } }).coldStart.usableAt,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  const profile = await profiler.stop(file);
  const timeline = await page.evaluate(() => ({
    coldStart: (window as unknown as { coldStart: ColdStart }).coldStart,
    // The app's own marks (main.tsx): when the SDK had the first sync, when the session was ready.
    marks: performance
      .getEntriesByType("mark")
      .map((mark) => `${mark.name} at ${Math.round(mark.startTime)} ms`),
    markTimes: performance
      .getEntriesByType("mark")
      .map((mark) => ({ name: mark.name, at: mark.startTime })),
    files: performance
      .getEntriesByType("resource")
      .map(
        (entry) => `${Math.round(entry.startTime)}+${Math.round(entry.duration)} ms  ${entry.name}`,
      ),
  }));
  await page.close();
  console.log(
    `profiled cold start: ${JSON.stringify(timeline.coldStart)}; ${timeline.marks.join(", ")}`,
  );
  for (const line of timeline.files) console.log(`  ${line.replace(/https?:\/\/[^/]+/, "")}`);
  for (const [line, times] of consoleLines) console.log(`  console x${times}  ${line}`);
  // Phase by phase between the app's marks (the profiler starts just before navigating), then whole.
  const phases = [
    { name: "navigation", at: 0 },
    ...timeline.markTimes,
    { name: "usable", at: timeline.coldStart.usableAt },
  ];
  for (let index = 1; index < phases.length; index++) {
    const from = phases[index - 1] as { name: string; at: number };
    const to = phases[index] as { name: string; at: number };
    console.log(`profile from ${from.name} to ${to.name} (${Math.round(to.at - from.at)} ms):`);
    console.log(
      summarizeProfile(profile, distDir, PROFILE_LINES, { fromMs: from.at, toMs: to.at }),
    );
  }
  console.log("profile of the whole start:");
  console.log(summarizeProfile(profile, distDir));
}

const PROFILE = process.env["BENCH_PROFILE"];
const homeserver = benchHomeserver();
await ensureBenchAccount(homeserver, USER, "Bench Koude Start");
const friends = await Promise.all(
  Array.from({ length: CHATS }, (_, index) => {
    const number = String(index + 1).padStart(2, "0");
    return ensureBenchAccount(homeserver, `bench-cold-f${number}`, `${FRIEND_NAME} ${number}`);
  }),
);

const client = await serveClient(homeserver, PORT);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: PHONE, locale: "nl-NL" });
  await context.addInitScript(probeChatList, { name: FRIEND_NAME, chats: CHATS });

  // Signed in once, on this phone: from here on its device receives the friends' keys.
  const first = await phonePage(context);
  await signInThroughScreen(first, client.url, USER);

  // The friends write from their own devices: encrypted to this phone's device too.
  const userSession = await signedInSession(homeserver, {
    username: USER,
    password: DEMO_PASSWORD,
  });
  const runId = Date.now().toString(36);
  try {
    for (const friend of friends) {
      const session = await signedInSession(homeserver, {
        username: friend.username,
        password: DEMO_PASSWORD,
      });
      try {
        const roomId = await ensureDirectChatBetween(session, userSession);
        for (let index = 1; index <= MESSAGES_PER_CHAT; index++) {
          await session.sendText(roomId, `Bericht ${index} van ${runId}`);
        }
      } finally {
        await session.signOut();
      }
    }
  } finally {
    await userSession.signOut();
  }
  // The phone has them all, decrypted: every chat's last message shows in the list.
  await first
    .getByText(`Bericht ${MESSAGES_PER_CHAT} van ${runId}`)
    .nth(CHATS - 1)
    .waitFor({ timeout: 120_000 });
  await first.close();

  const times: ColdStart[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const time = await coldStart(context, client.url);
    if (run >= WARM_UP) times.push(time);
  }
  if (PROFILE !== undefined) await profiledColdStart(context, client.url, client.outDir, PROFILE);
  const listed = times.map((time) => Math.round(time.listedAt));
  const usable = times.map((time) => Math.round(time.usableAt));
  console.log(
    `cold starts (ms, listed/usable): ${listed.map((at, i) => `${at}/${usable[i]}`).join(" ")}`,
  );
  console.log(`BENCH cold-start-chat-list-p50 ${percentile(usable, 50)} ms`);
  console.log(`BENCH cold-start-chat-list-p95 ${percentile(usable, 95)} ms`);
} finally {
  await browser.close();
  client.stop();
}
// The friends' Node sessions leave the SDK's timers behind after signing out.
process.exit(0);
