// Policy layer: age-gated discovery ("Find people", BRIEF.md measure 1).
// No room and no homeserver directory: the deployment's discovery gatekeeper
// (discovery/discoveryDirectory.ts, tools/lib/discoveryService.ts) lists people,
// and every choice about who may find whom is this device's engine's.
//
// 1. Opting in: the engine's protective-setting decision allows it (with its
//    information first). The device then registers with the gatekeeper the
//    searcher bands its own engine lets find this person: the discovery
//    decision says visible for a stranger of that band, and the disclosure
//    decision lets this person show their band to such a stranger (being
//    found means showing it). Opting out deletes the registration.
// 2. Searching: the device sends its term and the bands its own engine lets
//    it see. The gatekeeper checked this person's band itself and answers
//    only with people whose allowed bands include it (at most 10).
// 3. Each candidate who is not a contact is asked, device to device, whether
//    they want to be found (age/ageExchange.ts, discovery probe), with this
//    person's band when the disclosure decision allows it for the band the
//    gatekeeper verified for that candidate. Silence means not shown.
// 4. The candidate's device answers only when its own engine lets this
//    searcher find them, with its band only when its disclosure decision
//    allows (discoveryProbeResponder).
// 5. The engine's discovery decision, with the band the candidate's device
//    presented and this device verified, says visible or hidden. Only a yes
//    is a yes: the gatekeeper's band is never a visibility fact.
//
// Decisions owned here: `discovery` (discoveryDecision, the one place it is
// asked) and `protective-setting-change` for "findable by peers"
// (findableChangeDecision). Disclosure is ageGating.ts's: about a person it
// comes in as the session's `disclosure`; about a band of strangers (who may
// find this person) it is asked through decideDisclosure.

import type {
  AgeBand,
  DisclosureDecision,
  DiscoveryDecision,
  PersonFacts,
  PolicyEngine,
  ProtectiveSettingChangeDecision,
} from "@safety-by-design/policy-engine";
import type { DiscoveryAnswer } from "../age/ageExchange.ts";
import type { DiscoverySettings } from "../matrix/sessionTypes.ts";
import {
  DiscoveryDirectoryError,
  type DirectoryEntry,
  type DiscoveryDirectory,
} from "../discovery/discoveryDirectory.ts";
import type { AgeFactsSource } from "./ageFacts.ts";
import { decideDisclosure, type DisclosureDecider } from "./ageGating.ts";

/** How long a search waits for the candidates' devices. */
export const DISCOVERY_PROBE_TIMEOUT_MS = 3000;
/** At most this many candidates are asked per search. */
const MAX_CANDIDATES = 10;
/** A registration lapses after this unless the device renews it (at every session start). */
export const REGISTRATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/** The bands a verified searcher or subject can have; unverified people are never registered. */
const VERIFIED_BANDS = ["8-12", "13-15", "16-17", "18+"] as const;
export type VerifiedBand = (typeof VERIFIED_BANDS)[number];

/** Where the person's own opt-ins are kept (ChatSession: user account data). */
export type DiscoverySettingsStore = {
  discoverySettings(): DiscoverySettings;
  setDiscoverySettings(settings: DiscoverySettings): Promise<void>;
  /** The name the person's profile shows; what a searcher sees in the result. */
  ownDisplayName(): Promise<string | undefined>;
};

export type DiscoveryProbe = (
  userId: string,
  options: { readonly disclose: boolean; readonly timeoutMs: number },
) => Promise<DiscoveryAnswer>;

export type PersonShown = {
  readonly userId: string;
  readonly displayName: string | undefined;
  readonly decisionId: string;
};

/**
 * not-configured: this installation has no discovery gatekeeper;
 * not-verified: this person holds no verified band, and the gatekeeper admits
 * verified people only (an unverified account finds nobody and nobody finds it).
 */
export type DiscoveryAvailability = "available" | "not-configured" | "not-verified";

export type FindResult =
  | { readonly kind: "found"; readonly people: readonly PersonShown[] }
  /** The gatekeeper's limit of searches per person in a short time. */
  | { readonly kind: "rate-limited" };

export type PeopleFinder = {
  readonly availability: () => DiscoveryAvailability;
  /** The people the engine lets this person see for `term`. */
  readonly find: (term: string) => Promise<FindResult>;
  readonly settings: () => DiscoverySettings;
  /** What the engine says about turning "findable by peers" on or off. */
  readonly findableChange: (newValue: boolean) => ProtectiveSettingChangeDecision;
  /** Saves the setting; call only after findableChange allowed it (and its information was read). */
  readonly setFindable: (newValue: boolean) => Promise<void>;
  /**
   * The decisions behind whom a search can show ("why am I seeing this?"):
   * may this person find an opted-in stranger of each verified band.
   */
  readonly searchDecisions: () => readonly DiscoveryDecision[];
  /**
   * The decisions behind who may find this person once opted in: for a
   * stranger of each verified band, the discovery decision and the disclosure
   * decision (being found shows one's band).
   */
  readonly findableDecisions: () => readonly (DiscoveryDecision | DisclosureDecision)[];
};

export type DiscoveryDependencies = {
  readonly engine: PolicyEngine;
  readonly clock: () => number;
  readonly ages: AgeFactsSource;
  readonly isContact: (userId: string) => boolean;
  readonly settings: DiscoverySettingsStore;
  /** The gatekeeper; undefined when the deployment has none. */
  readonly directory: DiscoveryDirectory | undefined;
};

export type PeopleFinderDependencies = DiscoveryDependencies & {
  readonly probe: DiscoveryProbe;
  /** The session's disclosure decision about a person (ageGating.ts). */
  readonly disclosure: DisclosureDecider;
};

const verifiedFacts = (ageBand: AgeBand): PersonFacts => ({ ageBand, ageVerified: true });

type DiscoveryRequestSettings = { findableByPeers: boolean; suggestedToPeers: boolean };
const OPTED_IN: DiscoveryRequestSettings = { findableByPeers: true, suggestedToPeers: false };

function discoveryDecision(
  deps: Pick<DiscoveryDependencies, "engine" | "clock">,
  viewer: PersonFacts,
  subject: PersonFacts,
  subjectSettings: DiscoveryRequestSettings,
  isContact: boolean,
): DiscoveryDecision {
  return deps.engine.decide(
    { point: "discovery", surface: "search", viewer, subject, subjectSettings, isContact },
    deps.clock(),
  );
}

/** Would `self` show their band to a stranger of this band (not a contact, no accepted conversation)? */
function disclosesToStranger(
  deps: Pick<DiscoveryDependencies, "engine" | "clock">,
  self: PersonFacts,
  audience: PersonFacts,
): boolean {
  const decision = decideDisclosure(deps, {
    self,
    audience,
    isContact: false,
    conversationAccepted: false,
  });
  return decision.effect === "disclose";
}

/** May this person turn "findable by peers" on (or off)? The one place it is asked. */
function findableChangeDecision(
  deps: Pick<DiscoveryDependencies, "engine" | "clock" | "ages">,
  newValue: boolean,
): ProtectiveSettingChangeDecision {
  return deps.engine.decide(
    {
      point: "protective-setting-change",
      person: deps.ages.self(),
      setting: "findable-by-peers",
      newValue,
    },
    deps.clock(),
  );
}

/**
 * The searcher bands that may find `self` once opted in: the engine shows
 * `self` to a stranger of that band, and `self` would show their band to them.
 * The demo seeding (tools/lib/demoSeed.ts) registers Daan with this too.
 */
export function allowedSearcherBands(
  deps: Pick<DiscoveryDependencies, "engine" | "clock">,
  self: PersonFacts,
): readonly VerifiedBand[] {
  return VERIFIED_BANDS.filter(
    (band) =>
      discoveryDecision(deps, verifiedFacts(band), self, OPTED_IN, false).effect === "visible" &&
      disclosesToStranger(deps, self, verifiedFacts(band)),
  );
}

/** The bands of opted-in strangers the engine could show `self` at all. */
export function viewableBands(
  deps: Pick<DiscoveryDependencies, "engine" | "clock">,
  self: PersonFacts,
): readonly VerifiedBand[] {
  return VERIFIED_BANDS.filter(
    (band) =>
      discoveryDecision(deps, self, verifiedFacts(band), OPTED_IN, false).effect === "visible",
  );
}

function availabilityOf(deps: DiscoveryDependencies): DiscoveryAvailability {
  if (deps.directory === undefined) return "not-configured";
  return deps.ages.self().ageVerified ? "available" : "not-verified";
}

/** Registers with the gatekeeper what this person's engine allows now. */
async function register(deps: DiscoveryDependencies, directory: DiscoveryDirectory): Promise<void> {
  await directory.register({
    displayName: await deps.settings.ownDisplayName(),
    allowedBands: allowedSearcherBands(deps, deps.ages.self()),
    expiresAt: deps.clock() + REGISTRATION_VALID_MS,
  });
}

/**
 * At session start: a person who opted in is registered again, with the bands
 * this session's engine allows (the pack may have changed) and a new expiry.
 * A registration this person's engine would now refuse is deleted instead.
 */
export async function renewDiscoveryRegistration(
  deps: DiscoveryDependencies,
): Promise<"renewed" | "removed" | "not-findable" | DiscoveryAvailability> {
  const { directory } = deps;
  if (!deps.settings.discoverySettings().findableByPeers) return "not-findable";
  if (directory === undefined) return "not-configured";
  if (findableChangeDecision(deps, true).effect === "refuse") {
    await directory.unregister();
    return "removed";
  }
  const availability = availabilityOf(deps);
  if (availability !== "available") return availability;
  await register(deps, directory);
  return "renewed";
}

/**
 * How this device answers a search probe from `from`: only while its person
 * opted in and its engine lets `from` (with what this device verified about
 * them) find this person; with its band only when the disclosure decision
 * allows it for `from`.
 */
export function discoveryProbeResponder(
  deps: Omit<DiscoveryDependencies, "directory"> & { readonly disclosure: DisclosureDecider },
): (from: string) => { readonly answer: boolean; readonly disclose: boolean } {
  return (from) => {
    const settings = deps.settings.discoverySettings();
    if (!settings.findableByPeers) return { answer: false, disclose: false };
    const visible =
      discoveryDecision(
        deps,
        deps.ages.about(from),
        deps.ages.self(),
        { findableByPeers: true, suggestedToPeers: settings.suggestedToPeers },
        deps.isContact(from),
      ).effect === "visible";
    if (!visible) return { answer: false, disclose: false };
    return { answer: true, disclose: deps.disclosure(from).effect === "disclose" };
  };
}

export function peopleFinder(deps: PeopleFinderDependencies): PeopleFinder {
  const { ages, isContact, settings } = deps;

  const decide = (userId: string, findableByPeers: boolean): DiscoveryDecision =>
    discoveryDecision(
      deps,
      ages.self(),
      ages.about(userId),
      { findableByPeers, suggestedToPeers: false },
      isContact(userId),
    );

  /**
   * Shows this person's band first only when the session's disclosure decision
   * allows it for the candidate, with their band as this device verified it
   * earlier or else as the gatekeeper verified it. Without it, a teen could
   * never find a teen: each device waits for the other's band before showing
   * its own.
   */
  const discloseFirst = (entry: DirectoryEntry): boolean =>
    deps.disclosure(entry.userId, verifiedFacts(entry.band)).effect === "disclose";

  const judge = async (entry: DirectoryEntry): Promise<PersonShown | undefined> => {
    let findable = false;
    if (!isContact(entry.userId)) {
      const answer = await deps.probe(entry.userId, {
        disclose: discloseFirst(entry),
        timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
      });
      // Only a yes is a yes: silence or "not findable" keeps a stranger out of the results.
      if (answer === "no-answer" || !answer.findableByPeers) return undefined;
      findable = true;
    }
    const decision = decide(entry.userId, findable);
    return decision.effect === "visible"
      ? { userId: entry.userId, displayName: entry.displayName, decisionId: decision.decisionId }
      : undefined;
  };

  const findableChange = (newValue: boolean): ProtectiveSettingChangeDecision =>
    findableChangeDecision(deps, newValue);

  const availableDirectory = (): DiscoveryDirectory => {
    const availability = availabilityOf(deps);
    if (deps.directory === undefined || availability !== "available") {
      throw new Error(`discovery is not available here (${availability})`);
    }
    return deps.directory;
  };

  return {
    availability: () => availabilityOf(deps),
    find: async (term) => {
      const directory = availableDirectory();
      let entries: readonly DirectoryEntry[];
      try {
        entries = await directory.search(term, viewableBands(deps, ages.self()));
      } catch (error) {
        if (error instanceof DiscoveryDirectoryError && error.failure === "rate-limited") {
          return { kind: "rate-limited" };
        }
        throw error;
      }
      const judged = await Promise.all(entries.slice(0, MAX_CANDIDATES).map(judge));
      return {
        kind: "found",
        people: judged.filter((person): person is PersonShown => person !== undefined),
      };
    },
    settings: () => settings.discoverySettings(),
    findableChange,
    searchDecisions: () =>
      VERIFIED_BANDS.map((band) =>
        discoveryDecision(deps, ages.self(), verifiedFacts(band), OPTED_IN, false),
      ),
    findableDecisions: () => {
      const self = ages.self();
      return VERIFIED_BANDS.flatMap((band) => [
        discoveryDecision(deps, verifiedFacts(band), self, OPTED_IN, false),
        decideDisclosure(deps, {
          self,
          audience: verifiedFacts(band),
          isContact: false,
          conversationAccepted: false,
        }),
      ]);
    },
    setFindable: async (newValue) => {
      // Asked again here, so a caller that skipped the decision cannot loosen a locked setting.
      if (findableChange(newValue).effect === "refuse") {
        throw new Error("the policy does not allow this setting");
      }
      const current = settings.discoverySettings();
      if (newValue) {
        // Registered first: the setting says "on" only once the gatekeeper lists this person.
        await register(deps, availableDirectory());
        await settings.setDiscoverySettings({ ...current, findableByPeers: true });
        return;
      }
      // Off first: from here on this device answers no search, whatever the gatekeeper still holds.
      await settings.setDiscoverySettings({ ...current, findableByPeers: false });
      await deps.directory?.unregister();
    },
  };
}
