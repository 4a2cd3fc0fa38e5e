// The classroom's study service against a fake homeserver (whoami only) and a
// fake runner: who may ask what, seats with bands and balanced packs, consent
// before anything is recorded, parallel runs that each keep their own events,
// withdrawal, one merged export, a leak test over what it stores, and each
// seat's one-time sign-in code.
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SCENARIOS } from "../scenarios/index.ts";
import type { Homeserver } from "./homeserver.ts";
import type { runScenario, ScenarioRunResult } from "./scenarioRunner.ts";
import { STUDY_SCENARIO_IDS, type StudyVocabulary } from "@safety-by-design/client/study";
import { seatPlan, startStudyService, type StudyService } from "./studyService.ts";
import type { SeatAccounts } from "./studySeatAccounts.ts";

const TOKENS: Record<string, string> = {
  "facilitator-token": "@facilitator:localhost",
  "noor-token": "@noor:localhost",
  "p01-token": "@p01:localhost",
  "p02-token": "@p02:localhost",
  "p03-token": "@p03:localhost",
};

/** Seat accounts in memory: who was prepared, the devices signed in, and how many signed out. */
function fakeSeatAccounts(): SeatAccounts & {
  prepared: string[];
  devices: Map<string, string[]>;
} {
  const prepared: string[] = [];
  const devices = new Map<string, string[]>();
  let next = 0;
  return {
    prepared,
    devices,
    prepare: (seat) => {
      prepared.push(seat);
      devices.set(seat, []);
      return Promise.resolve();
    },
    signInDevice: (seat) => {
      next += 1;
      const deviceId = `DEVICE${String(next)}`;
      devices.set(seat, [...(devices.get(seat) ?? []), deviceId]);
      return Promise.resolve({
        userId: `@${seat}:localhost`,
        accessToken: `${seat}-token`,
        deviceId,
      });
    },
    signOutDevices: (seat) => {
      const count = devices.get(seat)?.length ?? 0;
      devices.set(seat, []);
      return Promise.resolve(count);
    },
    login: (seat) => Promise.resolve({ username: seat, password: "not-used-by-the-fake-runner" }),
  };
}

/** Answers /account/whoami for the tokens above, 401 for anything else. */
async function fakeHomeserver(): Promise<{ homeserver: Homeserver; server: Server }> {
  const server = createServer((request, response) => {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const userId = TOKENS[token];
    if (request.url === "/_matrix/client/v3/account/whoami" && userId !== undefined) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ user_id: userId }));
      return;
    }
    response.writeHead(401, { "content-type": "application/json" });
    response.end(JSON.stringify({ errcode: "M_UNKNOWN_TOKEN" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    server,
    homeserver: {
      url: `http://127.0.0.1:${port}`,
      serverName: "localhost",
      registrationSharedSecret: undefined,
      dataDir: undefined,
    },
  };
}

type Started = { scenarioId: string; participant: string | undefined };

/** A runner that plays each step's start, then waits for the stop signal. */
function fakeRunner(started: Started[]) {
  const runner: typeof runScenario = async (scenario, options) => {
    started.push({ scenarioId: scenario.id, participant: options.participantUserId });
    scenario.steps.forEach((step, index) => {
      options.onEvent?.({ type: "step-started", index, step });
      if (index === 0) options.onEvent?.({ type: "step-finished", index, step, outcome: "ok" });
    });
    await new Promise<void>((resolve) => {
      options.signal?.addEventListener("abort", () => {
        resolve();
      });
    });
    const result: ScenarioRunResult = {
      scenarioId: scenario.id,
      status: "stopped",
      actorUserId: undefined,
      participantUserId: undefined,
      otherActorUserIds: {},
      steps: [],
      error: undefined,
    };
    options.onEvent?.({ type: "scenario-finished", result });
    return result;
  };
  return runner;
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

// The study's own vocabulary without reading the packs: these tests are about the service.
const vocabulary: StudyVocabulary = {
  scenarioIds: new Set(STUDY_SCENARIO_IDS),
  packIds: new Set(["none", "nl-default", "baseline"]),
  copyKeys: new Set(),
};

async function service(storedIn?: string): Promise<{
  study: StudyService;
  started: Started[];
  storageDir: string;
  issuerDir: string;
  accounts: string[];
  seatAccounts: ReturnType<typeof fakeSeatAccounts>;
}> {
  const { homeserver, server } = await fakeHomeserver();
  const started: Started[] = [];
  const seatAccounts = fakeSeatAccounts();
  const accounts = seatAccounts.prepared;
  const dir = storedIn ?? (await mkdtemp(join(tmpdir(), "study-service-")));
  const storageDir = join(dir, "study");
  const issuerDir = join(dir, "issuer");
  await mkdir(issuerDir, { recursive: true });
  const study = await startStudyService({
    homeserver,
    deployment: { issuer: undefined as never, issuerDir, ageIssuerUrl: "http://127.0.0.1:9" },
    facilitators: ["@facilitator:localhost"],
    port: 0,
    storageDir,
    allowedOrigin: "http://127.0.0.1:4173",
    runScenario: fakeRunner(started),
    seatAccounts,
    vocabulary,
  });
  cleanup.push(
    () => rm(dir, { recursive: true, force: true }),
    () => study.close(),
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  return { study, started, storageDir, issuerDir, accounts, seatAccounts };
}

async function call(
  study: StudyService,
  method: "GET" | "POST" | "PUT" | "OPTIONS",
  path: string,
  token = "facilitator-token",
  body?: unknown,
): Promise<Response> {
  return fetch(`${study.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

type SessionView = {
  seats: {
    seat: string;
    band: string;
    packId: string;
    participant: string | null;
    consent: { textVersion: string } | null;
    loggedRun: { scenario: string; run: number } | null;
    recorded: number;
    actor: { scenarioId: string; status: string; steps: { step: string }[] } | null;
    signInCode: string | null;
  }[];
  timeline: Record<string, unknown>[];
};

type Exported = {
  consents: { participant: string; withdrawnAt: number | null }[];
  records: { participant: string; scenario: string | null; run: number; kind: string }[];
};

const DECISION = "nl-default@1.0.0/incoming-contact/0123456789abcdef";
const helpOpened = { kind: "help-opened", moment: "general" };
const answered = {
  kind: "request-answered",
  decisionId: DECISION,
  packId: "nl-default",
  choice: "blocked",
};

/** A phone with a seat's QR link: what its app posts (no token). */
async function signInWithCode(
  study: StudyService,
  seat: string,
  code: string | null | undefined,
): Promise<Response> {
  return fetch(`${study.url}/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seat, code }),
  });
}

async function codeOf(study: StudyService, seat: string): Promise<string | null | undefined> {
  const view = await json<SessionView>(call(study, "GET", "/session"));
  return view.seats.find((s) => s.seat === seat)?.signInCode;
}

async function seats(study: StudyService, count: number): Promise<string[]> {
  const created = await json<{ created: string[]; error?: string }>(
    call(study, "POST", "/seats", "facilitator-token", {
      count,
      bands: ["13-15", "8-12"],
      packs: ["nl-default", "baseline"],
      balanced: true,
    }),
  );
  if (created.error !== undefined) throw new Error(created.error);
  return created.created;
}

describe("the study service", () => {
  it("listens on the loopback address only", async () => {
    const { study } = await service();
    expect(new URL(study.url).hostname).toBe("127.0.0.1");
  });

  it("answers facilitators only on the console's routes", async () => {
    const { study } = await service();
    expect((await fetch(`${study.url}/session`)).status).toBe(401);
    expect((await call(study, "GET", "/session", "forged")).status).toBe(401);
    expect((await call(study, "GET", "/session", "noor-token")).status).toBe(401);
    await seats(study, 1);
    expect((await call(study, "GET", "/export", "p01-token")).status).toBe(401);
    expect((await call(study, "POST", "/seats/p01/consent", "p01-token")).status).toBe(401);
  });

  it("lets the client's origin ask (CORS preflight) without a token", async () => {
    const { study } = await service();
    const preflight = await fetch(`${study.url}/session`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:4173");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("lists every scenario with its titles and participant persona", async () => {
    const { study } = await service();
    expect(await json(call(study, "GET", "/scenarios"))).toEqual(
      SCENARIOS.map((s) => ({
        id: s.id,
        title: s.title,
        participant: s.participant,
        band: s.participant === "sam" ? "8-12" : "13-15",
      })),
    );
  });

  it("creates seats p01…pNN with verified bands and balanced packs", async () => {
    const { study, issuerDir, accounts } = await service();
    expect(await seats(study, 4)).toEqual(["p01", "p02", "p03", "p04"]);
    expect(accounts).toEqual(["p01", "p02", "p03", "p04"]);
    expect(await seats(study, 1)).toEqual(["p05"]);
    const view = await json<SessionView>(call(study, "GET", "/session"));
    expect(view.seats.map((s) => s.band)).toEqual(["13-15", "8-12", "13-15", "8-12", "13-15"]);
    // Each block of two holds one seat per pack.
    for (const block of [view.seats.slice(0, 2), view.seats.slice(2, 4)]) {
      expect(block.map((s) => s.packId).sort()).toEqual(["baseline", "nl-default"]);
    }
    const register = JSON.parse(await readFile(join(issuerDir, "register.json"), "utf8")) as Record<
      string,
      string
    >;
    expect(register["@p02:localhost"]).toBe("8-12");
    expect(
      (await call(study, "PUT", "/seats/p01/pack", "facilitator-token", { packId: "x" })).status,
    ).toBe(400);
    await call(study, "PUT", "/seats/p01/pack", "facilitator-token", { packId: "baseline" });
    expect(await json(call(study, "GET", "/participant", "p01-token"))).toEqual({
      consent: false,
      packId: "baseline",
    });
  });

  it("refuses bad seat plans: no count, adult bands, unknown packs, too many", () => {
    expect(seatPlan({ count: 0, bands: ["13-15"], packs: ["nl-default"] }, vocabulary, 0)).toMatch(
      /count/,
    );
    expect(seatPlan({ count: 2, bands: ["18+"], packs: ["nl-default"] }, vocabulary, 0)).toMatch(
      /bands/,
    );
    expect(seatPlan({ count: 2, bands: ["8-12"], packs: ["evil"] }, vocabulary, 0)).toMatch(
      /packs/,
    );
    expect(seatPlan({ count: 61, bands: ["8-12"], packs: ["nl-default"] }, vocabulary, 0)).toMatch(
      /at most/,
    );
    const plan = seatPlan(
      { count: 30, bands: ["8-12"], packs: ["nl-default", "baseline"], balanced: true },
      vocabulary,
      0,
    );
    if (typeof plan === "string") throw new Error(plan);
    expect(plan.packs.filter((p) => p === "baseline")).toHaveLength(15);
  });

  it("records a seat's events only after consent, and the account without a seat has none", async () => {
    const { study } = await service();
    await seats(study, 1);
    const unseated = await call(study, "GET", "/participant", "noor-token");
    expect(unseated.status).toBe(200);
    expect(await unseated.json()).toEqual({ seated: false });
    expect(
      (await call(study, "POST", "/participant/events", "noor-token", { events: [helpOpened] }))
        .status,
    ).toBe(404);
    const before = await call(study, "POST", "/participant/events", "p01-token", {
      events: [helpOpened],
    });
    expect(before.status).toBe(403);
    const { participant } = await json<{ participant: string }>(
      call(study, "POST", "/seats/p01/consent"),
    );
    expect(participant).toMatch(/^p-[0-9a-f]{16}$/);
    expect(await json(call(study, "GET", "/participant", "p01-token"))).toMatchObject({
      consent: true,
    });
    expect(
      await json(
        call(study, "POST", "/participant/events", "p01-token", {
          events: [helpOpened, { kind: "help-opened", moment: "whenever" }],
        }),
      ),
    ).toEqual({ recorded: 1, refused: 1 });
  });

  it("runs scenarios for several seats at once; each event lands in its own seat's open run", async () => {
    const { study, started } = await service();
    await seats(study, 3);
    for (const seat of ["p01", "p02", "p03"]) await call(study, "POST", `/seats/${seat}/consent`);
    expect(
      (await call(study, "POST", "/seats/p01/scenarios/unknown-adult-contacts-noor/start")).status,
    ).toBe(202);
    expect((await call(study, "POST", "/seats/p02/scenarios/threat-to-noor/start")).status).toBe(
      202,
    );
    expect((await call(study, "POST", "/seats/p01/scenarios/threat-to-noor/start")).status).toBe(
      409,
    );
    expect(started).toEqual([
      { scenarioId: "unknown-adult-contacts-noor", participant: "@p01:localhost" },
      { scenarioId: "threat-to-noor", participant: "@p02:localhost" },
    ]);
    await call(study, "POST", "/participant/events", "p01-token", { events: [answered] });
    await call(study, "POST", "/participant/events", "p02-token", { events: [helpOpened] });
    await call(study, "POST", "/participant/events", "p03-token", { events: [helpOpened] });

    // p01 stops; a later tap belongs to no run, and the next scenario is run 2, not run 1.
    await call(study, "POST", "/seats/p01/scenarios/stop");
    await call(study, "POST", "/participant/events", "p01-token", { events: [helpOpened] });
    await expect
      .poll(
        async () =>
          (await json<SessionView>(call(study, "GET", "/session"))).seats[0]?.actor?.status,
      )
      .toBe("stopped");
    await call(study, "POST", "/seats/p01/scenarios/peer-daan-contacts-noor/start");
    await call(study, "POST", "/participant/events", "p01-token", { events: [answered] });

    const { records } = await json<Exported>(call(study, "GET", "/export"));
    const view = await json<SessionView>(call(study, "GET", "/session"));
    const pseudonym = (seat: string): string =>
      view.seats.find((s) => s.seat === seat)?.participant ?? "";
    const of = (seat: string) =>
      records
        .filter((r) => r.participant === pseudonym(seat))
        .map((r) => `${r.kind}:${r.scenario ?? "-"}:${r.run}`);
    expect(of("p01")).toEqual([
      "scenario-started:unknown-adult-contacts-noor:1",
      "request-answered:unknown-adult-contacts-noor:1",
      "scenario-ended:unknown-adult-contacts-noor:1",
      "help-opened:-:0",
      "scenario-started:peer-daan-contacts-noor:2",
      "request-answered:peer-daan-contacts-noor:2",
    ]);
    expect(of("p02")).toEqual([
      "scenario-started:threat-to-noor:1",
      "help-opened:threat-to-noor:1",
    ]);
    expect(of("p03")).toEqual(["help-opened:-:0"]);
    expect(view.seats[1]?.actor?.steps.length).toBeGreaterThan(0);
    expect(JSON.stringify(view.seats.map((s) => s.actor))).not.toMatch(/Noor|tekening|@/);
  });

  it("withdrawal deletes the seat's records at once, and the device is told", async () => {
    const { study } = await service();
    await seats(study, 2);
    await call(study, "POST", "/seats/p01/consent");
    await call(study, "POST", "/seats/p02/consent");
    await call(study, "POST", "/participant/events", "p01-token", { events: [helpOpened] });
    await call(study, "POST", "/participant/events", "p02-token", { events: [helpOpened] });
    expect(await json(call(study, "POST", "/seats/p01/withdraw"))).toEqual({ deleted: 1 });
    expect(await json(call(study, "GET", "/participant", "p01-token"))).toMatchObject({
      consent: false,
    });
    expect(
      (await call(study, "POST", "/participant/events", "p01-token", { events: [helpOpened] }))
        .status,
    ).toBe(403);
    const exported = await json<Exported>(call(study, "GET", "/export"));
    expect(exported.records).toHaveLength(1);
    expect(exported.consents.map((c) => c.withdrawnAt === null).sort()).toEqual([false, true]);
  });

  it("keeps nothing but pseudonyms, engine ids and times on disk, whatever a device sends", async () => {
    const { study, storageDir } = await service();
    await seats(study, 2);
    await call(study, "POST", "/seats/p01/consent");
    await call(study, "POST", "/seats/p01/scenarios/threat-to-noor/start");
    const smuggled = {
      ...answered,
      text: "Stuur me een foto van je tekening",
      sender: "@alex:localhost",
      displayName: "Alex",
      roomId: "!room:localhost",
    };
    await call(study, "POST", "/participant/events", "p01-token", {
      events: [
        smuggled,
        { ...helpOpened, note: "Noor zegt hoi" },
        {
          kind: "notice-shown",
          decisionId: "Noor",
          packId: "nl-default",
          noticeId: "x",
          copyKey: "y",
        },
        { kind: "scenario-started" },
      ],
    });
    // A phone signs in with its code; the other seat's code stays open.
    const used = (await codeOf(study, "p01")) ?? "";
    const open = (await codeOf(study, "p02")) ?? "";
    expect((await signInWithCode(study, "p01", used)).status).toBe(200);
    await study.flush();
    const files = await readdir(storageDir);
    expect(files.sort()).toEqual(["seats.json", "session-log.json"]);
    const stored = await Promise.all(files.map((f) => readFile(join(storageDir, f), "utf8")));
    const exported = await (await call(study, "GET", "/export")).text();
    for (const text of [...stored, exported]) {
      // No sign-in code, used or open, and no device or access token.
      for (const secret of [used, open, "DEVICE", "-token"]) {
        expect(secret.length).toBeGreaterThan(4);
        expect(text).not.toContain(secret);
      }
      for (const forbidden of [
        "tekening",
        "Alex",
        "@alex",
        "Noor",
        "!room",
        "localhost",
        "zegt hoi",
      ]) {
        expect(text).not.toContain(forbidden);
      }
    }
    // Every string in the log is one of a few closed shapes.
    const log = JSON.parse(stored[files.indexOf("session-log.json")] ?? "{}") as unknown;
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === "string") strings.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
    };
    walk(log);
    const allowed = [
      /^safety-by-design\.study-session\.v1$/,
      /^p-[0-9a-f]{16}$/,
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      /^[a-z0-9-]+@\d+\.\d+\.\d+\/[a-z-]+\/[0-9a-f]{16}$/,
      /^\d{4}-\d{2}$/,
    ];
    expect(strings.length).toBeGreaterThan(3);
    for (const value of strings) expect(allowed.some((shape) => shape.test(value))).toBe(true);
    // The seat file holds seats, bands and packs, and no pseudonym.
    expect(stored[files.indexOf("seats.json")]).not.toMatch(/p-[0-9a-f]{16}/);
  });

  it("a new session deletes every record, consent and seat", async () => {
    const { study } = await service();
    await seats(study, 2);
    await call(study, "POST", "/seats/p01/consent");
    await call(study, "POST", "/participant/events", "p01-token", { events: [helpOpened] });
    expect(await json(call(study, "POST", "/session/clear"))).toEqual({ records: 1, consents: 1 });
    const view = await json<SessionView>(call(study, "GET", "/session"));
    expect(view.seats).toEqual([]);
    expect(await json(call(study, "GET", "/export"))).toEqual({ consents: [], records: [] });
  });
});

describe("a seat's sign-in code", () => {
  it("signs in one phone: the first gets a device of the seat, a second one with the same link does not", async () => {
    const { study, seatAccounts } = await service();
    await seats(study, 2);
    const code = await codeOf(study, "p01");
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const first = await signInWithCode(study, "p01", code);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      userId: "@p01:localhost",
      accessToken: "p01-token",
      deviceId: "DEVICE1",
    });
    const second = await signInWithCode(study, "p01", code);
    expect(second.status).toBe(410);
    expect(await second.text()).not.toContain(code ?? "");
    expect(seatAccounts.devices.get("p01")).toEqual(["DEVICE1"]);
    // Used: the console sees no open code for the seat any more.
    expect(await codeOf(study, "p01")).toBeNull();
  });

  it("cannot be guessed from another seat's: every code is random, and one seat's code opens no other", async () => {
    const { study, seatAccounts } = await service();
    await seats(study, 3);
    const codes = await Promise.all(["p01", "p02", "p03"].map((seat) => codeOf(study, seat)));
    expect(new Set(codes).size).toBe(3);
    expect((await signInWithCode(study, "p02", codes[0])).status).toBe(410);
    expect((await signInWithCode(study, "p04", codes[0])).status).toBe(410);
    // Two phones racing with one link: exactly one gets in.
    const raced = await Promise.all([
      signInWithCode(study, "p03", codes[2]),
      signInWithCode(study, "p03", codes[2]),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(seatAccounts.devices.get("p02")).toEqual([]);
    // Anything but a seat and a code of the right shape is refused before it is compared.
    expect((await signInWithCode(study, "p02", "short")).status).toBe(400);
    expect((await signInWithCode(study, "noor", codes[1])).status).toBe(400);
    expect((await signInWithCode(study, "p02", codes[1])).status).toBe(200);
  });

  it("is renewed by the facilitator only: the old code stops working and the seat's devices are signed out", async () => {
    const { study, seatAccounts } = await service();
    await seats(study, 1);
    const old = await codeOf(study, "p01");
    expect((await signInWithCode(study, "p01", old)).status).toBe(200);
    expect((await call(study, "POST", "/seats/p01/sign-in-code", "p01-token")).status).toBe(401);
    const renewed = await json<{ signedOut: number }>(
      call(study, "POST", "/seats/p01/sign-in-code"),
    );
    expect(renewed).toEqual({ signedOut: 1 });
    expect(seatAccounts.devices.get("p01")).toEqual([]);
    const fresh = await codeOf(study, "p01");
    expect(fresh).not.toBe(old);
    expect((await signInWithCode(study, "p01", old)).status).toBe(410);
    expect((await signInWithCode(study, "p01", fresh)).status).toBe(200);
  });

  it("is kept in memory only: after a restart the seats are there and the console makes new codes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "study-service-"));
    const first = await service(dir);
    await seats(first.study, 1);
    const before = await codeOf(first.study, "p01");
    await first.study.close();
    const second = await service(dir);
    expect(await codeOf(second.study, "p01")).toBeNull();
    expect((await signInWithCode(second.study, "p01", before)).status).toBe(410);
    await call(second.study, "POST", "/seats/p01/sign-in-code");
    expect(
      (await signInWithCode(second.study, "p01", await codeOf(second.study, "p01"))).status,
    ).toBe(200);
  });
});
