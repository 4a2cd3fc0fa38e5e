// The study service against a fake homeserver (whoami only) and a fake runner:
// who may use it, what it lists, one run at a time, stop, and a status that
// carries step kinds but never a scripted word.
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { SCENARIOS } from "../scenarios/index.ts";
import type { LocalDeployment } from "./deployment.ts";
import type { Homeserver } from "./homeserver.ts";
import type { runScenario, ScenarioRunResult } from "./scenarioRunner.ts";
import { startStudyService, type StudyService } from "./studyService.ts";

const TOKENS: Record<string, string> = {
  "facilitator-token": "@facilitator:localhost",
  "noor-token": "@noor:localhost",
};

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

/** A runner that plays each step's start, then waits for the stop signal. */
function fakeRunner(started: { scenarioId: string; participant: string | undefined }[]) {
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

async function service(): Promise<{
  study: StudyService;
  started: { scenarioId: string; participant: string | undefined }[];
}> {
  const { homeserver, server } = await fakeHomeserver();
  const started: { scenarioId: string; participant: string | undefined }[] = [];
  const study = await startStudyService({
    homeserver,
    deployment: {} as LocalDeployment,
    facilitators: ["@facilitator:localhost"],
    port: 0,
    allowedOrigin: "http://127.0.0.1:4173",
    runScenario: fakeRunner(started),
  });
  cleanup.push(
    () => study.close(),
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  return { study, started };
}

function call(
  study: StudyService,
  method: "GET" | "POST" | "OPTIONS",
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

describe("the study service", () => {
  it("listens on the loopback address only", async () => {
    const { study } = await service();
    expect(new URL(study.url).hostname).toBe("127.0.0.1");
  });

  it("answers facilitators only: no token, an unknown token or a participant's token get 401", async () => {
    const { study } = await service();
    const anonymous = await fetch(`${study.url}/scenarios`);
    expect(anonymous.status).toBe(401);
    expect((await call(study, "GET", "/scenarios", "forged")).status).toBe(401);
    expect((await call(study, "GET", "/scenarios", "noor-token")).status).toBe(401);
    expect((await call(study, "POST", "/participants/noor/reset", "noor-token")).status).toBe(401);
  });

  it("lets the client's origin ask (CORS preflight) without a token", async () => {
    const { study } = await service();
    const preflight = await fetch(`${study.url}/scenarios/stop`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:4173");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("lists every scenario with its titles and participant persona", async () => {
    const { study } = await service();
    const listing = (await (await call(study, "GET", "/scenarios")).json()) as unknown[];
    expect(listing).toEqual(
      SCENARIOS.map((s) => ({ id: s.id, title: s.title, participant: s.participant })),
    );
  });

  it("runs one scenario at a time, reports step kinds without text, and stops", async () => {
    const { study, started } = await service();
    expect(await (await call(study, "GET", "/scenarios/status")).json()).toBeNull();

    const start = await call(study, "POST", "/scenarios/unknown-adult-contacts-noor/start");
    expect(start.status).toBe(202);
    expect(started).toEqual([
      { scenarioId: "unknown-adult-contacts-noor", participant: undefined },
    ]);
    const second = await call(study, "POST", "/scenarios/threat-to-noor/start");
    expect(second.status).toBe(409);

    const statusText = await (await call(study, "GET", "/scenarios/status")).text();
    const status = JSON.parse(statusText) as { status: string; steps: { step: string }[] };
    expect(status.status).toBe("running");
    expect(status.steps.map((s) => s.step)).toEqual([
      "start-direct-chat",
      "send",
      "wait",
      "send",
      "wait-for-join",
      "send",
    ]);
    expect(statusText).not.toMatch(/Noor|tekening|drawing|@/);

    await call(study, "POST", "/scenarios/stop");
    await expect
      .poll(
        async () =>
          (
            (await (await call(study, "GET", "/scenarios/status")).json()) as {
              status: string;
            }
          ).status,
      )
      .toBe("stopped");
    const stopped = (await (await call(study, "GET", "/scenarios/status")).json()) as {
      steps: { index: number; status: string }[];
    };
    expect(stopped.steps.map((s) => s.status)).toEqual([
      "finished",
      "stopped",
      "stopped",
      "stopped",
      "stopped",
      "stopped",
    ]);
    expect((await call(study, "POST", "/scenarios/threat-to-noor/start")).status).toBe(202);
  });

  it("plays towards a study account on this server when asked, and refuses another server", async () => {
    const { study, started } = await service();
    const elsewhere = await call(
      study,
      "POST",
      "/scenarios/unknown-adult-contacts-noor/start",
      "facilitator-token",
      { participant: "@p07:evil.example" },
    );
    expect(elsewhere.status).toBe(400);
    const p07 = await call(
      study,
      "POST",
      "/scenarios/unknown-adult-contacts-noor/start",
      "facilitator-token",
      { participant: "@p07:localhost" },
    );
    expect(p07.status).toBe(202);
    expect(started).toEqual([
      { scenarioId: "unknown-adult-contacts-noor", participant: "@p07:localhost" },
    ]);
  });

  it("knows no unknown scenario, and resets personas only", async () => {
    const { study } = await service();
    expect((await call(study, "POST", "/scenarios/no-such-scenario/start")).status).toBe(404);
    expect((await call(study, "POST", "/participants/somebody/reset")).status).toBe(404);
  });
});
