// Tooling (Node only): the study service the facilitator console talks to.
// Scripted actors need Node (they sign in as demo accounts and run E2EE
// sessions), so the console in the browser asks this small local service to
// start, stop and report on scenarios, and to reset a participant account.
//
// Only a facilitator may use it: every request carries the facilitator's
// Matrix access token, which the service checks with the homeserver
// (/account/whoami) against the deployment's facilitator list. It listens on
// 127.0.0.1 only. It never sees what the participant's device records: the
// study log stays on the lab device.
//
//   GET  /scenarios                 ids, titles, participants
//   POST /scenarios/{id}/start      runs one (one at a time); optional JSON body
//                                   { participant: "@p07:server" } plays towards
//                                   a study account instead of the persona
//   POST /scenarios/stop            stops the running one
//   GET  /scenarios/status          the run: step kinds and status, no text
//   POST /participants/{name}/reset declines requests, leaves and forgets every
//                                   room but chats with friends made in person
//                                   (the seeded Noor and Lotte's), unblocks everyone

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { CONVERSATION_ORIGIN_EVENT } from "@safety-by-design/client/actors";
import { closeServer, sendJson, listenOnLoopback } from "./localHttp.ts";
import { SCENARIOS, findScenario } from "../scenarios/index.ts";
import { presentActorAge } from "./actorAge.ts";
import type { LocalDeployment } from "./deployment.ts";
import type { Homeserver } from "./homeserver.ts";
import { DEMO_PASSWORD, PERSONAS } from "./personas.ts";
import { rawCall, rawGetAccountData, rawLogin, rawLogout, type RawSession } from "./rawMatrix.ts";
import { runScenario, type ScenarioEvent } from "./scenarioRunner.ts";

export type StudyServiceOptions = {
  readonly homeserver: Homeserver;
  readonly deployment: LocalDeployment;
  /** Matrix user IDs allowed to use the service. */
  readonly facilitators: readonly string[];
  /** 0: any free port (tests). */
  readonly port: number;
  /** The client's origin, for CORS. */
  readonly allowedOrigin?: string;
  /** Plays a scenario; the real runner unless a test passes its own. */
  readonly runScenario?: typeof runScenario;
};

export type StudyService = { readonly url: string; close(): Promise<void> };

type StepView = { readonly index: number; readonly step: string; readonly status: string };
type RunView = {
  readonly scenarioId: string;
  readonly status: "running" | "finished" | "failed" | "stopped";
  readonly steps: readonly StepView[];
};

export async function startStudyService(options: StudyServiceOptions): Promise<StudyService> {
  let run: { view: RunView; abort: AbortController } | undefined;

  const setStep = (index: number, step: string, status: string): void => {
    if (run === undefined) return;
    const steps = run.view.steps.filter((s) => s.index !== index);
    run.view = {
      ...run.view,
      steps: [...steps, { index, step, status }].sort((a, b) => a.index - b.index),
    };
  };

  const onEvent = (event: ScenarioEvent): void => {
    switch (event.type) {
      case "step-started":
        setStep(event.index, event.step.do, "running");
        return;
      case "step-finished":
        setStep(event.index, event.step.do, "finished");
        return;
      case "step-skipped":
        setStep(event.index, event.step.do, "skipped");
        return;
      case "step-failed":
        setStep(event.index, event.step.do, "failed");
        return;
      case "scenario-finished":
        // A step still under way when the run ends was cut short by the stop.
        if (run !== undefined) {
          run.view = {
            status: event.result.status,
            scenarioId: run.view.scenarioId,
            steps: run.view.steps.map((s) =>
              s.status === "running" ? { ...s, status: "stopped" } : s,
            ),
          };
        }
        return;
      case "scenario-started":
        return;
    }
  };

  const routes = async (request: IncomingMessage, path: string): Promise<[number, unknown]> => {
    if (request.method === "GET" && path === "/scenarios") {
      return [
        200,
        SCENARIOS.map((s) => ({ id: s.id, title: s.title, participant: s.participant })),
      ];
    }
    if (request.method === "GET" && path === "/scenarios/status") {
      return [200, run?.view ?? null];
    }
    if (request.method === "POST" && path === "/scenarios/stop") {
      run?.abort.abort(new Error("stopped by the facilitator"));
      return [200, run?.view ?? null];
    }
    const start = /^\/scenarios\/([a-z0-9-]+)\/start$/.exec(path);
    if (request.method === "POST" && start !== null) {
      const scenario = findScenario(start[1] ?? "");
      if (scenario === undefined) return [404, { error: "no such scenario" }];
      if (run?.view.status === "running") return [409, { error: "a scenario is running" }];
      const requested = participantOf(await readJson(request), options.homeserver.serverName);
      if (requested === null) return [400, { error: "participant is not a user of this server" }];
      const abort = new AbortController();
      run = { view: { scenarioId: scenario.id, status: "running", steps: [] }, abort };
      const participant = requested ?? `@${scenario.participant}:${options.homeserver.serverName}`;
      void (options.runScenario ?? runScenario)(scenario, {
        homeserver: options.homeserver,
        signal: abort.signal,
        ...(requested === undefined ? {} : { participantUserId: requested }),
        onEvent,
        actorReady: async (session, actor) => {
          await presentActorAge(session, options.deployment, participant, actor.band);
        },
      });
      return [202, run.view];
    }
    const reset = /^\/participants\/([a-z0-9._=-]+)\/reset$/.exec(path);
    if (request.method === "POST" && reset !== null) {
      const username = reset[1] ?? "";
      if (!PERSONAS.some((p) => p.username === username)) return [404, { error: "no persona" }];
      return [200, await resetParticipant(options.homeserver, username)];
    }
    return [404, { error: "unknown route" }];
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method === "OPTIONS") {
      send(response, 204, undefined, options.allowedOrigin);
      return;
    }
    facilitatorOf(options, request)
      .then(async (facilitator) => {
        if (facilitator === undefined) {
          send(response, 401, { error: "facilitators only" }, options.allowedOrigin);
          return;
        }
        const [status, body] = await routes(request, path);
        send(response, status, body, options.allowedOrigin);
      })
      .catch((error: unknown) => {
        send(response, 500, { error: String(error) }, options.allowedOrigin);
      });
  });
  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    close: async () => {
      run?.abort.abort(new Error("the study service stops"));
      await closeServer(server);
    },
  };
}

/** The request body as JSON; undefined when there is none. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 4096) throw new Error("request body too large");
  }
  return text.trim() === "" ? undefined : (JSON.parse(text) as unknown);
}

/**
 * The participant a start request names: undefined for the scenario's own
 * persona, null when the name is not a plain user ID on this homeserver.
 */
function participantOf(body: unknown, serverName: string): string | undefined | null {
  if (typeof body !== "object" || body === null) return undefined;
  const participant = (body as Record<string, unknown>)["participant"];
  if (participant === undefined) return undefined;
  return typeof participant === "string" &&
    participant === `@${localpartOf(participant)}:${serverName}`
    ? participant
    : null;
}

function localpartOf(userId: string): string {
  return /^@([a-z0-9._=-]+):/.exec(userId)?.[1] ?? "";
}

/** The facilitator behind the request's bearer token, as the homeserver says; else undefined. */
async function facilitatorOf(
  options: StudyServiceOptions,
  request: IncomingMessage,
): Promise<string | undefined> {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (token === undefined) return undefined;
  const whoami = await fetch(`${options.homeserver.url}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!whoami.ok) return undefined;
  const { user_id: userId } = (await whoami.json()) as { user_id?: unknown };
  return typeof userId === "string" && options.facilitators.includes(userId) ? userId : undefined;
}

/**
 * A clean starting point for the next scenario: pending requests declined,
 * every room left except direct chats with friends made in person (the
 * seeded Noor and Lotte's, and Sam and Lotte's once a scenario made it),
 * nobody blocked. So a scripted actor is a stranger again at the next run,
 * and a friend is still a friend.
 */
async function resetParticipant(
  homeserver: Homeserver,
  username: string,
): Promise<{ declined: number; left: number }> {
  const session = await rawLogin(homeserver, username, DEMO_PASSWORD);
  try {
    // Unblock first: an invitation from someone still blocked is never
    // delivered, so a scenario started while the reset runs must find nobody
    // blocked. The rooms that exist now are then cleared from one snapshot.
    await rawCall(
      session,
      "PUT",
      `/user/${encodeURIComponent(session.userId)}/account_data/m.ignored_user_list`,
      { ignored_users: {} },
    );
    const sync = (await rawCall(session, "GET", "/sync?timeout=0")) as {
      rooms?: { invite?: Record<string, unknown>; join?: Record<string, unknown> };
    };
    let declined = 0;
    // Leave and forget: a forgotten room no longer shows up in the next sync.
    const leave = async (roomId: string): Promise<void> => {
      await rawCall(session, "POST", `/rooms/${encodeURIComponent(roomId)}/leave`, {});
      await rawCall(session, "POST", `/rooms/${encodeURIComponent(roomId)}/forget`, {});
    };
    for (const roomId of Object.keys(sync.rooms?.invite ?? {})) {
      await leave(roomId);
      declined++;
    }
    let left = 0;
    for (const roomId of Object.keys(sync.rooms?.join ?? {})) {
      const { joined } = (await rawCall(
        session,
        "GET",
        `/rooms/${encodeURIComponent(roomId)}/joined_members`,
      )) as { joined: Record<string, unknown> };
      if (!(await isChatWithInPersonFriend(session, roomId, Object.keys(joined)))) {
        await leave(roomId);
        left++;
      }
    }
    return { declined, left };
  } finally {
    await rawLogout(session);
  }
}

/**
 * Personas that scenarios cast as the participant's friend (Lotte). Only a
 * chat with one of them survives a reset: any other persona (Alex, say) may
 * play a stranger in the next scenario, even if a test once made them friends.
 */
const FRIEND_PERSONAS: ReadonlySet<string> = new Set(
  SCENARIOS.flatMap((scenario) =>
    scenario.actorIsFriend === true && "persona" in scenario.actor ? [scenario.actor.persona] : [],
  ),
);

/** Just the two of them, a friend persona, recorded on this side as met in person (only tooling records that). */
async function isChatWithInPersonFriend(
  session: RawSession,
  roomId: string,
  joined: readonly string[],
): Promise<boolean> {
  if (joined.length !== 2 || !joined.includes(session.userId)) return false;
  const other = joined.find((userId) => userId !== session.userId) ?? "";
  const localpart = other.slice(1, other.indexOf(":"));
  if (!FRIEND_PERSONAS.has(localpart)) return false;
  const origin = await rawGetAccountData(session, CONVERSATION_ORIGIN_EVENT, roomId);
  return origin?.["origin"] === "in-person";
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  allowedOrigin: string | undefined,
): void {
  sendJson(response, status, body, {
    origin: allowedOrigin,
    methods: "GET, POST, OPTIONS",
    headers: "authorization, content-type",
  });
}
