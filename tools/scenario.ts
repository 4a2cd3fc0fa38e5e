// Scripted scenarios from the command line (docs/usability-study.md,
// "Scripted scenarios"). The homeserver must be running (`npm start`, or
// `npm run homeserver -- start`); the participant signs in to the client
// before the run, so their device receives the actor's encryption keys.
//
//   node tools/scenario.ts list
//   node tools/scenario.ts run <id> [--instance demo|test] [--lang nl|en] [--no-waits]
//                                   [--participant <@user:server>] [--verbose]
//
// Exit code: 0 when the script ran to the end, 1 when it failed, 130 when stopped
// (Ctrl-C), 2 for a usage error.

import { presentActorAge } from "./lib/actorAge.ts";
import { prepareLocalDeployment } from "./lib/deployment.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { instanceDataDir, resolveHomeserver } from "./lib/homeserver.ts";
import { runScenario, type ScenarioEvent } from "./lib/scenarioRunner.ts";
import type { ScenarioActor, ScenarioLanguage, ScenarioStep } from "./lib/scenarioScript.ts";
import { findScenario, SCENARIOS } from "./scenarios/index.ts";

const USAGE = `Usage:
  node tools/scenario.ts list
      Lists the scenarios: id, participant, actor and title.
  node tools/scenario.ts run <id> [--instance demo|test] [--lang nl|en] [--no-waits]
                                  [--participant <@user:server>] [--verbose]
      Plays the other side of a scenario against the homeserver (default: demo),
      printing each step. --no-waits skips the pauses (for trying a script out);
      --participant plays towards that account instead of the scenario's persona;
      --verbose also shows matrix-js-sdk's own log.`;

class UsageError extends Error {}

function actorName(actor: ScenarioActor): string {
  return "persona" in actor ? actor.persona : `new account "${actor.throwaway.displayName}"`;
}

function list(): void {
  for (const s of SCENARIOS) {
    const others = Object.entries(s.otherActors ?? {}).map(
      ([name, actor]) => `; ${name}: ${actorName(actor)}`,
    );
    const friend = s.actorIsFriend === true ? " (a friend)" : "";
    console.log(`${s.id}\n  ${s.title.nl} / ${s.title.en}`);
    console.log(
      `  participant: ${s.participant}; actor: ${actorName(s.actor)}${friend}${others.join("")}`,
    );
    console.log(`  expected: ${s.expected.tags.join(", ")}`);
  }
}

function describeStep(step: ScenarioStep, language: ScenarioLanguage): string {
  switch (step.do) {
    case "start-direct-chat":
      return "start an encrypted direct chat with the participant";
    case "start-group":
      return step.with.length === 0
        ? `make the encrypted group "${step.name[language]}"`
        : `make the encrypted group "${step.name[language]}" with ${step.with.join(", ")} inside`;
    case "invite-participant":
      return "invite the participant into the group";
    case "add-actor":
      return `add ${step.actor} to the chat`;
    case "try-contact":
      return `try to contact ${step.target ?? "the participant"}`;
    case "send":
      return step.by === undefined
        ? `send "${step.text[language]}"`
        : `${step.by} sends "${step.text[language]}"`;
    case "wait":
      return `wait ${step.seconds} s`;
    case "wait-for-join":
      return `wait up to ${step.seconds} s for the participant to accept`;
    default: {
      const unknown: never = step;
      return JSON.stringify(unknown);
    }
  }
}

/** The script's own lines; they bypass `console`, which may be muted (see muteSdkChatter). */
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * matrix-js-sdk and its crypto log every request through `console`, and not
 * all of it follows the session's log level. The command line shows the
 * script's steps only (errors stay visible); --verbose keeps everything.
 */
function muteSdkChatter(): void {
  for (const method of ["log", "info", "debug", "warn", "trace"] as const) {
    console[method] = () => undefined;
  }
}

function printer(language: ScenarioLanguage): (event: ScenarioEvent) => void {
  return (event) => {
    switch (event.type) {
      case "scenario-started":
        say(`${event.actorUserId} plays towards ${event.participantUserId}`);
        for (const [name, userId] of Object.entries(event.otherActorUserIds)) {
          say(`  ${name}: ${userId}`);
        }
        return;
      case "step-started":
        say(`[${event.index + 1}] ${describeStep(event.step, language)} …`);
        return;
      case "step-finished":
        say(`[${event.index + 1}] done: ${event.outcome}`);
        return;
      case "step-skipped":
        say(`[${event.index + 1}] skipped: ${event.reason}`);
        return;
      case "step-failed":
        say(`[${event.index + 1}] FAILED: ${event.error}`);
        return;
      case "scenario-finished": {
        const { result } = event;
        if (result.error !== undefined) say(`Error: ${result.error}`);
        say(`Scenario ${result.scenarioId}: ${result.status}`);
        return;
      }
      default: {
        const unknown: never = event;
        say(JSON.stringify(unknown));
      }
    }
  };
}

async function run(id: string | undefined, rest: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...rest],
    options: {
      instance: { type: "string", default: "demo" },
      lang: { type: "string", default: "nl" },
      "no-waits": { type: "boolean", default: false },
      participant: { type: "string" },
      verbose: { type: "boolean", default: false },
    },
  });
  if (id === undefined) throw new UsageError("which scenario? (see: node tools/scenario.ts list)");
  const scenario = findScenario(id);
  if (scenario === undefined) throw new UsageError(`no scenario "${id}"`);
  const instance = values.instance;
  if (instance !== "demo" && instance !== "test")
    throw new UsageError("--instance is demo or test");
  const language = values.lang;
  if (language !== "nl" && language !== "en") throw new UsageError("--lang is nl or en");
  if (
    (process.env["MATRIX_HOMESERVER_URL"] ?? "") === "" &&
    !existsSync(join(instanceDataDir(instance), "instance.json"))
  ) {
    console.error(
      `The ${instance} homeserver has not been set up: run HOMESERVER_INSTANCE=${instance} npm run homeserver -- start`,
    );
    return 1;
  }
  if (values.participant !== undefined && !/^@[^:]+:.+$/.test(values.participant))
    throw new UsageError("--participant is a Matrix user ID, like @noor:localhost");
  const homeserver = resolveHomeserver(instance);
  const deployment = await prepareLocalDeployment(instance);
  say(`${scenario.title[language]} (${scenario.id}) on ${homeserver.url}`);
  say(`Expected: ${scenario.expected.sees[language]}`);
  if (!values.verbose) muteSdkChatter();

  const stop = new AbortController();
  process.once("SIGINT", () => {
    say("\nStopping: signing the actor out …");
    stop.abort(new Error("stopped from the command line"));
  });
  const result = await runScenario(scenario, {
    homeserver,
    language,
    onEvent: printer(language),
    signal: stop.signal,
    waitScale: values["no-waits"] ? 0 : 1,
    ...(values.participant === undefined ? {} : { participantUserId: values.participant }),
    // Each actor's device presents its verified band first, as the app would.
    actorReady: async (session, actor) => {
      const participant = values.participant ?? `@${scenario.participant}:${homeserver.serverName}`;
      const age = await presentActorAge(session, deployment, participant, actor.band);
      say(`Age of ${actor.displayName}: ${age}`);
    },
  });
  return result.status === "finished" ? 0 : result.status === "stopped" ? 130 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, id, ...rest] = argv;
  switch (command) {
    case "list":
      list();
      return 0;
    case "run":
      return run(id, rest);
    default:
      throw new UsageError(command === undefined ? "no command" : `unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // The SDK may keep timers alive after the actor signed out.
    process.exit(code);
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
    ) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
