import {
  createPolicyEngine,
  loadBundledPack,
  type AgeBand,
  type ProtectiveSettingChangeDecision,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type {
  DiscoveryAvailability,
  FindResult,
  PeopleFinder,
  PersonShown,
} from "../policy/discovery.ts";
import { FindPeopleViewModel } from "./FindPeopleViewModel.ts";
import { whyViewOf } from "./whyView.ts";

const engine = createPolicyEngine(loadBundledPack("nl-default"));

/** The real engine's answer for a person of `band` switching "findable by peers" to `newValue`. */
function settingDecision(band: AgeBand, newValue: boolean): ProtectiveSettingChangeDecision {
  return engine.decide(
    {
      point: "protective-setting-change",
      person: { ageBand: band, ageVerified: band !== "unverified" },
      setting: "findable-by-peers",
      newValue,
    },
    Date.UTC(2026, 10, 23),
  );
}

const facts = (band: AgeBand) => ({ ageBand: band, ageVerified: band !== "unverified" });
const VERIFIED = ["8-12", "13-15", "16-17", "18+"] as const;
const OPTED_IN = { findableByPeers: true, suggestedToPeers: false };

/** As policy/discovery.ts asks them: may a person of `band` find an opted-in stranger of each band. */
function searchDecisions(band: AgeBand) {
  return VERIFIED.map((other) =>
    engine.decide(
      {
        point: "discovery",
        surface: "search",
        viewer: facts(band),
        subject: facts(other),
        subjectSettings: OPTED_IN,
        isContact: false,
      },
      Date.UTC(2026, 10, 23),
    ),
  );
}

/** Who of each band may find a person of `band` once opted in, and see their band. */
function findableDecisions(band: AgeBand) {
  return VERIFIED.flatMap((other) => [
    engine.decide(
      {
        point: "discovery",
        surface: "search",
        viewer: facts(other),
        subject: facts(band),
        subjectSettings: OPTED_IN,
        isContact: false,
      },
      Date.UTC(2026, 10, 23),
    ),
    engine.decide(
      {
        point: "disclosure",
        self: facts(band),
        audience: facts(other),
        isContact: false,
        conversationAccepted: false,
      },
      Date.UTC(2026, 10, 23),
    ),
  ]);
}

type Deferred<T> = {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
};

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const DAAN: PersonShown = { userId: "@daan:hs", displayName: "Daan", decisionId: "d1" };
const ANON: PersonShown = { userId: "@anon:hs", displayName: undefined, decisionId: "d2" };
const found = (...people: PersonShown[]): FindResult => ({ kind: "found", people });

function setUp(
  options: {
    band?: AgeBand;
    on?: boolean;
    availability?: DiscoveryAvailability;
    find?: PeopleFinder["find"];
    findableChange?: PeopleFinder["findableChange"];
    setFindable?: PeopleFinder["setFindable"];
  } = {},
) {
  const band = options.band ?? "13-15";
  const people = {
    availability: () => options.availability ?? "available",
    find: vi.fn<PeopleFinder["find"]>(options.find ?? (() => Promise.resolve(found(DAAN, ANON)))),
    settings: () => ({ findableByPeers: options.on ?? false, suggestedToPeers: false }),
    findableChange: vi.fn<PeopleFinder["findableChange"]>(
      options.findableChange ?? ((newValue) => settingDecision(band, newValue)),
    ),
    setFindable: vi.fn<PeopleFinder["setFindable"]>(
      options.setFindable ?? (() => Promise.resolve()),
    ),
    searchDecisions: () => searchDecisions(band),
    findableDecisions: () => findableDecisions(band),
  } satisfies PeopleFinder;
  const navigation = { back: vi.fn(), startChatWith: vi.fn() };
  const vm = new FindPeopleViewModel(people, navigation, () => band);
  return { vm, people, navigation };
}

describe("FindPeopleViewModel: searching", () => {
  it("starts empty, with the saved findable setting", () => {
    expect(setUp({ on: true }).vm.getSnapshot()).toEqual({
      availability: "available",
      term: "",
      searching: false,
      results: undefined,
      resultsWhy: undefined,
      error: undefined,
      findable: {
        on: true,
        confirming: undefined,
        refused: undefined,
        saving: false,
        why: whyViewOf(findableDecisions("13-15"), "13-15"),
      },
    });
    expect(setUp({ on: false }).vm.getSnapshot().findable).toMatchObject({
      on: false,
      why: undefined,
    });
  });

  it("says the gatekeeper refused more searches for now", async () => {
    const { vm } = setUp({ find: () => Promise.resolve({ kind: "rate-limited" }) });
    vm.setTerm("daan");
    await vm.search();
    expect(vm.getSnapshot()).toMatchObject({
      searching: false,
      results: undefined,
      error: "findPeople.error.rateLimited",
    });
  });

  it("offers no search where discovery cannot work, and says why", async () => {
    for (const availability of ["not-configured", "not-verified"] as const) {
      const { vm, people } = setUp({ availability });
      expect(vm.getSnapshot().availability).toBe(availability);
      vm.setTerm("daan");
      await vm.search();
      expect(people.find).not.toHaveBeenCalled();
      expect(vm.getSnapshot()).toMatchObject({ searching: false, results: undefined });
    }
  });

  it("asks for at least two characters and does not search for less", async () => {
    for (const term of ["", "d", "  d  "]) {
      const { vm, people } = setUp();
      vm.setTerm(term);
      await vm.search();
      expect(vm.getSnapshot().error).toBe("findPeople.error.short");
      expect(vm.getSnapshot().results).toBeUndefined();
      expect(people.find).not.toHaveBeenCalled();
    }
  });

  it("clears the error when the term changes", async () => {
    const { vm } = setUp();
    vm.setTerm("d");
    await vm.search();
    vm.setTerm("da");
    expect(vm.getSnapshot()).toMatchObject({ term: "da", error: undefined });
  });

  it("searches the trimmed term and shows who the engine let through", async () => {
    const pending = deferred<FindResult>();
    const { vm, people } = setUp({ find: () => pending.promise });
    vm.setTerm("  da ");
    const search = vm.search();
    expect(people.find).toHaveBeenCalledWith("da");
    expect(vm.getSnapshot()).toMatchObject({ searching: true, error: undefined });
    pending.resolve(found(DAAN, ANON));
    await search;
    expect(vm.getSnapshot()).toMatchObject({
      searching: false,
      error: undefined,
      results: [
        { userId: "@daan:hs", name: "Daan" },
        { userId: "@anon:hs", name: undefined },
      ],
    });
  });

  it("shows an empty result as a list, not as 'not searched yet'", async () => {
    const { vm } = setUp({ find: () => Promise.resolve(found()) });
    vm.setTerm("nobody");
    await vm.search();
    expect(vm.getSnapshot().results).toEqual([]);
  });

  it("says the search failed when finding fails", async () => {
    const { vm } = setUp({ find: () => Promise.reject(new Error("offline")) });
    vm.setTerm("daan");
    await vm.search();
    expect(vm.getSnapshot()).toMatchObject({
      searching: false,
      error: "findPeople.error.failed",
    });
  });

  it("a new search clears the last one's failure", async () => {
    const answers = [Promise.reject(new Error("offline")), Promise.resolve(found(DAAN))];
    const { vm } = setUp({ find: () => answers.shift() ?? Promise.resolve(found()) });
    vm.setTerm("daan");
    await vm.search();
    expect(vm.getSnapshot().error).toBe("findPeople.error.failed");
    await vm.search();
    expect(vm.getSnapshot()).toMatchObject({ error: undefined, results: [{ userId: "@daan:hs" }] });
  });

  it("ignores an older search that answers after a newer one", async () => {
    const first = deferred<FindResult>();
    const second = deferred<FindResult>();
    const answers = [first.promise, second.promise];
    const { vm } = setUp({ find: () => answers.shift() ?? Promise.resolve(found()) });
    vm.setTerm("an");
    const older = vm.search();
    vm.setTerm("daan");
    const newer = vm.search();
    second.resolve(found(DAAN));
    await newer;
    first.resolve(found(ANON));
    await older;
    expect(vm.getSnapshot()).toMatchObject({
      searching: false,
      results: [{ userId: "@daan:hs", name: "Daan" }],
    });
  });

  it("ignores an older search that fails after a newer one answered", async () => {
    const first = deferred<FindResult>();
    const answers = [first.promise, Promise.resolve(found(DAAN))];
    const { vm } = setUp({ find: () => answers.shift() ?? Promise.resolve(found()) });
    vm.setTerm("an");
    const older = vm.search();
    vm.setTerm("daan");
    await vm.search();
    first.reject(new Error("timed out"));
    await older;
    expect(vm.getSnapshot()).toMatchObject({ error: undefined, results: [{ userId: "@daan:hs" }] });
  });

  it("ignores results that arrive after it was disposed", async () => {
    const pending = deferred<FindResult>();
    const { vm } = setUp({ find: () => pending.promise });
    const listener = vi.fn();
    vm.subscribe(listener);
    vm.setTerm("daan");
    const search = vm.search();
    listener.mockClear();
    vm.dispose();
    pending.resolve(found(DAAN));
    await search;
    expect(vm.getSnapshot()).toMatchObject({ searching: true, results: undefined });
    expect(listener).not.toHaveBeenCalled();
  });

  it("ignores a failure that arrives after it was disposed", async () => {
    const pending = deferred<FindResult>();
    const { vm } = setUp({ find: () => pending.promise });
    vm.setTerm("daan");
    const search = vm.search();
    vm.dispose();
    pending.reject(new Error("offline"));
    await search;
    expect(vm.getSnapshot().error).toBeUndefined();
  });
});

describe("FindPeopleViewModel: the findable setting", () => {
  it("shows an 8-12 the engine's refusal before any tap, with nothing to switch", () => {
    // Sam's "Aanzetten" looked usable until tapped: now the refusal is the first thing shown.
    const { vm, people } = setUp({ band: "8-12" });
    expect(people.findableChange).toHaveBeenCalledWith(true);
    const { findable } = vm.getSnapshot();
    expect(findable.refused?.map((notice) => notice.id)).toEqual(["setting-locked"]);
    expect(findable.why?.ruleIds).toContain(
      "protective-setting-change/children-cannot-become-findable",
    );
    expect(people.setFindable).not.toHaveBeenCalled();
  });

  it("offers a teen the switch with no refusal before the tap", () => {
    expect(setUp({ band: "13-15" }).vm.getSnapshot().findable).toMatchObject({
      refused: undefined,
      confirming: undefined,
    });
  });

  it("shows the engine's refusal to an 8-12 and saves nothing", async () => {
    const { vm, people } = setUp({ band: "8-12" });
    await vm.requestFindable(true);
    expect(people.findableChange).toHaveBeenCalledWith(true);
    const { findable } = vm.getSnapshot();
    expect(findable.refused?.map((notice) => notice.id)).toEqual(["setting-locked"]);
    expect(findable).toMatchObject({ on: false, confirming: undefined, saving: false });
    expect(people.setFindable).not.toHaveBeenCalled();
  });

  it("shows a teen the information first, and saves only after confirming", async () => {
    const { vm, people } = setUp({ band: "13-15" });
    await vm.requestFindable(true);
    const asked = vm.getSnapshot().findable;
    expect(asked.confirming?.newValue).toBe(true);
    expect(asked.confirming?.notices.map((notice) => notice.id)).toEqual([
      "setting-findable-by-peers",
    ]);
    expect(asked).toMatchObject({ on: false, refused: undefined, saving: false });
    expect(people.setFindable).not.toHaveBeenCalled();

    await vm.confirmFindable();
    expect(people.setFindable).toHaveBeenCalledExactlyOnceWith(true);
    expect(vm.getSnapshot().findable).toEqual({
      on: true,
      confirming: undefined,
      refused: undefined,
      saving: false,
      why: whyViewOf(findableDecisions("13-15"), "13-15"),
    });
  });

  it("confirms the value that was asked for, also when a pack asks before switching off", async () => {
    // nl-default always allows switching off at once; another pack may inform first.
    const informFirst = settingDecision("13-15", true);
    const { vm, people } = setUp({ band: "13-15", on: true, findableChange: () => informFirst });
    await vm.requestFindable(false);
    expect(vm.getSnapshot().findable.confirming).toEqual({
      newValue: false,
      notices: informFirst.notices,
    });
    await vm.confirmFindable();
    expect(people.setFindable).toHaveBeenCalledExactlyOnceWith(false);
    expect(vm.getSnapshot().findable.on).toBe(false);
  });

  it("replaces an earlier refusal by the information when the engine now allows it", async () => {
    // E.g. the person's band verified as 13-15 after an 8-12 attestation expired.
    let band: AgeBand = "8-12";
    const { vm } = setUp({ findableChange: (newValue) => settingDecision(band, newValue) });
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable.refused).toBeDefined();
    band = "13-15";
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable).toMatchObject({
      refused: undefined,
      confirming: { newValue: true },
    });
  });

  it("replaces pending information by a refusal", async () => {
    let band: AgeBand = "13-15";
    const { vm } = setUp({ findableChange: (newValue) => settingDecision(band, newValue) });
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable.confirming).toBeDefined();
    band = "8-12";
    await vm.requestFindable(true);
    const { findable } = vm.getSnapshot();
    expect(findable.confirming).toBeUndefined();
    expect(findable.refused?.map((notice) => notice.id)).toEqual(["setting-locked"]);
  });

  it("is saving while the setting is being stored", async () => {
    const pending = deferred<undefined>();
    const { vm } = setUp({ band: "16-17", setFindable: () => pending.promise });
    await vm.requestFindable(true);
    const confirm = vm.confirmFindable();
    expect(vm.getSnapshot().findable.saving).toBe(true);
    pending.resolve(undefined);
    await confirm;
    expect(vm.getSnapshot().findable).toMatchObject({ on: true, saving: false });
  });

  it("cancelling clears the information, keeps the engine's refusal, and saves nothing", async () => {
    const teen = setUp({ band: "13-15" });
    await teen.vm.requestFindable(true);
    teen.vm.cancelFindable();
    expect(teen.vm.getSnapshot().findable).toEqual({
      on: false,
      confirming: undefined,
      refused: undefined,
      saving: false,
      why: undefined,
    });
    await teen.vm.confirmFindable();
    expect(teen.people.setFindable).not.toHaveBeenCalled();

    // For an 8-12 the refusal is how the setting rests: cancelling does not make it look usable.
    const child = setUp({ band: "8-12" });
    await child.vm.requestFindable(true);
    child.vm.cancelFindable();
    expect(child.vm.getSnapshot().findable.refused?.map((notice) => notice.id)).toEqual([
      "setting-locked",
    ]);
  });

  it("saves at once what the engine simply allows: an adult turning it on", async () => {
    const { vm, people } = setUp({ band: "18+" });
    await vm.requestFindable(true);
    expect(people.setFindable).toHaveBeenCalledExactlyOnceWith(true);
    expect(vm.getSnapshot().findable).toEqual({
      on: true,
      confirming: undefined,
      refused: undefined,
      saving: false,
      why: whyViewOf(findableDecisions("18+"), "18+"),
    });
  });

  it("saves at once anyone turning it off; an 8-12 then sees why it stays off", async () => {
    const { vm, people } = setUp({ band: "8-12", on: true });
    // On (from before an 8-12 band was verified): switching off is always allowed.
    expect(vm.getSnapshot().findable.refused).toBeUndefined();
    await vm.requestFindable(false);
    expect(people.setFindable).toHaveBeenCalledExactlyOnceWith(false);
    expect(vm.getSnapshot().findable).toMatchObject({
      on: false,
      confirming: undefined,
      saving: false,
    });
    expect(vm.getSnapshot().findable.refused?.map((notice) => notice.id)).toEqual([
      "setting-locked",
    ]);
  });

  it("says the setting could not be saved, keeps it as it was and lets the person retry", async () => {
    const setFindable = vi
      .fn<PeopleFinder["setFindable"]>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce(undefined);
    const { vm } = setUp({ band: "13-15", setFindable });
    await vm.requestFindable(true);
    await vm.confirmFindable();
    const failed = vm.getSnapshot();
    expect(failed.error).toBe("findPeople.error.setting");
    expect(failed.findable).toMatchObject({ on: false, saving: false });
    expect(failed.findable.confirming?.newValue).toBe(true);

    await vm.confirmFindable();
    expect(setFindable).toHaveBeenCalledTimes(2);
    expect(vm.getSnapshot().findable).toMatchObject({ on: true, saving: false });
    // A later success does not leave the earlier failure on screen.
    expect(vm.getSnapshot().error).toBeUndefined();
  });

  it("keeps a search error when the setting is saved", async () => {
    const { vm } = setUp({ band: "18+", find: () => Promise.reject(new Error("offline")) });
    vm.setTerm("daan");
    await vm.search();
    await vm.requestFindable(true);
    expect(vm.getSnapshot().error).toBe("findPeople.error.failed");
  });
});

describe("FindPeopleViewModel: why am I seeing this?", () => {
  it("explains to an adult, in adults' words, why a search shows no minors", async () => {
    const { vm } = setUp({ band: "18+", find: () => Promise.resolve(found()) });
    vm.setTerm("noor");
    await vm.search();
    const why = vm.getSnapshot().resultsWhy;
    expect(why?.audience).toBe("adult");
    expect(why?.ruleIds).toContain("discovery/adults-never-see-minors");
    expect(why?.pack).toMatch(/^nl-default /);
  });

  it("explains to a teen why children are not among the results", async () => {
    const { vm } = setUp({ band: "13-15" });
    expect(vm.getSnapshot().resultsWhy).toBeUndefined();
    vm.setTerm("daan");
    await vm.search();
    const why = vm.getSnapshot().resultsWhy;
    expect(why?.audience).toBe("teen");
    expect(why?.ruleIds).toContain("discovery/children-never-findable-by-strangers");
  });

  it("explains an 8-12's refused setting in children's words, from the refusal itself", async () => {
    const { vm } = setUp({ band: "8-12" });
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable.why).toEqual(
      whyViewOf([settingDecision("8-12", true)], "8-12"),
    );
    expect(vm.getSnapshot().findable.why?.ruleIds).toContain(
      "protective-setting-change/children-cannot-become-findable",
    );
    expect(vm.getSnapshot().findable.why?.audience).toBe("child");
  });

  it("explains the information before switching on, then who may find them and see their band", async () => {
    const { vm } = setUp({ band: "16-17" });
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable.why).toEqual(
      whyViewOf([settingDecision("16-17", true)], "16-17"),
    );
    await vm.confirmFindable();
    const why = vm.getSnapshot().findable.why;
    expect(why?.ruleIds).toEqual(
      expect.arrayContaining([
        "discovery/adults-never-see-minors",
        "disclosure/minor-band-never-to-strangers",
      ]),
    );
  });
});

describe("FindPeopleViewModel: navigation", () => {
  it("starts a chat through navigation, and goes back", () => {
    const { vm, navigation } = setUp();
    vm.startChatWith("@daan:hs");
    expect(navigation.startChatWith).toHaveBeenCalledExactlyOnceWith("@daan:hs");
    expect(navigation.back).not.toHaveBeenCalled();
    vm.back();
    expect(navigation.back).toHaveBeenCalledOnce();
  });
});
