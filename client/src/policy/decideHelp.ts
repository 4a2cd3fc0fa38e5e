// Policy layer: which help to show, for this person, at this moment. Works
// before sign-in too (the person is then unverified), because help must
// never wait for a session, the SDK or the network.

import type {
  HelpDecision,
  HelpMoment,
  PersonFacts,
  PolicyEngine,
} from "@safety-by-design/policy-engine";

export type HelpDecider = (moment: HelpMoment) => HelpDecision;

export function helpDecider(
  engine: PolicyEngine,
  clock: () => number,
  person: () => PersonFacts,
  locale: () => string,
): HelpDecider {
  return (moment) =>
    engine.decide({ point: "help", person: person(), moment, locale: locale() }, clock());
}
