// Bench: a classroom under load (issue 15, acceptance 6). Thirty simulated
// participants, each the client's own device in Node (Matrix layer, Rust
// crypto, device protection, the study link that main.tsx wires), seated by
// the study service, consented, and each meeting a scripted stranger, all at
// once on this machine. Node devices instead of 30 Chromium contexts: the
// same code below the views at a fraction of the memory on two cores.
//
// Measured: from the stranger's invitation (its server time) to the notice
// the participant's device decided to show (p50, p95); events sent by the
// devices against what the service's log holds, and whether each landed in
// its own participant's run ("lost", "misattributed"); the homeserver's
// memory (resident, all its processes) at the peak. Only 127.0.0.1.
//
//   node --conditions=@safety-by-design/source e2e/bench/classroom.bench.ts
//   CLASSROOM_PARTICIPANTS=10 …   fewer participants
//   MATRIX_HOMESERVER_URL=… MATRIX_HOMESERVER_DATA_DIR=.local/homeserver/<instance> …
//                                  another local instance, its memory measured too

import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { ChatSession } from "@safety-by-design/client/actors";
import {
  createStudyLink,
  HELP_SERVICE_NAMES,
  signInWithSeatCode,
  startDeviceProtection,
  type DeviceProtection,
  type StudyLink,
} from "@safety-by-design/client/headless";
import { loadOrCreateIssuer } from "../../tools/lib/ageIssuer.ts";
import { startAgeIssuerService } from "../../tools/lib/ageIssuerService.ts";
import { facilitatorUserIds } from "../../tools/lib/deployment.ts";
import { memoryStorage } from "../../tools/lib/memoryStorage.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawLogin, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { seedPersonaAccounts } from "../../tools/lib/seed.ts";
import { startStudyService } from "../../tools/lib/studyService.ts";
import { benchHomeserver } from "./support.ts";

const PARTICIPANTS = Number(process.env["CLASSROOM_PARTICIPANTS"] ?? 30);
const SCENARIO = "unknown-adult-contacts-noor";
/** The whole bench stops by itself after this long. */
const DEADLINE_MS = 12 * 60_000;
const started = Date.now();

const homeserver = benchHomeserver();
await seedPersonaAccounts(homeserver);
const dir = await mkdtemp(join(tmpdir(), "sbd-classroom-"));
const issuerDir = join(dir, "issuer");
const issuer = await loadOrCreateIssuer(issuerDir);
const ageIssuer = await startAgeIssuerService({ issuer, issuerDir, homeserver, port: 0 });
const study = await startStudyService({
  homeserver,
  deployment: { issuer, issuerDir, ageIssuerUrl: ageIssuer.url },
  facilitators: facilitatorUserIds(homeserver.serverName),
  port: 0,
  storageDir: join(dir, "study"),
  // The strangers write without pauses: the bench measures the system, not the script.
  waitScale: 0,
});

const facilitator = await rawLogin(homeserver, "facilitator", DEMO_PASSWORD);
const asFacilitator = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${study.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${facilitator.accessToken}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

// An external homeserver (MATRIX_HOMESERVER_URL) is measured when its data folder is named.
const memory = homeserverMemorySampler(
  homeserver.dataDir ?? process.env["MATRIX_HOMESERVER_DATA_DIR"],
);
type Device = {
  readonly seat: string;
  readonly session: ChatSession;
  readonly protection: DeviceProtection;
  readonly link: StudyLink;
  /** Events this device handed to its study link. */
  sent: number;
  noticeMs: number | undefined;
};
const devices: Device[] = [];

try {
  await asFacilitator("POST", "/session/clear");
  const { created } = (await asFacilitator("POST", "/seats", {
    count: PARTICIPANTS,
    bands: ["13-15"],
    packs: ["nl-default", "strict"],
    balanced: true,
  })) as { created: string[] };
  // Study accounts from an earlier run start clean: no request of theirs is left pending.
  await Promise.all(created.map((seat) => asFacilitator("POST", `/seats/${seat}/reset`)));
  const session = (await asFacilitator("GET", "/session")) as {
    seats: { seat: string; packId: string; signInCode: string | null }[];
  };

  // Every participant's phone: signs in, protects itself, links to the study service.
  const failures: string[] = [];
  await Promise.all(
    created.map(async (seat) => {
      // As a phone that scanned the seat's QR code: its one-time code, redeemed at the study service.
      const code = session.seats.find((s) => s.seat === seat)?.signInCode ?? "";
      const signedIn = await signInWithSeatCode(
        { studyServiceUrl: study.url, homeserverUrl: homeserver.url, fetch },
        { seat, code },
      );
      if (!signedIn.ok) throw new Error(`${seat} cannot sign in: ${signedIn.reason}`);
      const chat = await ChatSession.start(signedIn.credentials, {
        storage: "memory",
        sdkLogLevel: "error",
      });
      const packId = session.seats.find((s) => s.seat === seat)?.packId ?? "nl-default";
      const loaded = loadBundledPack(packId === "strict" ? "strict" : "nl-default");
      if (!loaded.ok) throw new Error(`${packId} does not load`);
      const protection = await startDeviceProtection(chat, {
        engine: createPolicyEngine(loaded.pack),
        trustedAgeIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
        ageIssuerUrl: ageIssuer.url,
        storage: memoryStorage(),
        fetch: (input, init) => fetch(input, init),
        now: () => Date.now(),
        randomId: () => crypto.randomUUID(),
        helpServiceNames: HELP_SERVICE_NAMES,
        locale: () => "nl-NL",
        failed: (message) => {
          failures.push(`${seat}: ${message}`);
        },
      });
      const link = createStudyLink({
        baseUrl: study.url,
        fetch: (input, init) => fetch(input, init),
        wait: (ms) =>
          new Promise((resolve) => {
            setTimeout(resolve, ms);
          }),
        failed: (message) => {
          failures.push(`${seat}: ${message}`);
        },
      });
      await link.join(signedIn.credentials.accessToken);
      devices.push({ seat, session: chat, protection, link, sent: 0, noticeMs: undefined });
    }),
  );
  for (const seat of created) await asFacilitator("POST", `/seats/${seat}/consent`);

  // Each device does what the request screen does when its notice shows: records it, opens
  // help, answers the request (events only, as RequestViewModel records them).
  const shown = Promise.all(
    devices.map(
      (device) =>
        new Promise<void>((resolve) => {
          const look = (): void => {
            if (device.noticeMs !== undefined) return;
            const request = device.protection.rooms
              .rooms()
              .find((room) => room.membership === "invite" && room.decision.notices.length > 0);
            if (request === undefined) return;
            device.noticeMs = Date.now() - (request.invitedAt ?? Date.now());
            const ref = {
              decisionId: request.decision.decisionId,
              packId: request.decision.pack.id,
            };
            for (const notice of request.decision.notices) {
              device.link.recorder.record({
                kind: "notice-shown",
                ...ref,
                noticeId: notice.id,
                copyKey: notice.copyKey,
              });
              device.sent += 1;
            }
            device.link.recorder.record({ kind: "help-opened", moment: "after-warning" });
            device.link.recorder.record({ kind: "request-answered", ...ref, choice: "ignored" });
            device.sent += 2;
            resolve();
          };
          device.protection.rooms.subscribe(look);
          look();
        }),
    ),
  );

  // The strangers, all at once.
  const scenarioStart = Date.now();
  await Promise.all(
    created.map((seat) => asFacilitator("POST", `/seats/${seat}/scenarios/${SCENARIO}/start`)),
  );
  await Promise.race([
    shown,
    new Promise((_, reject) =>
      setTimeout(
        () => {
          reject(new Error("not every participant saw a notice in time"));
        },
        DEADLINE_MS - (Date.now() - started),
      ),
    ),
  ]);
  const allShownMs = Date.now() - scenarioStart;
  await Promise.all(devices.map((device) => device.link.settled()));
  for (const seat of created) await asFacilitator("POST", `/seats/${seat}/scenarios/stop`);
  await study.flush();

  // What the service holds: every event of every device, each in its own participant's run 1.
  const exported = (await asFacilitator("GET", "/export")) as {
    records: { participant: string; scenario: string | null; run: number; kind: string }[];
  };
  const after = (await asFacilitator("GET", "/session")) as {
    seats: { seat: string; participant: string | null }[];
  };
  let lost = 0;
  let misattributed = 0;
  for (const device of devices) {
    const pseudonym = after.seats.find((s) => s.seat === device.seat)?.participant;
    const own = exported.records.filter(
      (r) =>
        r.participant === pseudonym && r.kind !== "scenario-started" && r.kind !== "scenario-ended",
    );
    lost += Math.max(0, device.sent - own.length);
    misattributed += own.filter((r) => r.scenario !== SCENARIO || r.run !== 1).length;
  }
  const participants = new Set(exported.records.map((r) => r.participant)).size;
  misattributed += Math.abs(participants - devices.length);

  const latencies = devices.flatMap((d) => (d.noticeMs === undefined ? [] : [d.noticeMs]));
  console.log(`BENCH classroom-participants ${String(devices.length)} count`);
  console.log(`BENCH classroom-step-to-notice-p50 ${String(percentile(latencies, 0.5))} ms`);
  console.log(`BENCH classroom-step-to-notice-p95 ${String(percentile(latencies, 0.95))} ms`);
  console.log(`BENCH classroom-all-notices-shown ${String(allShownMs)} ms`);
  console.log(
    `BENCH classroom-events-sent ${String(devices.reduce((n, d) => n + d.sent, 0))} count`,
  );
  console.log(`BENCH classroom-events-lost ${String(lost)} count`);
  console.log(`BENCH classroom-events-misattributed ${String(misattributed)} count`);
  console.log(
    `BENCH classroom-homeserver-rss-peak ${String(Math.round(memory.peak() / 2 ** 20))} MB`,
  );
  console.log(
    `BENCH classroom-bench-process-rss ${String(Math.round(process.memoryUsage().rss / 2 ** 20))} MB`,
  );
  if (failures.length > 0) console.log(`(device problems: ${failures.slice(0, 5).join("; ")})`);
  if (lost > 0 || misattributed > 0) process.exitCode = 1;
} finally {
  memory.stop();
  for (const device of devices) {
    device.link.leave();
    device.protection.stop();
    device.session.stop();
  }
  // Clean-up is bounded too: the bench stops by itself whatever the services do.
  await Promise.race([
    (async () => {
      await asFacilitator("POST", "/session/clear").catch(() => undefined);
      await rawLogout(facilitator);
      await study.close();
      await ageIssuer.close();
      await rm(dir, { recursive: true, force: true });
    })(),
    new Promise((resolve) => setTimeout(resolve, 30_000)),
  ]);
}
process.exit(process.exitCode ?? 0);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? -1;
}

/** Samples the homeserver's resident memory (its whole process group) every half second. */
function homeserverMemorySampler(dataDir: string | undefined): {
  peak: () => number;
  stop: () => void;
} {
  let peak = 0;
  const sample = (): void => {
    if (dataDir === undefined) return;
    let group: number;
    try {
      group = Number(readFileSync(join(dataDir, "synapse.pid"), "utf8").trim());
    } catch {
      return;
    }
    let total = 0;
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
        if (pgrp !== group) continue;
        const rss = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${name}/status`, "utf8"));
        total += Number(rss?.[1] ?? 0) * 1024;
      } catch {
        // The process ended while it was read.
      }
    }
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, 500);
  return {
    peak: () => {
      sample();
      return peak;
    },
    stop: () => {
      clearInterval(timer);
    },
  };
}
