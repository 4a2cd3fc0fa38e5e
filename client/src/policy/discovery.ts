// Policy layer: age-gated discovery ("Find people", BRIEF.md measure 1).
//
// 1. The homeserver's user directory gives candidates: people this account
//    shares a room with, and people in the opt-in directory room. The server
//    knows nothing about age and decides nothing.
// 2. Each candidate who is not a contact is asked, device to device, whether
//    they want to be found (age/ageExchange.ts, discovery probe). Only a
//    device whose user opted in answers, with a presentation of its band for
//    this searcher. Silence (not opted in, or offline) means not shown:
//    nobody appears in a stranger's search without having said yes.
// 3. For every candidate the engine's discovery decision, with verified
//    bands only, says visible or hidden. An adult never sees a minor; a teen
//    sees another teen only if the pack's peers allow it and they opted in.
//
// Opting in is a protective-setting change: the engine says whether it is
// allowed, and with which information first.

import type {
  DiscoveryDecision,
  PolicyEngine,
  ProtectiveSettingChangeDecision,
} from "@safety-by-design/policy-engine";
import type { DiscoveryAnswer } from "../matrix/age/ageExchange.ts";
import type { DiscoverySettings, PersonFound } from "../matrix/chatSession.ts";
import type { AgeFactsSource } from "./ageFacts.ts";

/** How long a search waits for the candidates' devices. */
export const DISCOVERY_PROBE_TIMEOUT_MS = 3000;
/** At most this many candidates are asked per search. */
const MAX_CANDIDATES = 10;

export type DiscoverySource = {
  searchPeople(term: string): Promise<readonly PersonFound[]>;
  discoverySettings(): DiscoverySettings;
  setDiscoverySettings(settings: DiscoverySettings): Promise<void>;
};

export type DiscoveryProbe = (userId: string, timeoutMs: number) => Promise<DiscoveryAnswer>;

export type PersonShown = PersonFound & { readonly decisionId: string };

export type PeopleFinder = {
  /** The people the engine lets this person see for `term`. */
  readonly find: (term: string) => Promise<readonly PersonShown[]>;
  readonly settings: () => DiscoverySettings;
  /** What the engine says about turning "findable by peers" on or off. */
  readonly findableChange: (newValue: boolean) => ProtectiveSettingChangeDecision;
  /** Saves the setting; call only after findableChange allowed it (and its information was read). */
  readonly setFindable: (newValue: boolean) => Promise<void>;
};

export type PeopleFinderDependencies = {
  readonly engine: PolicyEngine;
  readonly clock: () => number;
  readonly ages: AgeFactsSource;
  readonly isContact: (userId: string) => boolean;
  readonly source: DiscoverySource;
  readonly probe: DiscoveryProbe;
};

export function peopleFinder(deps: PeopleFinderDependencies): PeopleFinder {
  const { engine, clock, ages, isContact, source } = deps;

  const decide = (userId: string, findableByPeers: boolean): DiscoveryDecision =>
    engine.decide(
      {
        point: "discovery",
        surface: "search",
        viewer: ages.self(),
        subject: ages.about(userId),
        subjectSettings: { findableByPeers, suggestedToPeers: false },
        isContact: isContact(userId),
      },
      clock(),
    );

  const judge = async (person: PersonFound): Promise<PersonShown | undefined> => {
    let findable = false;
    if (!isContact(person.userId)) {
      const answer = await deps.probe(person.userId, DISCOVERY_PROBE_TIMEOUT_MS);
      // Only a yes is a yes: silence or "not findable" keeps a stranger out of the results.
      if (answer === "no-answer" || !answer.findableByPeers) return undefined;
      findable = true;
    }
    const decision = decide(person.userId, findable);
    return decision.effect === "visible"
      ? { ...person, decisionId: decision.decisionId }
      : undefined;
  };

  const findableChange = (newValue: boolean): ProtectiveSettingChangeDecision =>
    engine.decide(
      {
        point: "protective-setting-change",
        person: ages.self(),
        setting: "findable-by-peers",
        newValue,
      },
      clock(),
    );

  return {
    find: async (term) => {
      const candidates = (await source.searchPeople(term)).slice(0, MAX_CANDIDATES);
      const judged = await Promise.all(candidates.map(judge));
      return judged.filter((person): person is PersonShown => person !== undefined);
    },
    settings: () => source.discoverySettings(),
    findableChange,
    setFindable: async (newValue) => {
      // Asked again here, so a caller that skipped the decision cannot loosen a locked setting.
      if (findableChange(newValue).effect === "refuse") {
        throw new Error("the policy does not allow this setting");
      }
      await source.setDiscoverySettings({
        ...source.discoverySettings(),
        findableByPeers: newValue,
      });
    },
  };
}
