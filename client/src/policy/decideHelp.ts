// Policy layer: which help to show, for this person, at this moment. Works
// before sign-in too (the person is then unverified), because help must
// never wait for a session, the SDK or the network.
// Decision owned here: `help`, before sign-in and in a session alike.

import type {
  HelpDecision,
  HelpMoment,
  HelpNeed,
  PersonFacts,
  PolicyEngine,
  ReportCategory,
} from "@safety-by-design/policy-engine";

/**
 * `reportCategory`: with "after-report", what was reported (adds e.g. Helpwanted after sextortion).
 * `need`: what the person tapped as going on; only that choice, never a message, reaches the engine.
 */
export type HelpDecider = (
  moment: HelpMoment,
  reportCategory?: ReportCategory,
  need?: HelpNeed,
) => HelpDecision;

export function helpDecider(
  engine: PolicyEngine,
  clock: () => number,
  person: () => PersonFacts,
  locale: () => string,
): HelpDecider {
  return (moment, reportCategory, need) =>
    engine.decide(
      { point: "help", person: person(), moment, reportCategory, need, locale: locale() },
      clock(),
    );
}
