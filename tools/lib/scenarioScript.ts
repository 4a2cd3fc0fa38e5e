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
 * band it would claim. The band is carried so that, once accounts present
 * verified age attestations, the runner can hand the actor its credentials.
 */
export type ScenarioActor =
  | { readonly persona: string }
  | { readonly throwaway: { readonly displayName: string; readonly band: AgeBand } };

/**
 * One thing the actor does.
 * - `start-direct-chat`: invite the participant to a new encrypted direct chat.
 * - `try-contact`: an attempt that our own client's policy may refuse; the
 *   outcome is recorded. `target` is a persona (default: the participant).
 * - `send`: an end-to-end encrypted message into the chat started last.
 * - `wait`: a pause, so messages do not arrive all at once.
 * - `wait-for-join`: wait up to `seconds` for the participant to accept. If
 *   they decline, the actor stops (the rest is skipped); if they do not answer,
 *   the script goes on and its messages wait in the request.
 */
export type ScenarioStep =
  | { readonly do: "start-direct-chat" }
  | { readonly do: "try-contact"; readonly target?: string }
  | { readonly do: "send"; readonly text: Bilingual }
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
  | "help-helpwanted";

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
  readonly actor: ScenarioActor;
  readonly steps: readonly ScenarioStep[];
  readonly expected: ScenarioExpectation;
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_WAIT_SECONDS = 600;

/**
 * The problems with one scenario (empty when it is fine): structure, known
 * personas, texts in both languages, sensible waits. The runner refuses a
 * scenario with problems; the unit tests run this over every script.
 */
export function scenarioProblems(scenario: Scenario): readonly string[] {
  const problems: string[] = [];
  const personaNames = new Set(PERSONAS.map((p) => p.username));
  const text = (where: string, value: Bilingual): void => {
    for (const language of ["nl", "en"] as const) {
      if (value[language].trim() === "") problems.push(`${where}: ${language} text is empty`);
    }
  };
  if (!ID.test(scenario.id)) problems.push(`id "${scenario.id}" is not lower-case-with-hyphens`);
  text("title", scenario.title);
  text("description", scenario.description);
  if (!personaNames.has(scenario.participant))
    problems.push(`participant "${scenario.participant}" is not a persona`);
  if ("persona" in scenario.actor) {
    if (!personaNames.has(scenario.actor.persona))
      problems.push(`actor "${scenario.actor.persona}" is not a persona`);
    if (scenario.actor.persona === scenario.participant)
      problems.push("the actor and the participant are the same persona");
  } else if (scenario.actor.throwaway.displayName.trim() === "") {
    problems.push("the throwaway actor has no display name");
  }
  if (scenario.steps.length === 0) problems.push("no steps");
  scenario.steps.forEach((step, index) => {
    const where = `step ${index + 1} (${step.do})`;
    switch (step.do) {
      case "start-direct-chat":
        break;
      case "try-contact":
        if (step.target !== undefined && !personaNames.has(step.target))
          problems.push(`${where}: target "${step.target}" is not a persona`);
        break;
      case "send":
        text(where, step.text);
        break;
      case "wait":
      case "wait-for-join":
        if (!(step.seconds > 0 && step.seconds <= MAX_WAIT_SECONDS))
          problems.push(`${where}: seconds must be above 0 and at most ${MAX_WAIT_SECONDS}`);
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
    ...scenario.steps.flatMap((step) => (step.do === "send" ? [step.text] : [])),
    ...("throwaway" in scenario.actor
      ? [{ nl: scenario.actor.throwaway.displayName, en: scenario.actor.throwaway.displayName }]
      : []),
  ];
}
