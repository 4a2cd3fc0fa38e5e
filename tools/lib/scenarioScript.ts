// Tooling: the shape of a scripted scenario (tools/scenarios/), and the
// checks every script must pass before it runs. A scenario is plain data: who
// plays the other side, what they do step by step, and what the study
// expects the participant to see and do. The runner (scenarioRunner.ts)
// plays it against a real homeserver.

import { PERSONAS, type AgeBand } from "./personas.ts";

/** Words in both languages of the study: Dutch first, English second. */
export type Bilingual = { readonly nl: string; readonly en: string };

export type ScenarioLanguage = keyof Bilingual;

/**
 * Who plays the other side: a demo persona (their age band comes from
 * shared/BRIEF.md), or a new throwaway account with a display name and the
 * band it holds. The command line and the study service present that band
 * from the actor's device (tools/lib/actorAge.ts); a throwaway's band is
 * registered with the demo age provider first, and "unverified" is not.
 */
export type ScenarioActor =
  | { readonly persona: string }
  | { readonly throwaway: { readonly displayName: string; readonly band: AgeBand } };

/**
 * One thing the other side does. The actor does every step, except a `send`
 * with `by`: that one is written by one of the scenario's `otherActors`.
 * - `start-direct-chat`: invite the participant to a new encrypted direct chat.
 * - `start-group`: make a new encrypted group called `name`, with the other
 *   actors named in `with` inside (they join at once); the participant is not
 *   in it yet.
 * - `invite-participant`: invite the participant into the group made last.
 * - `add-actor`: add another actor (`actor`, a name in `otherActors`) to the
 *   chat made last; they join at once.
 * - `try-contact`: an attempt that our own client's policy may refuse; the
 *   outcome is recorded. `target` is a persona (default: the participant).
 * - `send`: an end-to-end encrypted message into the chat made last.
 * - `wait`: a pause, so messages do not arrive all at once.
 * - `wait-for-join`: wait up to `seconds` for the participant to accept. If
 *   they decline, the actor stops (the rest is skipped); if they do not answer,
 *   the script goes on and its messages wait in the request.
 */
export type ScenarioStep =
  | { readonly do: "start-direct-chat" }
  | { readonly do: "start-group"; readonly name: Bilingual; readonly with: readonly string[] }
  | { readonly do: "invite-participant" }
  | { readonly do: "add-actor"; readonly actor: string }
  | { readonly do: "try-contact"; readonly target?: string }
  | { readonly do: "send"; readonly text: Bilingual; readonly by?: string }
  | { readonly do: "wait"; readonly seconds: number }
  | { readonly do: "wait-for-join"; readonly seconds: number };

/** What the study looks for, as tags a console can count, plus words for the facilitator. */
export type ExpectedTag =
  | "request-held-aside"
  | "request-declined-or-filtered"
  | "unverified-age-shown"
  | "verified-adult-shown"
  | "peer-request"
  | "contact-refused-by-sender-client"
  | "deterrence-with-stop-it-now"
  | "nothing-reaches-participant"
  | "block"
  | "report"
  | "help-kindertelefoon"
  | "help-helpwanted"
  /** A friend's group with a stranger inside opens as the group safety overview, nothing of it shown yet. */
  | "group-overview-shown"
  /** The same group is held aside (8-12): no way to join, the stranger's name not shown. */
  | "held-aside"
  /** A stranger added to a chat the participant is in is announced there, with help. */
  | "newcomer-announced";

export type ScenarioExpectation = {
  readonly tags: readonly ExpectedTag[];
  /** What the participant should see. */
  readonly sees: Bilingual;
  /** What a safe choice looks like; the participant decides. */
  readonly does: Bilingual;
};

export type Scenario = {
  /** Lower-case words joined by hyphens; used on the command line and in exports. */
  readonly id: string;
  readonly title: Bilingual;
  /** For the facilitator: what happens and what to watch for. Never shown to the participant. */
  readonly description: Bilingual;
  /** The persona whose device the participant uses. */
  readonly participant: string;
  /** Who does the steps: the one who invites, writes, makes groups. */
  readonly actor: ScenarioActor;
  /**
   * More people on the other side, by a short name the steps use (`with`,
   * `add-actor`, `send.by`): for example the stranger in a friend's group.
   */
  readonly otherActors?: Readonly<Record<string, ScenarioActor>>;
  /**
   * The actor (a persona) is the participant's friend: before the first step
   * the runner makes sure they share an encrypted direct chat, recorded on
   * both sides as people who met in person, as the demo seeds Noor and Lotte
   * (tools/lib/conversations.ts). Nothing changes when they already do.
   */
  readonly actorIsFriend?: true;
  readonly steps: readonly ScenarioStep[];
  readonly expected: ScenarioExpectation;
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_WAIT_SECONDS = 600;

/** The chat the steps so far made last, as far as a script can tell without running. */
type ChatSoFar = {
  readonly group: boolean;
  /** Other actors in it. */
  readonly others: Set<string>;
  participantInvited: boolean;
};

/**
 * The problems with one scenario (empty when it is fine): structure, known
 * personas and actors, texts in both languages, sensible waits, and steps
 * that make sense in their order (a group before inviting into it, an actor
 * in the chat before writing in it). The runner refuses a scenario with
 * problems; the unit tests run this over every script.
 */
export function scenarioProblems(scenario: Scenario): readonly string[] {
  const problems: string[] = [];
  const personaNames = new Set(PERSONAS.map((p) => p.username));
  const text = (where: string, value: Bilingual): void => {
    for (const language of ["nl", "en"] as const) {
      if (value[language].trim() === "") problems.push(`${where}: ${language} text is empty`);
    }
  };
  const personasPlaying = new Set<string>();
  const actorProblems = (who: string, actor: ScenarioActor): void => {
    if ("persona" in actor) {
      if (!personaNames.has(actor.persona))
        problems.push(`${who} "${actor.persona}" is not a persona`);
      if (actor.persona === scenario.participant)
        problems.push(`${who}: the same persona as the participant`);
      if (personasPlaying.has(actor.persona))
        problems.push(`${who}: persona "${actor.persona}" already plays another part`);
      personasPlaying.add(actor.persona);
    } else if (actor.throwaway.displayName.trim() === "") {
      problems.push(`${who}: the throwaway actor has no display name`);
    }
  };
  if (!ID.test(scenario.id)) problems.push(`id "${scenario.id}" is not lower-case-with-hyphens`);
  text("title", scenario.title);
  text("description", scenario.description);
  if (!personaNames.has(scenario.participant))
    problems.push(`participant "${scenario.participant}" is not a persona`);
  actorProblems("actor", scenario.actor);
  const others = scenario.otherActors ?? {};
  for (const [name, actor] of Object.entries(others)) {
    if (!ID.test(name)) problems.push(`other actor "${name}": name is not lower-case-with-hyphens`);
    actorProblems(`other actor "${name}"`, actor);
  }
  if (scenario.actorIsFriend === true && !("persona" in scenario.actor))
    problems.push("actorIsFriend: only a persona can be the participant's friend");
  const known = (where: string, name: string): boolean => {
    if (Object.hasOwn(others, name)) return true;
    problems.push(`${where}: "${name}" is not one of otherActors`);
    return false;
  };

  if (scenario.steps.length === 0) problems.push("no steps");
  let chat: ChatSoFar | undefined;
  scenario.steps.forEach((step, index) => {
    const where = `step ${index + 1} (${step.do})`;
    switch (step.do) {
      case "start-direct-chat":
        chat = { group: false, others: new Set(), participantInvited: true };
        break;
      case "start-group": {
        text(where, step.name);
        const inside = new Set<string>();
        for (const name of step.with) {
          if (inside.has(name)) problems.push(`${where}: "${name}" is named twice`);
          if (known(where, name)) inside.add(name);
        }
        chat = { group: true, others: inside, participantInvited: false };
        break;
      }
      case "invite-participant":
        if (chat?.group !== true) problems.push(`${where}: no group was made before it`);
        else if (chat.participantInvited)
          problems.push(`${where}: the participant is invited already`);
        else chat.participantInvited = true;
        break;
      case "add-actor":
        if (!known(where, step.actor)) break;
        if (chat === undefined) problems.push(`${where}: no chat was made before it`);
        else if (chat.others.has(step.actor))
          problems.push(`${where}: "${step.actor}" is in the chat already`);
        else chat.others.add(step.actor);
        break;
      case "try-contact":
        if (step.target !== undefined && !personaNames.has(step.target))
          problems.push(`${where}: target "${step.target}" is not a persona`);
        chat = { group: false, others: new Set(), participantInvited: true };
        break;
      case "send":
        text(where, step.text);
        if (step.by !== undefined && known(where, step.by) && !chat?.others.has(step.by))
          problems.push(`${where}: "${step.by}" is not in the chat yet`);
        break;
      case "wait":
      case "wait-for-join":
        if (!(step.seconds > 0 && step.seconds <= MAX_WAIT_SECONDS))
          problems.push(`${where}: seconds must be above 0 and at most ${MAX_WAIT_SECONDS}`);
        if (step.do === "wait-for-join" && chat?.participantInvited === false)
          problems.push(`${where}: the participant is not invited yet`);
        break;
      default: {
        // Exhaustive: a new kind of step must be checked here.
        const unknown: never = step;
        problems.push(`${where}: unknown step ${JSON.stringify(unknown)}`);
      }
    }
  });
  if (scenario.expected.tags.length === 0) problems.push("expected: no tags");
  text("expected.sees", scenario.expected.sees);
  text("expected.does", scenario.expected.does);
  return problems;
}

/** Every piece of scripted text in a scenario, for checks over the scripts' own words. */
export function scriptedTexts(scenario: Scenario): readonly Bilingual[] {
  return [
    scenario.title,
    scenario.description,
    scenario.expected.sees,
    scenario.expected.does,
    ...scenario.steps.flatMap((step) =>
      step.do === "send" ? [step.text] : step.do === "start-group" ? [step.name] : [],
    ),
    ...[scenario.actor, ...Object.values(scenario.otherActors ?? {})].flatMap((actor) =>
      "throwaway" in actor
        ? [{ nl: actor.throwaway.displayName, en: actor.throwaway.displayName }]
        : [],
    ),
  ];
}
