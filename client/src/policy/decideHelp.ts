// Policy layer: which help to show, for this person, at this moment. Works
// before sign-in too (the person is then unverified), because help must
// never wait for a session, the SDK or the network.
// Decision owned here: `help`, before sign-in and in a session alike.

import type {
  HelpDecision,
  HelpMoment,
  PersonFacts,
  PolicyEngine,
  ReportCategory,
} from "@safety-by-design/policy-engine";

/** `reportCategory`: with "after-report", what was reported (adds e.g. Helpwanted after sextortion). */
export type HelpDecider = (moment: HelpMoment, reportCategory?: ReportCategory) => HelpDecision;

export function helpDecider(
  engine: PolicyEngine,
  clock: () => number,
  person: () => PersonFacts,
  locale: () => string,
): HelpDecider {
  return (moment, reportCategory) =>
    engine.decide(
      { point: "help", person: person(), moment, reportCategory, locale: locale() },
      clock(),
    );
}
