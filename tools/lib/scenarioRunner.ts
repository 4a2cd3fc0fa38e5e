// Tooling (Node only): plays the other side of a scripted scenario
// (Over 400 lines: each step kind of the scenario language is a short case of one interpreter.)
// (tools/scenarios/) against a real homeserver. The actor, and any other
// actors the script names (the stranger in a friend's group), are each a
// ChatSession of the client's own Matrix layer with Rust crypto in memory, so
// every message they send is end-to-end encrypted exactly as the app's are
// (sendText refuses a room without encryption). Used by the command line
// (tools/scenario.ts), by a facilitator console through the progress events,
// and by the integration tests.

import "fake-indexeddb/auto";
import { randomBytes } from "node:crypto";
import {
  ChatSession,
  signInWithPassword,
  type ChatSessionOptions,
} from "@safety-by-design/client/actors";
import { ensureDirectChatBetween, signedInSession } from "./conversations.ts";
import { ensureAccount, type Homeserver } from "./homeserver.ts";
import { DEMO_PASSWORD, MODERATOR_USERNAMES, persona, type AgeBand } from "./personas.ts";
import {
  scenarioProblems,
  type Scenario,
  type ScenarioActor,
  type ScenarioLanguage,
  type ScenarioStep,
} from "./scenarioScript.ts";

export type AccountLogin = { readonly username: string; readonly password: string };

/** An account that plays the other side (the actor or another actor), and the age band it holds. */
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
      /** The other actors' accounts, by their names in the script. */
      readonly otherActorUserIds: Readonly<Record<string, string>>;
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
  /** The other actors' accounts, by their names in the script (those resolved before a failure). */
  readonly otherActorUserIds: Readonly<Record<string, string>>;
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
  /**
   * The participant's login, for what only their side can set up (making
   * the actor their friend, `actorIsFriend`): a second device signs in, does
   * it and signs out. Without it the runner uses the persona's demo login,
   * unless `participantUserId` names another account. Alone, it also names
   * the participant.
   */
  readonly participantAccount?: AccountLogin;
  /** Play as this existing account instead of the scenario's actor. */
  readonly actorAccount?: AccountLogin;
  /** Play these other actors (by their names in the script) as these existing accounts. */
  readonly otherActorAccounts?: Readonly<Record<string, AccountLogin>>;
  /**
   * More ChatSession options for each actor's session (the actor's and every
   * other actor's; band: `actor.band`).
   */
  readonly actorSessionOptions?: (
    actor: ResolvedActor,
  ) => Partial<ChatSessionOptions> | Promise<Partial<ChatSessionOptions>>;
  /**
   * Called once for each actor's session (the actor first, then the other
   * actors), after the sessions run and before the first step: for what a
   * session needs set up after it starts (such as presenting a verified age).
   */
  readonly actorReady?: (session: ChatSession, actor: ResolvedActor) => void | Promise<void>;
  readonly contactPolicy?: ContactPolicy;
};

/**
 * Runs a scenario to the end, a failure, or the signal; never throws. Every
 * actor's session is signed out before "scenario-finished" is emitted and the
 * promise resolves.
 */
export async function runScenario(
  scenario: Scenario,
  options: ScenarioRunOptions,
): Promise<ScenarioRunResult> {
  const emit = options.onEvent ?? (() => undefined);
  const run: RunState = {
    records: [],
    actorUserId: undefined,
    participantUserId: undefined,
    otherActorUserIds: {},
  };
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
    otherActorUserIds: { ...run.otherActorUserIds },
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
  readonly otherActorUserIds: Record<string, string>;
};

async function play(
  scenario: Scenario,
  options: ScenarioRunOptions,
  run: RunState,
  emit: (event: ScenarioEvent) => void,
): Promise<{ status: ScenarioRunResult["status"]; error: string | undefined }> {
  const { records } = run;
  const { homeserver } = options;
  const sessions: ChatSession[] = [];
  const start = async (actor: ResolvedActor): Promise<Player> => {
    const signedIn = await signInWithPassword(homeserver.url, actor.username, actor.password);
    if (!signedIn.ok) throw new Error(`${actor.username} cannot sign in: ${signedIn.failure.kind}`);
    const session = await ChatSession.start(signedIn.credentials, {
      storage: "memory",
      sdkLogLevel: "error",
      ...(await options.actorSessionOptions?.(actor)),
    });
    sessions.push(session);
    options.signal?.throwIfAborted();
    return { session, actor };
  };
  try {
    options.signal?.throwIfAborted();
    const participant = await resolveParticipant(scenario, options);
    const participantUserId = participant.userId;
    run.participantUserId = participantUserId;
    const actor = await resolveActor(homeserver, scenario.actor, options.actorAccount);
    run.actorUserId = actor.userId;
    const others = new Map<string, ResolvedActor>();
    for (const [name, other] of Object.entries(scenario.otherActors ?? {})) {
      const resolved = await resolveActor(homeserver, other, options.otherActorAccounts?.[name]);
      others.set(name, resolved);
      run.otherActorUserIds[name] = resolved.userId;
    }
    options.signal?.throwIfAborted();
    const main = await start(actor);
    const otherPlayers = new Map<string, Player>();
    for (const [name, other] of others) otherPlayers.set(name, await start(other));
    if (scenario.actorIsFriend === true) {
      await ensureFriends(homeserver, main.session, participant);
    }
    for (const player of [main, ...otherPlayers.values()]) {
      await options.actorReady?.(player.session, player.actor);
    }
    emit({
      type: "scenario-started",
      scenarioId: scenario.id,
      actorUserId: actor.userId,
      participantUserId,
      otherActorUserIds: { ...run.otherActorUserIds },
    });
    const player = new ScriptPlayer(main, otherPlayers, participantUserId, options);

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
    // The actors' devices go with the run (every run signs in anew).
    await Promise.all(
      sessions.map((running) =>
        running.signOut().catch(() => {
          running.stop();
        }),
      ),
    );
  }
}

type StepResult = {
  readonly outcome: string;
  readonly skipped: boolean;
  /** Set when the rest of the script no longer makes sense (the participant declined). */
  readonly stopScript: string | undefined;
};

const done = (outcome: string): StepResult => ({ outcome, skipped: false, stopScript: undefined });
const skipped = (outcome: string): StepResult => ({
  outcome,
  skipped: true,
  stopScript: undefined,
});

/** One actor's account and running session. */
type Player = { readonly session: ChatSession; readonly actor: ResolvedActor };

/** The chat the actor made last, and whom it invited into it (the participant, or a `try-contact` target). */
type OpenChat = { readonly roomId: string; readonly invitee: string | undefined };

/** The actors' state while playing: the chat made last, and who is in it. */
class ScriptPlayer {
  readonly #main: Player;
  readonly #others: ReadonlyMap<string, Player>;
  readonly #participantUserId: string;
  readonly #options: ScenarioRunOptions;
  #chat: OpenChat | undefined;

  constructor(
    main: Player,
    others: ReadonlyMap<string, Player>,
    participantUserId: string,
    options: ScenarioRunOptions,
  ) {
    this.#main = main;
    this.#others = others;
    this.#participantUserId = participantUserId;
    this.#options = options;
  }

  async step(step: ScenarioStep): Promise<StepResult> {
    switch (step.do) {
      case "start-direct-chat": {
        const roomId = await this.#openChat(this.#participantUserId);
        return done(`invited ${this.#participantUserId} to encrypted chat ${roomId}`);
      }
      case "start-group":
        return this.#startGroup(step.name[this.#language], step.with);
      case "invite-participant": {
        const chat = this.#chat;
        if (chat === undefined) return skipped("no group was made");
        await this.#main.session.inviteToRoom(chat.roomId, this.#participantUserId);
        this.#chat = { roomId: chat.roomId, invitee: this.#participantUserId };
        return done(`invited ${this.#participantUserId} to ${chat.roomId}`);
      }
      case "add-actor": {
        const chat = this.#chat;
        if (chat === undefined) return skipped("no chat was made");
        const other = this.#other(step.actor);
        await this.#main.session.inviteToRoom(chat.roomId, other.actor.userId);
        await this.#joinAs(other, chat.roomId);
        return done(`added ${other.actor.userId} (${step.actor}) to ${chat.roomId}`);
      }
      case "try-contact":
        return this.#tryContact(step.target);
      case "send": {
        if (this.#chat === undefined) return skipped("no chat was opened");
        const writer = step.by === undefined ? this.#main : this.#other(step.by);
        const eventId = await writer.session.sendText(this.#chat.roomId, step.text[this.#language]);
        return done(
          step.by === undefined
            ? `sent encrypted message ${eventId}`
            : `${step.by} sent encrypted message ${eventId}`,
        );
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

  get #language(): ScenarioLanguage {
    return this.#options.language ?? "nl";
  }

  #other(name: string): Player {
    const other = this.#others.get(name);
    // scenarioProblems checks every name before a run.
    if (other === undefined) throw new Error(`"${name}" is not one of the scenario's other actors`);
    return other;
  }

  async #tryContact(targetPersona: string | undefined): Promise<StepResult> {
    const targetUserId =
      targetPersona === undefined
        ? this.#participantUserId
        : await ensurePersonaAccount(this.#options.homeserver, targetPersona);
    const policy = this.#options.contactPolicy?.({ actor: this.#main.actor, targetUserId });
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
    const roomId = await this.#main.session.createEncryptedDirectChat(otherUserId);
    await this.#untilReadyToSend(this.#main.session, roomId);
    this.#chat = { roomId, invitee: otherUserId };
    return roomId;
  }

  async #startGroup(name: string, withNames: readonly string[]): Promise<StepResult> {
    const inside = withNames.map((other) => this.#other(other));
    // A new group on every run, so the participant sees a new invitation each time.
    const roomId = await this.#main.session.createEncryptedGroup(
      name,
      inside.map((other) => other.actor.userId),
    );
    await this.#untilReadyToSend(this.#main.session, roomId);
    for (const other of inside) await this.#joinAs(other, roomId);
    this.#chat = { roomId, invitee: undefined };
    return done(
      inside.length === 0
        ? `made encrypted group ${roomId}`
        : `made encrypted group ${roomId} with ${withNames.join(", ")} inside`,
    );
  }

  /** Another actor accepts the actor's invitation, as soon as it reaches their device. */
  async #joinAs(other: Player, roomId: string): Promise<void> {
    await this.#until(
      () => other.session.invitations().some((invitation) => invitation.roomId === roomId),
      `${other.actor.userId}'s invitation`,
      30_000,
    );
    await other.session.join(roomId);
    await this.#untilReadyToSend(other.session, roomId);
  }

  /** sendText needs the room (and its encryption state) in that session's store. */
  async #untilReadyToSend(session: ChatSession, roomId: string): Promise<void> {
    await this.#until(
      () =>
        session.chats.some((c) => c.roomId === roomId && c.membership === "join" && c.encrypted),
      "the new chat to sync",
      30_000,
    );
  }

  async #waitForJoin(seconds: number): Promise<StepResult> {
    const chat = this.#chat;
    if (chat === undefined) return skipped("no chat was opened");
    const invitee = chat.invitee;
    if (invitee === undefined) return skipped("the participant is not invited to this chat");
    const membership = (): string | undefined =>
      this.#main.session.conversation(chat.roomId)?.members.find((m) => m.userId === invitee)
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
  homeserver: Homeserver,
  actor: ScenarioActor,
  account: AccountLogin | undefined,
): Promise<ResolvedActor> {
  const band = "persona" in actor ? persona(actor.persona).band : actor.throwaway.band;
  const displayName =
    "persona" in actor ? persona(actor.persona).displayName : actor.throwaway.displayName;
  if (account !== undefined) {
    const { username, password } = account;
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

/** The account the run plays towards, and a login for it when the runner has one. */
type Participant = { readonly userId: string; readonly login: AccountLogin | undefined };

async function resolveParticipant(
  scenario: Scenario,
  options: ScenarioRunOptions,
): Promise<Participant> {
  const login = options.participantAccount;
  if (options.participantUserId !== undefined) {
    return { userId: options.participantUserId, login };
  }
  if (login !== undefined) return { userId: userIdOf(options.homeserver, login.username), login };
  return {
    userId: await ensurePersonaAccount(options.homeserver, scenario.participant),
    login: { username: scenario.participant, password: DEMO_PASSWORD },
  };
}

/**
 * Makes the actor and the participant friends who met in person
 * (`actorIsFriend`), as the demo seeds Noor and Lotte: unless they already
 * share a direct chat both joined, a device of the participant signs in,
 * makes one with the actor, records it on its side and signs out. The
 * participant's side makes it so that their own devices, which may be
 * running with their protection on, never see an invitation from someone
 * who is not their friend yet (they could decline it).
 */
async function ensureFriends(
  homeserver: Homeserver,
  actor: ChatSession,
  participant: Participant,
): Promise<void> {
  // A direct chat both joined, on the actor's side (the client's definition of a contact).
  if (actor.contacts().some((contact) => contact.userId === participant.userId)) return;
  if (participant.login === undefined) {
    throw new Error(
      `${actor.userId} is not yet a friend of ${participant.userId}, and the runner has no login to make them friends (the scenario needs actorIsFriend)`,
    );
  }
  const side = await signedInSession(homeserver, participant.login);
  try {
    await ensureDirectChatBetween(side, actor);
  } finally {
    await side.signOut().catch(() => {
      side.stop();
    });
  }
}

/** Makes sure a persona's account exists (the demo seeds them; a test homeserver may not have). */
async function ensurePersonaAccount(homeserver: Homeserver, name: string): Promise<string> {
  const p = persona(name);
  const account = await ensureAccount(homeserver, {
    username: p.username,
    password: DEMO_PASSWORD,
    displayName: p.displayName,
    admin: MODERATOR_USERNAMES.includes(p.username),
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
