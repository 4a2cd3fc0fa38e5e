// Tooling (Node only): plays the other side of a scripted scenario
// (tools/scenarios/) against a real homeserver. The actor is a ChatSession of
// the client's own Matrix layer with Rust crypto in memory, so every message
// it sends is end-to-end encrypted exactly as the app's are (sendText refuses
// a room without encryption). Used by the command line (tools/scenario.ts),
// by a facilitator console through the progress events, and by the
// integration tests.

import "fake-indexeddb/auto";
import { randomBytes } from "node:crypto";
import { ChatSession, type ChatSessionOptions } from "../../client/src/matrix/chatSession.ts";
import { signInWithPassword } from "../../client/src/matrix/signIn.ts";
import { ensureAccount, type Homeserver } from "./homeserver.ts";
import { DEMO_PASSWORD, persona, type AgeBand } from "./personas.ts";
import {
  scenarioProblems,
  type Scenario,
  type ScenarioLanguage,
  type ScenarioStep,
} from "./scenarioScript.ts";

export type AccountLogin = { readonly username: string; readonly password: string };

/** The account that plays the other side, and the age band it holds. */
export type ResolvedActor = AccountLogin & {
  readonly userId: string;
  readonly displayName: string;
  readonly band: AgeBand;
};

/**
 * A sender-side contact check for `try-contact`, as the actor's own client
 * would make before starting a chat (the app's NewChatViewModel asks its
 * policy gateway). Without one the runner makes the attempt unchecked, like a
 * modified client, and records it as "attempted".
 */
export type ContactPolicy = (attempt: {
  readonly actor: ResolvedActor;
  readonly targetUserId: string;
}) => { readonly outcome: "allowed" | "refused"; readonly detail: string };

export type ScenarioEvent =
  | {
      readonly type: "scenario-started";
      readonly scenarioId: string;
      readonly actorUserId: string;
      readonly participantUserId: string;
    }
  | { readonly type: "step-started"; readonly index: number; readonly step: ScenarioStep }
  | {
      readonly type: "step-finished";
      readonly index: number;
      readonly step: ScenarioStep;
      readonly outcome: string;
    }
  | {
      readonly type: "step-skipped";
      readonly index: number;
      readonly step: ScenarioStep;
      readonly reason: string;
    }
  | {
      readonly type: "step-failed";
      readonly index: number;
      readonly step: ScenarioStep;
      readonly error: string;
    }
  | { readonly type: "scenario-finished"; readonly result: ScenarioRunResult };

export type StepRecord = {
  readonly index: number;
  readonly step: ScenarioStep;
  readonly status: "finished" | "skipped" | "failed" | "stopped";
  /** What happened: the outcome, the reason it was skipped, or the error. */
  readonly outcome: string;
};

export type ScenarioRunResult = {
  readonly scenarioId: string;
  /** "stopped": the signal aborted the run; the actor's session was cleaned up all the same. */
  readonly status: "finished" | "failed" | "stopped";
  readonly actorUserId: string | undefined;
  readonly participantUserId: string | undefined;
  readonly steps: readonly StepRecord[];
  /** Why the run failed outside a step (an invalid script, an account, sign-in). */
  readonly error: string | undefined;
};

export type ScenarioRunOptions = {
  readonly homeserver: Homeserver;
  /** The language the actor writes in (default "nl"). */
  readonly language?: ScenarioLanguage;
  readonly onEvent?: (event: ScenarioEvent) => void;
  readonly signal?: AbortSignal;
  /** Multiplies every pause and wait; 0 runs the script without pauses (default 1). */
  readonly waitScale?: number;
  /** Play towards this account instead of the participant persona (tests use fresh accounts). */
  readonly participantUserId?: string;
  /** Play as this existing account instead of the scenario's actor. */
  readonly actorAccount?: AccountLogin;
  /**
   * More ChatSession options for the actor's session. This is where the
   * actor's age credentials go once sessions present them (band: `actor.band`).
   */
  readonly actorSessionOptions?: (
    actor: ResolvedActor,
  ) => Partial<ChatSessionOptions> | Promise<Partial<ChatSessionOptions>>;
  /**
   * Called once the actor's session runs, before the first step: for what a
   * session needs set up after it starts (such as presenting a verified age).
   */
  readonly actorReady?: (session: ChatSession, actor: ResolvedActor) => void | Promise<void>;
  readonly contactPolicy?: ContactPolicy;
};

/**
 * Runs a scenario to the end, a failure, or the signal; never throws. The
 * actor's session is signed out before "scenario-finished" is emitted and the
 * promise resolves.
 */
export async function runScenario(
  scenario: Scenario,
  options: ScenarioRunOptions,
): Promise<ScenarioRunResult> {
  const emit = options.onEvent ?? (() => undefined);
  const run: RunState = { records: [], actorUserId: undefined, participantUserId: undefined };
  const problems = scenarioProblems(scenario);
  const { status, error } =
    problems.length > 0
      ? { status: "failed" as const, error: `invalid scenario: ${problems.join("; ")}` }
      : await play(scenario, options, run, emit);
  const result: ScenarioRunResult = {
    scenarioId: scenario.id,
    status,
    actorUserId: run.actorUserId,
    participantUserId: run.participantUserId,
    steps: run.records,
    error,
  };
  emit({ type: "scenario-finished", result });
  return result;
}

type RunState = {
  readonly records: StepRecord[];
  actorUserId: string | undefined;
  participantUserId: string | undefined;
};

async function play(
  scenario: Scenario,
  options: ScenarioRunOptions,
  run: RunState,
  emit: (event: ScenarioEvent) => void,
): Promise<{ status: ScenarioRunResult["status"]; error: string | undefined }> {
  const { records } = run;
  let session: ChatSession | undefined;
  try {
    options.signal?.throwIfAborted();
    const { homeserver } = options;
    const participantUserId =
      options.participantUserId ?? (await ensurePersonaAccount(homeserver, scenario.participant));
    run.participantUserId = participantUserId;
    const actor = await resolveActor(scenario, options);
    run.actorUserId = actor.userId;
    options.signal?.throwIfAborted();
    const signedIn = await signInWithPassword(homeserver.url, actor.username, actor.password);
    if (!signedIn.ok) throw new Error(`${actor.username} cannot sign in: ${signedIn.failure.kind}`);
    session = await ChatSession.start(signedIn.credentials, {
      storage: "memory",
      sdkLogLevel: "error",
      ...(await options.actorSessionOptions?.(actor)),
    });
    await options.actorReady?.(session, actor);
    emit({
      type: "scenario-started",
      scenarioId: scenario.id,
      actorUserId: actor.userId,
      participantUserId,
    });
    const player = new ScriptPlayer(session, actor, participantUserId, options);

    let stopReason: string | undefined;
    for (const [index, step] of scenario.steps.entries()) {
      options.signal?.throwIfAborted();
      if (stopReason !== undefined) {
        records.push({ index, step, status: "skipped", outcome: stopReason });
        emit({ type: "step-skipped", index, step, reason: stopReason });
        continue;
      }
      emit({ type: "step-started", index, step });
      let result: StepResult;
      try {
        result = await player.step(step);
      } catch (error) {
        if (options.signal?.aborted === true) {
          records.push({ index, step, status: "stopped", outcome: "stopped during this step" });
          throw error;
        }
        records.push({ index, step, status: "failed", outcome: message(error) });
        emit({ type: "step-failed", index, step, error: message(error) });
        return { status: "failed", error: undefined };
      }
      const status = result.skipped ? "skipped" : "finished";
      records.push({ index, step, status, outcome: result.outcome });
      emit(
        result.skipped
          ? { type: "step-skipped", index, step, reason: result.outcome }
          : { type: "step-finished", index, step, outcome: result.outcome },
      );
      stopReason = result.stopScript;
    }
    return { status: "finished", error: undefined };
  } catch (error) {
    return options.signal?.aborted === true
      ? { status: "stopped", error: undefined }
      : { status: "failed", error: message(error) };
  } finally {
    // The actor's device goes with the run (every run signs in anew).
    if (session !== undefined) {
      const running = session;
      await running.signOut().catch(() => {
        running.stop();
      });
    }
  }
}

type StepResult = {
  readonly outcome: string;
  readonly skipped: boolean;
  /** Set when the rest of the script no longer makes sense (the participant declined). */
  readonly stopScript: string | undefined;
};

const done = (outcome: string): StepResult => ({ outcome, skipped: false, stopScript: undefined });

/** The actor's state while playing: the chat it opened last, and with whom. */
class ScriptPlayer {
  readonly #session: ChatSession;
  readonly #actor: ResolvedActor;
  readonly #participantUserId: string;
  readonly #options: ScenarioRunOptions;
  #chat: { readonly roomId: string; readonly otherUserId: string } | undefined;

  constructor(
    session: ChatSession,
    actor: ResolvedActor,
    participantUserId: string,
    options: ScenarioRunOptions,
  ) {
    this.#session = session;
    this.#actor = actor;
    this.#participantUserId = participantUserId;
    this.#options = options;
  }

  async step(step: ScenarioStep): Promise<StepResult> {
    switch (step.do) {
      case "start-direct-chat": {
        const roomId = await this.#openChat(this.#participantUserId);
        return done(`invited ${this.#participantUserId} to encrypted chat ${roomId}`);
      }
      case "try-contact":
        return this.#tryContact(step.target);
      case "send": {
        if (this.#chat === undefined)
          return { outcome: "no chat was opened", skipped: true, stopScript: undefined };
        const eventId = await this.#session.sendText(
          this.#chat.roomId,
          step.text[this.#options.language ?? "nl"],
        );
        return done(`sent encrypted message ${eventId}`);
      }
      case "wait": {
        const seconds = this.#scaled(step.seconds);
        await sleep(seconds * 1000, this.#options.signal);
        return done(`waited ${seconds} s`);
      }
      case "wait-for-join":
        return this.#waitForJoin(step.seconds);
      default: {
        const unknown: never = step;
        throw new Error(`unknown step ${JSON.stringify(unknown)}`);
      }
    }
  }

  async #tryContact(targetPersona: string | undefined): Promise<StepResult> {
    const targetUserId =
      targetPersona === undefined
        ? this.#participantUserId
        : await ensurePersonaAccount(this.#options.homeserver, targetPersona);
    const policy = this.#options.contactPolicy?.({ actor: this.#actor, targetUserId });
    if (policy?.outcome === "refused") {
      return done(`refused by the sender-side policy: ${policy.detail}`);
    }
    const roomId = await this.#openChat(targetUserId);
    return done(
      policy === undefined
        ? `attempted (no sender-side policy check here): invited ${targetUserId} to ${roomId}`
        : `allowed by the sender-side policy (${policy.detail}): invited ${targetUserId} to ${roomId}`,
    );
  }

  async #openChat(otherUserId: string): Promise<string> {
    // Always a new chat, so the participant sees a new invitation on every run.
    const roomId = await this.#session.createEncryptedDirectChat(otherUserId);
    // sendText needs the room (and its encryption state) in the actor's store.
    await this.#until(
      () => this.#session.chats.some((c) => c.roomId === roomId && c.encrypted),
      "the new chat to sync",
      30_000,
    );
    this.#chat = { roomId, otherUserId };
    return roomId;
  }

  async #waitForJoin(seconds: number): Promise<StepResult> {
    const chat = this.#chat;
    if (chat === undefined)
      return { outcome: "no chat was opened", skipped: true, stopScript: undefined };
    const membership = (): string | undefined =>
      this.#session.conversation(chat.roomId)?.members.find((m) => m.userId === chat.otherUserId)
        ?.membership;
    const waited = this.#scaled(seconds);
    const answer = await this.#until(
      () => (membership() === "join" || membership() === "leave" ? membership() : undefined),
      "an answer",
      waited * 1000,
    ).catch((error: unknown) => {
      if (this.#options.signal?.aborted === true) throw error;
      return undefined;
    });
    if (answer === "join") return done("the participant accepted");
    if (answer === "leave")
      return {
        outcome: "the participant declined",
        skipped: false,
        stopScript: "the participant declined; the actor stops",
      };
    return done(`no answer within ${waited} s; the messages wait in the request`);
  }

  #scaled(seconds: number): number {
    return seconds * (this.#options.waitScale ?? 1);
  }

  /** Polls until `probe` gives a value; rejects after the timeout or on the signal. */
  async #until<T>(probe: () => T | undefined | false, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(Math.min(100, deadline - Date.now()), this.#options.signal);
    }
  }
}

async function resolveActor(
  scenario: Scenario,
  options: ScenarioRunOptions,
): Promise<ResolvedActor> {
  const { homeserver } = options;
  const actor = scenario.actor;
  const band = "persona" in actor ? persona(actor.persona).band : actor.throwaway.band;
  const displayName =
    "persona" in actor ? persona(actor.persona).displayName : actor.throwaway.displayName;
  if (options.actorAccount !== undefined) {
    const { username, password } = options.actorAccount;
    return { username, password, userId: userIdOf(homeserver, username), displayName, band };
  }
  const login =
    "persona" in actor
      ? { username: actor.persona, password: DEMO_PASSWORD }
      : // A new account for every run: nobody has talked to it before.
        { username: `scenario-${randomBytes(4).toString("hex")}`, password: randomHex(12) };
  await ensureAccount(homeserver, { ...login, displayName });
  return { ...login, userId: userIdOf(homeserver, login.username), displayName, band };
}

/** Makes sure a persona's account exists (the demo seeds them; a test homeserver may not have). */
async function ensurePersonaAccount(homeserver: Homeserver, name: string): Promise<string> {
  const p = persona(name);
  const account = await ensureAccount(homeserver, {
    username: p.username,
    password: DEMO_PASSWORD,
    displayName: p.displayName,
    admin: p.username === "moderation",
  });
  return account.userId;
}

function userIdOf(homeserver: Homeserver, username: string): string {
  return `@${username}:${homeserver.serverName}`;
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
