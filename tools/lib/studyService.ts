// Tooling (Node only): the study service of a classroom session. One laptop
// (Over 400 lines: one small HTTP service; its routes share the consent and attribution state, which is easier to audit in one place.)
// runs it; the facilitator console (any browser) and every participant's
// phone talk to it. It listens on 127.0.0.1 only: in a classroom the HTTPS
// front (tools/lib/lanFront.ts) passes /study/* on from the laptop's network
// address, on the same origin as the app.
//
// Seats: the console creates study accounts p01…pNN (fictional; a random
// password nobody is told, studySeatAccounts.ts), each with a verified band
// at the demo age provider and a policy pack (balanced A/B: packs alternate
// in random order within each pair). Each seat has a one-time sign-in code,
// made here and kept in memory only: the console puts it in the fragment of
// the seat's QR link (`#seat=p01.<code>`), which a browser never sends in a
// request line. The phone's app posts it to /sign-in; the service checks it,
// forgets it, and signs in a new device of the seat for that phone. A second
// phone with the same link gets 410. A fresh code (phone lost or reset)
// signs out the seat's other devices.
// Consent per seat draws a random pseudonym; the central log
// (client/src/study/sessionLog.ts) stamps every event from that seat's phone
// with the pseudonym and the seat's open run. Scenarios run per seat, in
// parallel, each with its own scripted actor.
//
// Who may ask: facilitator routes need a token the homeserver says belongs
// to a facilitator (/account/whoami); participant routes need a seat's own
// token. Stored on disk (storageDir): session-log.json (consents and records:
// pseudonyms, engine ids, times) and seats.json (seat, band, pack). The link
// between a seat and its pseudonym, the sign-in codes and the seats'
// passwords are kept in memory only: after a restart the console makes new
// codes.
//
// Facilitator:
//   GET  /scenarios                           ids, titles, participant persona
//   GET  /session                             seats, live timeline, summaries
//   POST /seats            { count, bands, packs, balanced }   creates seats up to count
//   PUT  /seats/{seat}/pack        { packId }
//   POST /seats/{seat}/consent                draws the pseudonym
//   POST /seats/{seat}/withdraw               deletes the seat's records
//   POST /seats/{seat}/reset                  declines requests, leaves rooms, unblocks
//   POST /seats/{seat}/sign-in-code           a fresh code; signs out the seat's devices
//   POST /seats/{seat}/scenarios/{id}/start   opens a run, starts the actor
//   POST /seats/{seat}/scenarios/stop         stops the actor, closes the run
//   GET  /export                              consents and records (merged, every seat)
//   POST /session/clear                       deletes every record, consent and seat
// A phone with a seat's QR link (no token yet):
//   POST /sign-in             { seat, code }  one time: a new device of the seat
// Participant (their own token):
//   GET  /participant                         { consent, packId }, or { seated: false }
//   POST /participant/events  { events }      recorded only with consent

import { randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { CONVERSATION_ORIGIN_EVENT } from "@safety-by-design/client/actors";
import {
  buildPackCatalogue,
  deviceStudyVocabulary,
  isSeat,
  parseSessionLog,
  seatName,
  serializeSessionLog,
  SessionLog,
  STUDY_CONSENT_TEXT_VERSION,
  summariseScenarios,
  TRANSLATED_COPY_KEYS,
  type StudyVocabulary,
} from "@safety-by-design/client/study";
import { isAttestedAgeBand, type AttestedAgeBand } from "@safety-by-design/protocol";
import { SCENARIOS, findScenario } from "../scenarios/index.ts";
import { presentActorAge } from "./actorAge.ts";
import { registerAgeBand } from "./ageIssuerService.ts";
import type { LocalDeployment } from "./deployment.ts";
import { repoRoot, type Homeserver, type HomeserverInstance } from "./homeserver.ts";
import { closeServer, listenOnLoopback, readJsonBody, sendJson } from "./localHttp.ts";
import { PERSONAS, persona } from "./personas.ts";
import { rawCall, rawGetAccountData, rawLogin, rawLogout, type RawSession } from "./rawMatrix.ts";
import { runScenario, type ScenarioEvent } from "./scenarioRunner.ts";
import { homeserverSeatAccounts, type SeatAccounts } from "./studySeatAccounts.ts";

export type StudyServiceOptions = {
  readonly homeserver: Homeserver;
  readonly deployment: Pick<LocalDeployment, "issuer" | "issuerDir" | "ageIssuerUrl">;
  /** Matrix user IDs allowed to use the facilitator routes. */
  readonly facilitators: readonly string[];
  /** 0: any free port (tests). */
  readonly port: number;
  /** Where the session log and the seats are kept (a folder of their own). */
  readonly storageDir: string;
  /** The client's origin, for CORS (none needed on the classroom's same origin). */
  readonly allowedOrigin?: string;
  /** Plays a scenario; the real runner unless a test passes its own. */
  readonly runScenario?: typeof runScenario;
  /** The seats' accounts; the real homeserver's unless a test passes its own. */
  readonly seatAccounts?: SeatAccounts;
  /** The scripted actors' pauses: 1 as written, 0 none (tests and the bench). */
  readonly waitScale?: number;
  readonly vocabulary?: StudyVocabulary;
  readonly now?: () => number;
};

export type StudyService = {
  readonly url: string;
  /** Resolves once what changed so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export const SESSION_LOG_FILE = "session-log.json";

/** Where an instance's study service keeps its session: .local/study/<instance>/. */
export function studyStorageDir(instance: HomeserverInstance): string {
  return join(repoRoot, ".local", "study", instance);
}
export const SEATS_FILE = "seats.json";
/** More than a classroom; the console asks for at most this many. */
export const MAX_SEATS = 60;
const MAX_EVENTS_PER_REQUEST = 50;
const WHOAMI_CACHE_MS = 10_000;
const TIMELINE_LENGTH = 50;
/** A seat's sign-in code: 24 random bytes, base64url (32 characters). */
const CODE_BYTES = 24;
const CODE_PATTERN = /^[A-Za-z0-9_-]{32}$/;

type StepView = { readonly index: number; readonly step: string; readonly status: string };
type RunView = {
  readonly scenarioId: string;
  readonly status: "running" | "finished" | "failed" | "stopped";
  readonly steps: readonly StepView[];
};
type Seat = { readonly seat: string; readonly band: AttestedAgeBand; packId: string };

/** The vocabulary of this checkout: the scripted scenarios, the bundled packs and study/packs/. */
export async function toolsStudyVocabulary(repoRoot: string): Promise<StudyVocabulary> {
  const { readdir } = await import("node:fs/promises");
  const folder = join(repoRoot, "study", "packs");
  const names = (await readdir(folder).catch(() => [])).filter((n) => n.endsWith(".json"));
  const files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(folder, name), "utf8") })),
  );
  return deviceStudyVocabulary(buildPackCatalogue(files, TRANSLATED_COPY_KEYS, "study/packs"));
}

export async function startStudyService(options: StudyServiceOptions): Promise<StudyService> {
  const serverName = options.homeserver.serverName;
  const now = options.now ?? (() => Date.now());
  const vocabulary = options.vocabulary ?? (await toolsStudyVocabulary(repoRoot));
  await mkdir(options.storageDir, { recursive: true, mode: 0o700 });
  const logFile = join(options.storageDir, SESSION_LOG_FILE);
  const seatsFile = join(options.storageDir, SEATS_FILE);
  const log = new SessionLog({
    vocabulary,
    consentTextVersion: STUDY_CONSENT_TEXT_VERSION,
    now,
    randomBytes: (bytes) => {
      bytes.set(randomBytes(bytes.length));
    },
    stored: parseSessionLog(await readFile(logFile, "utf8").catch(() => ""), vocabulary),
  });
  const seats = new Map<string, Seat>(
    (await readSeats(seatsFile, vocabulary)).map((seat) => [seat.seat, seat]),
  );
  const runs = new Map<string, { view: RunView; abort: AbortController }>();
  const accounts = options.seatAccounts ?? homeserverSeatAccounts(options.homeserver);
  // Each seat's open sign-in code, in memory only; none: used (or made before a restart).
  const codes = new Map<string, string>();
  const newCode = (seat: string): void => {
    codes.set(seat, randomBytes(CODE_BYTES).toString("base64url"));
  };

  // Writes one after another, each the whole current state (atomic rename).
  let writing: Promise<void> = Promise.resolve();
  let pending = false;
  const persist = (): void => {
    if (pending) return;
    pending = true;
    writing = writing.then(async () => {
      pending = false;
      await writeAtomically(logFile, serializeSessionLog(log.stored()));
      await writeAtomically(
        seatsFile,
        `${JSON.stringify([...seats.values()].map((s) => ({ seat: s.seat, band: s.band, packId: s.packId })))}\n`,
      );
    });
  };

  // The demo provider's register is one file: its writers take turns.
  let registering: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = registering.then(work, work);
    registering = next.catch(() => undefined);
    return next;
  };

  // Tokens seen lately, so 30 phones sending events do not each ask the homeserver every time.
  const whoamiCache = new Map<string, { userId: string | undefined; until: number }>();
  const userIdOf = async (request: IncomingMessage): Promise<string | undefined> => {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (token === undefined) return undefined;
    const cached = whoamiCache.get(token);
    if (cached !== undefined && cached.until > Date.now()) return cached.userId;
    const userId = await whoami(options.homeserver.url, token);
    if (whoamiCache.size > 1000) whoamiCache.clear();
    whoamiCache.set(token, { userId, until: Date.now() + WHOAMI_CACHE_MS });
    return userId;
  };

  // A seat's devices were signed out: their tokens are not believed from the cache either.
  const forgetTokensOf = (userId: string): void => {
    for (const [token, entry] of whoamiCache) {
      if (entry.userId === userId) whoamiCache.delete(token);
    }
  };

  /**
   * A phone redeems its seat's code: checked, forgotten before anything else
   * happens (a second phone racing the first finds it gone), then a new
   * device of the seat signs in for it. The code is in the body, never in a
   * path, and is not repeated in any answer or error.
   */
  const signInWithCode = async (request: IncomingMessage): Promise<[number, unknown]> => {
    const body = await readJsonBody(request, 1024).catch(() => undefined);
    const seat = body?.["seat"];
    const code = body?.["code"];
    if (!isSeat(seat) || typeof code !== "string" || !CODE_PATTERN.test(code)) {
      return [400, { error: "seat and code expected" }];
    }
    const open = codes.get(seat);
    if (open === undefined || !sameCode(open, code) || !seats.has(seat)) {
      return [410, { error: "this code was used or is not valid" }];
    }
    codes.delete(seat);
    try {
      const device = await accounts.signInDevice(seat, `Telefoon ${seat}`);
      return [200, device];
    } catch {
      // The homeserver did not answer: the code works again, unless a fresh one was made meanwhile.
      if (!codes.has(seat)) codes.set(seat, open);
      return [502, { error: "the homeserver did not answer; try again" }];
    }
  };

  const seatOfUser = (userId: string): Seat | undefined => {
    const match = /^@(p\d{2,3}):(.+)$/.exec(userId);
    return match?.[2] === serverName ? seats.get(match[1] ?? "") : undefined;
  };

  const onActorEvent = (seat: string, event: ScenarioEvent): void => {
    const run = runs.get(seat);
    if (run === undefined) return;
    const setStep = (index: number, step: string, status: string): void => {
      const steps = run.view.steps.filter((s) => s.index !== index);
      run.view = {
        ...run.view,
        steps: [...steps, { index, step, status }].sort((a, b) => a.index - b.index),
      };
    };
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
        run.view = {
          ...run.view,
          status: event.result.status,
          steps: run.view.steps.map((s) =>
            s.status === "running" ? { ...s, status: "stopped" } : s,
          ),
        };
        return;
      case "scenario-started":
        return;
    }
  };

  const stopSeat = (seat: string): void => {
    runs.get(seat)?.abort.abort(new Error("stopped by the facilitator"));
    log.endRun(seat);
    persist();
  };

  const sessionView = (): unknown => {
    const records = log.records();
    return {
      seats: [...seats.values()]
        .sort((a, b) => a.seat.localeCompare(b.seat))
        .map((seat) => {
          const state = log.seatState(seat.seat);
          return {
            seat: seat.seat,
            band: seat.band,
            packId: seat.packId,
            participant: state.participant ?? null,
            consent:
              state.consent === undefined || state.consent.withdrawnAt !== null
                ? null
                : { textVersion: state.consent.textVersion, givenAt: state.consent.givenAt },
            loggedRun: state.run ?? null,
            recorded: state.recorded,
            actor: runs.get(seat.seat)?.view ?? null,
            // For the seat's QR code on the facilitator's console only; never stored.
            signInCode: codes.get(seat.seat) ?? null,
          };
        }),
      timeline: records.slice(-TIMELINE_LENGTH).reverse(),
      summaries: summariseScenarios(records),
      dropped: log.droppedCount(),
    };
  };

  const facilitatorRoutes = async (
    request: IncomingMessage,
    path: string,
  ): Promise<[number, unknown]> => {
    const method = request.method ?? "GET";
    if (method === "GET" && path === "/scenarios") {
      return [200, scenarioListing()];
    }
    if (method === "GET" && path === "/session") return [200, sessionView()];
    if (method === "GET" && path === "/export") {
      return [200, { consents: log.consents(), records: log.records() }];
    }
    if (method === "POST" && path === "/session/clear") {
      // The next class starts empty: after the export, every record, consent and seat goes.
      for (const seat of seats.keys()) stopSeat(seat);
      const deleted = log.clear();
      seats.clear();
      codes.clear();
      persist();
      return [200, deleted];
    }
    if (method === "POST" && path === "/seats") {
      const body = await readJsonBody(request, 4096);
      const plan = seatPlan(body, vocabulary, seats.size);
      if (typeof plan === "string") return [400, { error: plan }];
      const created: string[] = [];
      for (const [offset, band] of plan.bands.entries()) {
        const seat = seatName(seats.size + 1);
        const userId = `@${seat}:${serverName}`;
        await accounts.prepare(seat, `Deelnemer ${seat.slice(1)}`);
        await inTurn(() => registerAgeBand(options.deployment.issuerDir, userId, band));
        seats.set(seat, { seat, band, packId: plan.packs[offset] ?? "nl-default" });
        newCode(seat);
        created.push(seat);
      }
      persist();
      return [201, { created }];
    }
    const seatRoute = /^\/seats\/(p\d{2,3})\/(.+)$/.exec(path);
    if (seatRoute === null) return [404, { error: "unknown route" }];
    const seatId = seatRoute[1] ?? "";
    const action = seatRoute[2] ?? "";
    const seat = seats.get(seatId);
    if (seat === undefined || !isSeat(seatId)) return [404, { error: "no such seat" }];
    if (method === "PUT" && action === "pack") {
      const packId = (await readJsonBody(request, 1024))?.["packId"];
      if (typeof packId !== "string" || !vocabulary.packIds.has(packId)) {
        return [400, { error: "no such pack" }];
      }
      seat.packId = packId;
      persist();
      return [200, { packId }];
    }
    if (method === "POST" && action === "consent") {
      const participant = log.giveConsent(seatId);
      persist();
      return [200, { participant }];
    }
    if (method === "POST" && action === "withdraw") {
      stopSeat(seatId);
      const result = log.withdrawConsent(seatId);
      persist();
      return [200, result];
    }
    if (method === "POST" && action === "reset") {
      const login = await accounts.login(seatId);
      return [200, await resetParticipant(options.homeserver, login.username, login.password)];
    }
    if (method === "POST" && action === "sign-in-code") {
      // A phone lost or reset: the old code and every device of the seat stop working.
      newCode(seatId);
      const signedOut = await accounts.signOutDevices(seatId);
      forgetTokensOf(`@${seatId}:${serverName}`);
      return [200, { signedOut }];
    }
    if (method === "POST" && action === "scenarios/stop") {
      stopSeat(seatId);
      return [200, runs.get(seatId)?.view ?? null];
    }
    const start = /^scenarios\/([a-z0-9-]+)\/start$/.exec(action);
    if (method === "POST" && start !== null) {
      const scenario = findScenario(start[1] ?? "");
      if (scenario === undefined) return [404, { error: "no such scenario" }];
      if (runs.get(seatId)?.view.status === "running") {
        return [409, { error: "a scenario is running for this seat" }];
      }
      // The seat's login for a friend scenario, asked first: a homeserver away opens no run.
      const participantAccount = await accounts.login(seatId);
      const abort = new AbortController();
      const run = {
        view: { scenarioId: scenario.id, status: "running", steps: [] } as RunView,
        abort,
      };
      runs.set(seatId, run);
      // The log's run opens before the actor's first step, so every event it causes belongs to it.
      log.startRun(seatId, scenario.id);
      persist();
      const participant = `@${seatId}:${serverName}`;
      void (options.runScenario ?? runScenario)(scenario, {
        homeserver: options.homeserver,
        signal: abort.signal,
        participantUserId: participant,
        participantAccount,
        ...(options.waitScale === undefined ? {} : { waitScale: options.waitScale }),
        onEvent: (event) => {
          if (runs.get(seatId) === run) onActorEvent(seatId, event);
        },
        actorReady: async (session, actor) => {
          // A throwaway actor's band goes into the provider's one register file first: in turn.
          const present = (): Promise<string> =>
            presentActorAge(session, options.deployment, participant, actor.band);
          const isPersona = PERSONAS.some((p) => `@${p.username}:${serverName}` === session.userId);
          await (isPersona ? present() : inTurn(present));
        },
      });
      return [202, run.view];
    }
    return [404, { error: "unknown route" }];
  };

  const participantRoutes = async (
    request: IncomingMessage,
    path: string,
    seat: Seat,
  ): Promise<[number, unknown]> => {
    if (request.method === "GET" && path === "/participant") {
      return [200, { consent: log.hasConsent(seat.seat), packId: seat.packId }];
    }
    if (request.method === "POST" && path === "/participant/events") {
      if (!log.hasConsent(seat.seat)) return [403, { error: "no consent recorded" }];
      const events = (await readJsonBody(request, 64 * 1024))?.["events"];
      if (!Array.isArray(events) || events.length > MAX_EVENTS_PER_REQUEST) {
        return [400, { error: `events: an array of at most ${MAX_EVENTS_PER_REQUEST}` }];
      }
      let recorded = 0;
      for (const event of events) if (log.record(seat.seat, event) === "recorded") recorded++;
      persist();
      return [200, { recorded, refused: events.length - recorded }];
    }
    return [404, { error: "unknown route" }];
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method === "OPTIONS") {
      send(response, 204, undefined, options.allowedOrigin);
      return;
    }
    if (request.method === "POST" && path === "/sign-in") {
      signInWithCode(request)
        .then(([status, body]) => {
          send(response, status, body, options.allowedOrigin);
        })
        .catch(() => {
          send(response, 500, { error: "signing in failed" }, options.allowedOrigin);
        });
      return;
    }
    userIdOf(request)
      .then(async (userId) => {
        if (path.startsWith("/participant")) {
          const seat = userId === undefined ? undefined : seatOfUser(userId);
          // "No seat" is a normal answer to every account's question at
          // session start, not an error: a 404 put a failed request in the
          // console of every phone in a study deployment that is not a seat.
          const [status, body] =
            seat === undefined
              ? request.method === "GET" && path === "/participant"
                ? [200, { seated: false }]
                : [404, { error: "this account has no seat" }]
              : await participantRoutes(request, path, seat);
          send(response, status, body, options.allowedOrigin);
          return;
        }
        if (userId === undefined || !options.facilitators.includes(userId)) {
          send(response, 401, { error: "facilitators only" }, options.allowedOrigin);
          return;
        }
        const [status, body] = await facilitatorRoutes(request, path);
        send(response, status, body, options.allowedOrigin);
      })
      .catch((error: unknown) => {
        send(response, 500, { error: String(error) }, options.allowedOrigin);
      });
  });
  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    flush: async () => {
      await writing;
    },
    close: async () => {
      for (const run of runs.values()) run.abort.abort(new Error("the study service stops"));
      await closeServer(server);
      await writing;
    },
  };
}

/** The scenarios, with the band of the persona each was written for. */
export function scenarioListing(): readonly {
  id: string;
  title: { nl: string; en: string };
  participant: string;
  band: string;
}[] {
  return SCENARIOS.map((s) => ({
    id: s.id,
    title: s.title,
    participant: s.participant,
    band: persona(s.participant).band,
  }));
}

/** The seats a POST /seats asks for: bands and packs, one each; or what is wrong. */
export function seatPlan(
  body: Record<string, unknown> | undefined,
  vocabulary: StudyVocabulary,
  existing: number,
  random: (bytes: Uint8Array) => void = (bytes) => {
    bytes.set(randomBytes(bytes.length));
  },
): { readonly bands: readonly AttestedAgeBand[]; readonly packs: readonly string[] } | string {
  const count = body?.["count"];
  const bands = body?.["bands"];
  const packs = body?.["packs"];
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) {
    return "count: a whole number from 1";
  }
  if (existing + count > MAX_SEATS) return `at most ${MAX_SEATS} seats`;
  if (!Array.isArray(bands) || bands.length === 0 || !bands.every(isMinorBand)) {
    return "bands: one or more of 8-12, 13-15, 16-17";
  }
  if (!Array.isArray(packs) || packs.length === 0 || packs.length > 4) return "packs: one to four";
  if (!packs.every((p): p is string => typeof p === "string" && vocabulary.packIds.has(p))) {
    return "packs: only packs of this build";
  }
  const order = body?.["balanced"] === true ? balancedOrder(count, packs, random) : null;
  return {
    bands: Array.from({ length: count }, (_, i) => bands[i % bands.length] as AttestedAgeBand),
    packs: Array.from({ length: count }, (_, i) => order?.[i] ?? packs[0] ?? "nl-default"),
  };
}

/**
 * Balanced assignment: packs in blocks of one each, the order shuffled inside
 * every block, so any prefix of the seats is as even as it can be and the
 * facilitator cannot predict which seat gets which arm.
 */
function balancedOrder(
  count: number,
  packs: readonly string[],
  random: (bytes: Uint8Array) => void,
): readonly string[] {
  const order: string[] = [];
  while (order.length < count) {
    const block = [...packs];
    for (let i = block.length - 1; i > 0; i--) {
      const bytes = new Uint8Array(1);
      random(bytes);
      const j = (bytes[0] ?? 0) % (i + 1);
      [block[i], block[j]] = [block[j] ?? "", block[i] ?? ""];
    }
    order.push(...block);
  }
  return order.slice(0, count);
}

function isMinorBand(value: unknown): value is AttestedAgeBand {
  return value === "8-12" || value === "13-15" || value === "16-17";
}

/** Compares two codes in constant time (both checked to be 32 characters first). */
function sameCode(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readSeats(file: string, vocabulary: StudyVocabulary): Promise<Seat[]> {
  try {
    const value: unknown = JSON.parse(await readFile(file, "utf8"));
    if (!Array.isArray(value)) return [];
    return value.flatMap((entry: unknown) => {
      if (typeof entry !== "object" || entry === null) return [];
      const { seat, band, packId } = entry as Record<string, unknown>;
      if (!isSeat(seat) || !isAttestedAgeBand(band) || typeof packId !== "string") return [];
      return vocabulary.packIds.has(packId) ? [{ seat, band, packId }] : [];
    });
  } catch {
    return [];
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}

async function whoami(homeserverUrl: string, token: string): Promise<string | undefined> {
  const reply = await fetch(`${homeserverUrl}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!reply.ok) return undefined;
  const { user_id: userId } = (await reply.json()) as { user_id?: unknown };
  return typeof userId === "string" ? userId : undefined;
}

/**
 * A clean starting point for the seat's next scenario: pending requests
 * declined, every room left except direct chats with friends made in person,
 * nobody blocked. So a scripted actor is a stranger again at the next run,
 * and a friend is still a friend.
 */
async function resetParticipant(
  homeserver: Homeserver,
  username: string,
  password: string,
): Promise<{ declined: number; left: number }> {
  const session = await rawLogin(homeserver, username, password);
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
    methods: "GET, POST, PUT, OPTIONS",
    headers: "authorization, content-type",
  });
}
