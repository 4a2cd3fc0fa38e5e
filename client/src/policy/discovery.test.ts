import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DiscoveryAnswer } from "../age/ageExchange.ts";
import type { DiscoverySettings } from "../matrix/sessionTypes.ts";
import {
  DiscoveryDirectoryError,
  type DirectoryEntry,
  type DiscoveryDirectory,
} from "../discovery/discoveryDirectory.ts";
import { UNVERIFIED } from "./ageFacts.ts";
import { ageGating } from "./ageGating.ts";
import {
  DISCOVERY_PROBE_TIMEOUT_MS,
  REGISTRATION_VALID_MS,
  allowedSearcherBands,
  peopleFinder,
  renewDiscoveryRegistration,
  viewableBands,
  type DiscoveryProbe,
  type FindResult,
  type PersonShown,
} from "./discovery.ts";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const engine = createPolicyEngine(loadBundledPack("nl-default"));
const clock = () => NOW;
const band = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({ ageBand, ageVerified: true });

const DAAN: DirectoryEntry = { userId: "@daan:localhost", displayName: "Daan", band: "16-17" };
const LOTTE: DirectoryEntry = { userId: "@lotte:localhost", displayName: "Lotte", band: "13-15" };
const SAM: DirectoryEntry = { userId: "@sam:localhost", displayName: "Sam", band: "8-12" };
const BOB: DirectoryEntry = { userId: "@bob:localhost", displayName: "Bob", band: "18+" };
const OFFLINE: DirectoryEntry = { userId: "@offline:localhost", displayName: "Off", band: "16-17" };

type Candidate = { answer: DiscoveryAnswer; band?: PersonFacts };

/** A gatekeeper that lists `entries` for every search, and records what it was asked. */
function fakeDirectory(entries: readonly DirectoryEntry[]) {
  const directory = {
    search: vi.fn<DiscoveryDirectory["search"]>(() => Promise.resolve(entries)),
    register: vi.fn<DiscoveryDirectory["register"]>(() => Promise.resolve()),
    unregister: vi.fn<DiscoveryDirectory["unregister"]>(() => Promise.resolve()),
  } satisfies DiscoveryDirectory;
  return directory;
}

function finder(options: {
  viewer: PersonFacts;
  /** What each candidate's device answers and which band then verified. */
  answers?: Record<string, Candidate>;
  contacts?: readonly string[];
  /** People who are not contacts but share an accepted conversation (a group) with the viewer. */
  sharesRoomWith?: readonly string[];
  /** Bands this device verified earlier (for contacts, who are not probed). */
  known?: Record<string, PersonFacts>;
  entries?: readonly DirectoryEntry[];
  /** null: the deployment has no gatekeeper. */
  directory?: ReturnType<typeof fakeDirectory> | null | undefined;
  settings?: DiscoverySettings;
  /** How long each device takes to answer (fake timers); at once when undefined. */
  answerAfterMs?: number;
}) {
  const verified = new Map<string, PersonFacts>(Object.entries(options.known ?? {}));
  const saved: DiscoverySettings[] = [];
  let current = options.settings ?? { findableByPeers: false, suggestedToPeers: true };
  const settings = {
    discoverySettings: () => current,
    setDiscoverySettings: vi.fn((next: DiscoverySettings) => {
      saved.push(next);
      current = next;
      return Promise.resolve();
    }),
    ownDisplayName: () => Promise.resolve("Daan"),
  };
  const directory =
    options.directory === null
      ? undefined
      : (options.directory ?? fakeDirectory(options.entries ?? [DAAN, LOTTE, OFFLINE]));
  const answer = (userId: string): DiscoveryAnswer => {
    const entry = options.answers?.[userId];
    // The exchange verifies the presentation in the answer before it resolves.
    if (entry?.band !== undefined) verified.set(userId, entry.band);
    return entry?.answer ?? "no-answer";
  };
  const probe = vi.fn<DiscoveryProbe>((userId) => {
    const delay = options.answerAfterMs;
    if (delay === undefined) return Promise.resolve(answer(userId));
    return new Promise((resolve) => {
      setTimeout(() => {
        resolve(answer(userId));
      }, delay);
    });
  });
  const deps = {
    engine,
    clock,
    ages: {
      self: () => options.viewer,
      about: (userId: string) => verified.get(userId) ?? UNVERIFIED,
    },
    isContact: (userId: string) => (options.contacts ?? []).includes(userId),
    settings,
    directory,
  };
  const { disclosure } = ageGating({
    ...deps,
    sharesAcceptedConversation: (userId) => (options.sharesRoomWith ?? []).includes(userId),
  });
  const people = peopleFinder({ ...deps, probe, disclosure });
  return { people, probe, saved, settings, directory, deps };
}

const findable: DiscoveryAnswer = { findableByPeers: true };
const ids = (people: readonly PersonShown[]) => people.map((person) => person.userId);
function shown(result: FindResult): readonly PersonShown[] {
  if (result.kind !== "found") throw new Error(`expected people, got ${result.kind}`);
  return result.people;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Find people: who a searcher may see (nl-default)", () => {
  it("never shows a candidate whose device does not answer, even to an adult", async () => {
    for (const viewer of [band("13-15"), band("18+")]) {
      const { people, probe } = finder({
        viewer,
        answers: { [OFFLINE.userId]: { answer: "no-answer", band: band("18+") } },
        entries: [OFFLINE],
      });
      expect(shown(await people.find("off"))).toEqual([]);
      expect(probe).toHaveBeenCalledWith(OFFLINE.userId, {
        disclose: expect.any(Boolean) as boolean,
        timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
      });
    }
  });

  it("shows a verified 16-17 who opted in to a verified 13-15, with the decision's id", async () => {
    const { people } = finder({
      viewer: band("13-15"),
      answers: { [DAAN.userId]: { answer: findable, band: band("16-17") } },
      entries: [DAAN, OFFLINE],
    });
    const found = shown(await people.find("da"));
    expect(ids(found)).toEqual([DAAN.userId]);
    // The id is the engine's own for exactly this request, so a log can join on it.
    const expected = engine.decide(
      {
        point: "discovery",
        surface: "search",
        viewer: band("13-15"),
        subject: band("16-17"),
        subjectSettings: { findableByPeers: true, suggestedToPeers: false },
        isContact: false,
      },
      NOW,
    );
    expect(expected.effect).toBe("visible");
    expect(found[0]).toEqual({
      userId: DAAN.userId,
      displayName: "Daan",
      decisionId: expected.decisionId,
    });
  });

  it("hides that same opted-in 16-17 from an adult, whatever the gatekeeper listed", async () => {
    const { people } = finder({
      viewer: band("18+"),
      answers: { [DAAN.userId]: { answer: findable, band: band("16-17") } },
      entries: [DAAN],
    });
    expect(shown(await people.find("daan"))).toEqual([]);
  });

  it("lets an unverified account, or an unverified claim of being a teen, search nobody", async () => {
    const unverifiedTeen: PersonFacts = { ageBand: "13-15", ageVerified: false };
    for (const viewer of [UNVERIFIED, unverifiedTeen]) {
      const { people, directory, probe } = finder({ viewer, entries: [DAAN] });
      await expect(people.find("daan")).rejects.toThrow("not-verified");
      expect(directory?.search).not.toHaveBeenCalled();
      expect(probe).not.toHaveBeenCalled();
    }
  });

  it("judges the band the candidate's own device presented, never the gatekeeper's", async () => {
    // A gatekeeper that lies (or a registration made with someone else's help) says 16-17;
    // the device presents 18+: a 13-15 does not see an adult.
    const { people } = finder({
      viewer: band("13-15"),
      answers: { [DAAN.userId]: { answer: findable, band: band("18+") } },
      entries: [DAAN],
    });
    expect(shown(await people.find("daan"))).toEqual([]);
  });

  it("never shows a minor an account whose band did not verify, even one that answered", async () => {
    // nl-default: "mensen die bij jouw leeftijd passen" holds, an unverified account fits no age.
    const answers = { [DAAN.userId]: { answer: findable } };
    for (const viewer of [band("8-12"), band("13-15"), band("16-17")]) {
      const { people } = finder({ viewer, answers, entries: [DAAN] });
      expect(shown(await people.find("daan"))).toEqual([]);
    }
  });

  it("hides a teen who answered but did not opt in to being findable by peers", async () => {
    const { people } = finder({
      viewer: band("13-15"),
      answers: { [DAAN.userId]: { answer: { findableByPeers: false }, band: band("16-17") } },
      entries: [DAAN],
    });
    expect(shown(await people.find("daan"))).toEqual([]);
  });

  it("never shows an opted-in 8-12 to a stranger, not even another child", async () => {
    for (const viewer of [band("8-12"), band("13-15")]) {
      const { people } = finder({
        viewer,
        answers: { [SAM.userId]: { answer: findable, band: band("8-12") } },
        entries: [SAM],
      });
      expect(shown(await people.find("sam"))).toEqual([]);
    }
  });

  it("shows a contact the gatekeeper listed without asking their device", async () => {
    const { people, probe } = finder({
      viewer: band("13-15"),
      contacts: [SAM.userId],
      known: { [SAM.userId]: band("8-12") },
      entries: [SAM],
    });
    expect(ids(shown(await people.find("sam")))).toEqual([SAM.userId]);
    expect(probe).not.toHaveBeenCalled();
  });

  it("still hides a minor contact from an adult (contacts are listed elsewhere)", async () => {
    const { people, probe } = finder({
      viewer: band("18+"),
      contacts: [DAAN.userId],
      known: { [DAAN.userId]: band("16-17") },
      entries: [DAAN],
    });
    expect(shown(await people.find("daan"))).toEqual([]);
    expect(probe).not.toHaveBeenCalled();
  });

  it("asks the gatekeeper with the term and the bands this person's engine can see", async () => {
    const cases = [
      [band("13-15"), ["13-15", "16-17"]],
      [band("16-17"), ["13-15", "16-17"]],
      [band("18+"), ["18+"]],
    ] as const;
    for (const [viewer, bands] of cases) {
      const { people, directory } = finder({ viewer, entries: [] });
      await people.find("da");
      expect(directory?.search).toHaveBeenCalledWith("da", bands);
    }
  });

  it("keeps the gatekeeper's order", async () => {
    const { people } = finder({
      viewer: band("16-17"),
      answers: {
        [LOTTE.userId]: { answer: findable, band: band("13-15") },
        [DAAN.userId]: { answer: findable, band: band("16-17") },
      },
      entries: [LOTTE, OFFLINE, DAAN],
    });
    expect(ids(shown(await people.find("a")))).toEqual([LOTTE.userId, DAAN.userId]);
  });

  it("says when the gatekeeper refuses more searches, and fails on any other error", async () => {
    const limited = fakeDirectory([]);
    limited.search.mockRejectedValue(new DiscoveryDirectoryError("rate-limited", "slow down"));
    const { people } = finder({ viewer: band("13-15"), directory: limited });
    expect(await people.find("daan")).toEqual({ kind: "rate-limited" });

    const down = fakeDirectory([]);
    down.search.mockRejectedValue(new DiscoveryDirectoryError("unavailable", "down"));
    const broken = finder({ viewer: band("13-15"), directory: down });
    await expect(broken.people.find("daan")).rejects.toThrow("down");
  });
});

describe("Find people: showing this person's band to a candidate first", () => {
  it("a teen shows its band to a candidate the gatekeeper verified as a peer, not to an adult", async () => {
    const { people, probe } = finder({ viewer: band("13-15"), entries: [DAAN, BOB] });
    await people.find("b");
    expect(probe).toHaveBeenCalledWith(DAAN.userId, {
      disclose: true,
      timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
    });
    expect(probe).toHaveBeenCalledWith(BOB.userId, {
      disclose: false,
      timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
    });
  });

  it("decides as the rest of the session does: a minor in a group both accepted sees it", async () => {
    const strangers = finder({ viewer: band("13-15"), entries: [SAM] });
    await strangers.people.find("sam");
    expect(strangers.probe).toHaveBeenCalledWith(SAM.userId, {
      disclose: false,
      timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
    });
    const inGroup = finder({ viewer: band("13-15"), entries: [SAM], sharesRoomWith: [SAM.userId] });
    await inGroup.people.find("sam");
    expect(inGroup.probe).toHaveBeenCalledWith(SAM.userId, {
      disclose: true,
      timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
    });
  });

  it("prefers what this device verified itself over the gatekeeper's band", async () => {
    const { people, probe } = finder({
      viewer: band("13-15"),
      known: { [DAAN.userId]: band("18+") },
      entries: [DAAN],
    });
    await people.find("daan");
    expect(probe).toHaveBeenCalledWith(DAAN.userId, {
      disclose: false,
      timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS,
    });
  });
});

describe("Find people: where it cannot work, it says so", () => {
  it("is not available without a gatekeeper: no search, no registration", async () => {
    const { people } = finder({ viewer: band("13-15"), directory: null });
    expect(people.availability()).toBe("not-configured");
    await expect(people.find("daan")).rejects.toThrow("not-configured");
    await expect(people.setFindable(true)).rejects.toThrow("not-configured");
  });

  it("is not available to an account without a verified band: it never asks the gatekeeper", async () => {
    const { people, directory } = finder({ viewer: UNVERIFIED });
    expect(people.availability()).toBe("not-verified");
    await expect(people.find("daan")).rejects.toThrow("not-verified");
    await expect(people.setFindable(true)).rejects.toThrow("not-verified");
    expect(directory?.search).not.toHaveBeenCalled();
    expect(directory?.register).not.toHaveBeenCalled();
  });

  it("still lets anyone switch it off, with or without a gatekeeper", async () => {
    for (const directory of [null, undefined] as const) {
      const { people, saved } = finder({
        viewer: UNVERIFIED,
        directory,
        settings: { findableByPeers: true, suggestedToPeers: false },
      });
      await people.setFindable(false);
      expect(saved).toEqual([{ findableByPeers: false, suggestedToPeers: false }]);
    }
  });
});

describe("Find people: asking the candidates' devices", () => {
  const many = Array.from({ length: 14 }, (_, i): DirectoryEntry => ({
    userId: `@p${String(i)}:localhost`,
    displayName: `P${String(i)}`,
    band: "13-15",
  }));

  it("asks at most ten candidates per search, the first ten the gatekeeper gave", async () => {
    const answers = Object.fromEntries(
      many.map((person) => [person.userId, { answer: findable, band: band("13-15") }]),
    );
    const { people, probe } = finder({ viewer: band("13-15"), answers, entries: many });
    const found = shown(await people.find("p"));
    expect(probe).toHaveBeenCalledTimes(10);
    expect(probe.mock.calls.map(([userId]) => userId)).toEqual(
      many.slice(0, 10).map((entry) => entry.userId),
    );
    expect(ids(found)).toEqual(many.slice(0, 10).map((entry) => entry.userId));
  });

  it("counts contacts in the ten but does not ask them", async () => {
    const { people, probe } = finder({
      viewer: band("13-15"),
      contacts: [LOTTE.userId],
      known: { [LOTTE.userId]: band("13-15") },
      entries: [LOTTE, ...many],
    });
    expect(ids(shown(await people.find("p")))).toEqual([LOTTE.userId]);
    expect(probe.mock.calls.map(([userId]) => userId)).toEqual(
      many.slice(0, 9).map((entry) => entry.userId),
    );
  });

  it("asks all devices at once: a search takes one probe timeout, not one per candidate", async () => {
    vi.useFakeTimers();
    const candidates = many.slice(0, 10);
    const { people, probe } = finder({
      viewer: band("13-15"),
      answers: Object.fromEntries(
        candidates.map((person) => [person.userId, { answer: findable, band: band("16-17") }]),
      ),
      entries: candidates,
      // Each device answers just before the probe would give up.
      answerAfterMs: DISCOVERY_PROBE_TIMEOUT_MS - 1,
    });
    let result: FindResult | undefined;
    const search = people.find("p").then((found) => {
      result = found;
    });
    await vi.advanceTimersByTimeAsync(0);
    // Every device was asked before any answered.
    expect(probe).toHaveBeenCalledTimes(10);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(DISCOVERY_PROBE_TIMEOUT_MS - 1);
    expect(result === undefined ? [] : ids(shown(result))).toEqual(
      candidates.map((entry) => entry.userId),
    );
    await search;
  });
});

describe("Find people: which searcher bands a registration allows (nl-default)", () => {
  it("teens allow teens; adults allow adults; an 8-12 or an unverified account allows nobody", () => {
    const deps = { engine, clock };
    expect(allowedSearcherBands(deps, band("8-12"))).toEqual([]);
    expect(allowedSearcherBands(deps, band("13-15"))).toEqual(["13-15", "16-17"]);
    expect(allowedSearcherBands(deps, band("16-17"))).toEqual(["13-15", "16-17"]);
    expect(allowedSearcherBands(deps, band("18+"))).toEqual(["18+"]);
    expect(allowedSearcherBands(deps, UNVERIFIED)).toEqual([]);
  });

  it("minors can see only verified people of their age; adults and unverified accounts only adults", () => {
    const deps = { engine, clock };
    expect(viewableBands(deps, band("8-12"))).toEqual([]);
    expect(viewableBands(deps, band("13-15"))).toEqual(["13-15", "16-17"]);
    expect(viewableBands(deps, band("16-17"))).toEqual(["13-15", "16-17"]);
    expect(viewableBands(deps, band("18+"))).toEqual(["18+"]);
    expect(viewableBands(deps, UNVERIFIED)).toEqual(["18+"]);
  });
});

describe("Find people: the decisions behind it, for 'why am I seeing this?'", () => {
  it("gives the decisions that set whom a search can show: the same ones viewableBands reads", () => {
    for (const viewer of [band("13-15"), band("18+")]) {
      const decisions = finder({ viewer }).people.searchDecisions();
      expect(decisions.map((decision) => decision.point)).toEqual(Array(4).fill("discovery"));
      const visible = ["8-12", "13-15", "16-17", "18+"].filter(
        (_, index) => decisions[index]?.effect === "visible",
      );
      expect(visible).toEqual(viewableBands({ engine, clock }, viewer));
    }
    const adult = finder({ viewer: band("18+") }).people.searchDecisions();
    expect(adult.flatMap((decision) => decision.reasons)).toContain(
      "discovery/adults-never-see-minors",
    );
  });

  it("gives the decisions behind who may find this person and see their band", () => {
    const decisions = finder({ viewer: band("13-15") }).people.findableDecisions();
    expect(decisions.map((decision) => decision.point)).toEqual(
      Array<string[]>(4).fill(["discovery", "disclosure"]).flat(),
    );
    expect(decisions.flatMap((decision) => decision.reasons)).toEqual(
      expect.arrayContaining([
        "discovery/adults-never-see-minors",
        "disclosure/minor-band-never-to-strangers",
      ]),
    );
  });
});

describe("Find people: the findable setting goes through the engine", () => {
  it("refuses 8-12 turning it on, showing the setting as locked", () => {
    const decision = finder({ viewer: band("8-12") }).people.findableChange(true);
    expect(decision.effect).toBe("refuse");
    expect(decision.notices.map((notice) => notice.id)).toEqual(["setting-locked"]);
  });

  it("lets 13-15 and 16-17 turn it on after the setting's information", () => {
    for (const viewer of [band("13-15"), band("16-17")]) {
      const decision = finder({ viewer }).people.findableChange(true);
      expect(decision.effect).toBe("allow-with-information");
      expect(decision.notices.map((notice) => notice.id)).toEqual(["setting-findable-by-peers"]);
    }
  });

  it("lets an adult turn it on without questions", () => {
    const decision = finder({ viewer: band("18+") }).people.findableChange(true);
    expect(decision.effect).toBe("allow");
    expect(decision.notices).toEqual([]);
  });

  it("lets everyone turn it off without questions, an 8-12 included", () => {
    for (const ageBand of ["8-12", "13-15", "16-17", "18+", "unverified"] as const) {
      const viewer = ageBand === "unverified" ? UNVERIFIED : band(ageBand);
      const decision = finder({ viewer }).people.findableChange(false);
      expect({ ageBand, effect: decision.effect, notices: decision.notices }).toEqual({
        ageBand,
        effect: "allow",
        notices: [],
      });
    }
  });

  it("turning it on registers first (the engine's allowed bands, name, a week), then saves", async () => {
    const teen = finder({
      viewer: band("16-17"),
      settings: { findableByPeers: false, suggestedToPeers: true },
    });
    await teen.people.setFindable(true);
    expect(teen.directory?.register).toHaveBeenCalledWith({
      displayName: "Daan",
      allowedBands: ["13-15", "16-17"],
      expiresAt: NOW + REGISTRATION_VALID_MS,
    });
    expect(teen.saved).toEqual([{ findableByPeers: true, suggestedToPeers: true }]);
  });

  it("a registration the gatekeeper refuses leaves the setting off", async () => {
    const refusing = fakeDirectory([]);
    refusing.register.mockRejectedValue(new DiscoveryDirectoryError("not-verified", "no"));
    const teen = finder({ viewer: band("13-15"), directory: refusing });
    await expect(teen.people.setFindable(true)).rejects.toThrow("no");
    expect(teen.saved).toEqual([]);
  });

  it("turning it off saves first (the device stops answering), then deletes the registration", async () => {
    const adult = finder({
      viewer: band("18+"),
      settings: { findableByPeers: true, suggestedToPeers: false },
    });
    const order: string[] = [];
    adult.settings.setDiscoverySettings.mockImplementation(() => {
      order.push("saved");
      return Promise.resolve();
    });
    adult.directory?.unregister.mockImplementation(() => {
      order.push("unregistered");
      return Promise.resolve();
    });
    await adult.people.setFindable(false);
    expect(order).toEqual(["saved", "unregistered"]);
    expect(adult.settings.setDiscoverySettings).toHaveBeenCalledWith({
      findableByPeers: false,
      suggestedToPeers: false,
    });
  });

  it("refuses to save what the engine refuses, whoever calls it", async () => {
    const child = finder({ viewer: band("8-12") });
    await expect(child.people.setFindable(true)).rejects.toThrow(
      "the policy does not allow this setting",
    );
    expect(child.saved).toEqual([]);
    expect(child.directory?.register).not.toHaveBeenCalled();
  });

  it("lets an 8-12 switch it off (back to the protective value)", async () => {
    const child = finder({
      viewer: band("8-12"),
      settings: { findableByPeers: true, suggestedToPeers: false },
    });
    await child.people.setFindable(false);
    expect(child.saved).toEqual([{ findableByPeers: false, suggestedToPeers: false }]);
  });

  it("reads the current settings from the store", () => {
    const settings = { findableByPeers: true, suggestedToPeers: false };
    expect(finder({ viewer: band("13-15"), settings }).people.settings()).toEqual(settings);
  });
});

describe("Find people: the registration is renewed at every session start", () => {
  it("renews an opted-in person's registration with this session's engine", async () => {
    const { deps, directory } = finder({
      viewer: band("13-15"),
      settings: { findableByPeers: true, suggestedToPeers: false },
    });
    expect(await renewDiscoveryRegistration(deps)).toBe("renewed");
    expect(directory?.register).toHaveBeenCalledWith({
      displayName: "Daan",
      allowedBands: ["13-15", "16-17"],
      expiresAt: NOW + REGISTRATION_VALID_MS,
    });
  });

  it("does nothing for someone who did not opt in", async () => {
    const { deps, directory } = finder({ viewer: band("13-15") });
    expect(await renewDiscoveryRegistration(deps)).toBe("not-findable");
    expect(directory?.register).not.toHaveBeenCalled();
    expect(directory?.unregister).not.toHaveBeenCalled();
  });

  it("deletes a registration this session's engine would refuse (an 8-12)", async () => {
    const { deps, directory } = finder({
      viewer: band("8-12"),
      settings: { findableByPeers: true, suggestedToPeers: false },
    });
    expect(await renewDiscoveryRegistration(deps)).toBe("removed");
    expect(directory?.unregister).toHaveBeenCalledTimes(1);
    expect(directory?.register).not.toHaveBeenCalled();
  });

  it("cannot renew without a gatekeeper or a verified band", async () => {
    const on = { findableByPeers: true, suggestedToPeers: false };
    const none = finder({ viewer: band("13-15"), directory: null, settings: on });
    expect(await renewDiscoveryRegistration(none.deps)).toBe("not-configured");
    const unverified = finder({ viewer: UNVERIFIED, settings: on });
    expect(await renewDiscoveryRegistration(unverified.deps)).toBe("not-verified");
    expect(unverified.directory?.register).not.toHaveBeenCalled();
  });
});
