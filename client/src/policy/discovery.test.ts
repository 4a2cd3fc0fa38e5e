import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import type { DiscoveryAnswer } from "../matrix/age/ageExchange.ts";
import type { DiscoverySettings, PersonFound } from "../matrix/chatSession.ts";
import { UNVERIFIED } from "./ageFacts.ts";
import { peopleFinder, type DiscoverySource } from "./discovery.ts";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const engine = createPolicyEngine(loadBundledPack("nl-default"));
const band = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({ ageBand, ageVerified: true });

const DAAN: PersonFound = { userId: "@daan:localhost", displayName: "Daan" };
const LOTTE: PersonFound = { userId: "@lotte:localhost", displayName: "Lotte" };
const OFFLINE: PersonFound = { userId: "@offline:localhost", displayName: "Offline" };

function finder(options: {
  viewer: PersonFacts;
  /** What each candidate's device answers and which band then verified. */
  answers: Record<string, { answer: DiscoveryAnswer; band?: PersonFacts }>;
  contacts?: readonly string[];
  candidates?: readonly PersonFound[];
  settings?: DiscoverySettings;
}) {
  const probed: string[] = [];
  const saved: DiscoverySettings[] = [];
  const verified = new Map<string, PersonFacts>();
  const source: DiscoverySource = {
    searchPeople: () => Promise.resolve(options.candidates ?? [DAAN, LOTTE, OFFLINE]),
    discoverySettings: () => options.settings ?? { findableByPeers: false, suggestedToPeers: true },
    setDiscoverySettings: (settings) => {
      saved.push(settings);
      return Promise.resolve();
    },
  };
  const people = peopleFinder({
    engine,
    clock: () => NOW,
    ages: {
      self: () => options.viewer,
      about: (userId) => verified.get(userId) ?? UNVERIFIED,
    },
    isContact: (userId) => (options.contacts ?? []).includes(userId),
    source,
    probe: (userId) => {
      probed.push(userId);
      const entry = options.answers[userId];
      // The exchange verifies the presentation in the answer before it resolves.
      if (entry?.band !== undefined) verified.set(userId, entry.band);
      return Promise.resolve(entry?.answer ?? "no-answer");
    },
  });
  return { people, probed, saved };
}

const findable = { findableByPeers: true } as const;

describe("Find people: who a searcher may see", () => {
  it("a teen finds an opted-in peer whose band verified; a silent device is never shown", async () => {
    const { people } = finder({
      viewer: band("13-15"),
      answers: { [DAAN.userId]: { answer: findable, band: band("16-17") } },
      candidates: [DAAN, OFFLINE],
    });
    expect((await people.find("da")).map((p) => p.userId)).toEqual([DAAN.userId]);
  });

  it("an adult, or an unverified account, never sees an opted-in teen", async () => {
    for (const viewer of [band("18+"), UNVERIFIED]) {
      const { people } = finder({
        viewer,
        answers: { [DAAN.userId]: { answer: findable, band: band("16-17") } },
        candidates: [DAAN],
      });
      expect(await people.find("daan")).toEqual([]);
    }
  });

  it("an answer whose band did not verify counts as unverified: hidden from 8-12, findable by teens as nl-default says", async () => {
    // nl-default lets teens find adults and unverified accounts that opted in (contact then
    // goes through the contact decision, with a notice); it never lets them find a child.
    const answers = { [DAAN.userId]: { answer: findable } };
    const child = finder({ viewer: band("8-12"), answers, candidates: [DAAN] });
    expect(await child.people.find("daan")).toEqual([]);
    const teen = finder({ viewer: band("13-15"), answers, candidates: [DAAN] });
    expect((await teen.people.find("daan")).map((p) => p.userId)).toEqual([DAAN.userId]);
  });

  it("contacts are judged without asking their device; strangers are asked, at most ten", async () => {
    const many = Array.from({ length: 14 }, (_, i) => ({
      userId: `@p${i}:localhost`,
      displayName: `P${i}`,
    }));
    const { people, probed } = finder({
      viewer: band("13-15"),
      answers: {},
      contacts: [LOTTE.userId],
      candidates: [LOTTE, ...many],
    });
    const shown = await people.find("p");
    expect(shown.map((p) => p.userId)).toEqual([LOTTE.userId]);
    expect(probed).not.toContain(LOTTE.userId);
    expect(probed).toHaveLength(9);
  });
});

describe("Find people: the findable setting goes through the engine", () => {
  it("8-12 may not turn it on; teens read first; turning off keeps the other setting", async () => {
    expect(finder({ viewer: band("8-12"), answers: {} }).people.findableChange(true).effect).toBe(
      "refuse",
    );
    const teen = finder({ viewer: band("13-15"), answers: {} });
    const decision = teen.people.findableChange(true);
    expect(decision.effect).toBe("allow-with-information");
    expect(decision.notices.map((n) => n.id)).toContain("setting-findable-by-peers");
    await teen.people.setFindable(true);
    expect(teen.saved).toEqual([{ findableByPeers: true, suggestedToPeers: true }]);
  });

  it("refuses to save what the engine refuses, whoever calls it", async () => {
    const child = finder({ viewer: band("8-12"), answers: {} });
    await expect(child.people.setFindable(true)).rejects.toThrow();
    expect(child.saved).toEqual([]);
  });
});
