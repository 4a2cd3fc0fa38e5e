import {
  REPORT_CATEGORIES,
  createPolicyEngine,
  loadBundledPack,
  loadPack,
  resolveBundledPack,
  type PersonFacts,
  type PolicyEngine,
  type ReportCategory,
} from "@safety-by-design/policy-engine";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  MAX_CONTEXT_MESSAGES,
  REPORT_CATEGORIES as BUNDLE_CATEGORIES,
  type ReportCategory as BundleCategory,
} from "@safety-by-design/protocol";
import { UNVERIFIED } from "./ageFacts.ts";
import { moderationRoutingDecider } from "./decideModerationRouting.ts";
import { reportDecider } from "./decideReport.ts";

const engine = createPolicyEngine(loadBundledPack("nl-default"));
const TEEN: PersonFacts = { ageBand: "13-15", ageVerified: true };

function decider(
  options: {
    self?: PersonFacts;
    contact?: boolean;
    looksLikeHelp?: boolean;
    engine?: PolicyEngine;
  } = {},
) {
  return reportDecider({
    engine: options.engine ?? engine,
    clock: () => 1_700_000_000_000,
    ages: { self: () => options.self ?? UNVERIFIED, about: () => UNVERIFIED },
    isContact: () => options.contact ?? false,
    resemblance: () => ({ contact: false, helpService: options.looksLikeHelp ?? false }),
  });
}

const query = { reportedUserId: "@alex:localhost", reportedDisplayName: "Alex" } as const;

describe("decideReport", () => {
  it("uses one vocabulary: the protocol's category list is the engine's, in the same order", () => {
    // The bundle's parser keeps its own copy (the protocol does not depend on the engine);
    // this is the place that sees both.
    expect([...BUNDLE_CATEGORIES]).toEqual([...REPORT_CATEGORIES]);
    expectTypeOf<BundleCategory>().toEqualTypeOf<ReportCategory>();
  });

  it("asks the engine with the reporter's own id, and the moderator's routing agrees", () => {
    const routing = moderationRoutingDecider(engine, () => 1_700_000_000_000);
    for (const category of REPORT_CATEGORIES) {
      const { decision } = decider({ self: TEEN })({ ...query, target: "message", category });
      expect(decision.category, category).toBe(category);
      const advice = decision.destinations.flatMap((d) => (d.delivery === "advice" ? [d.id] : []));
      expect(advice, category).toEqual(routing({ category, subject: "message" }).adviceForChat);
    }
  });

  it("routes with the same ids and the same facts on both sides: reporter and moderator agree, peers included", () => {
    const routing = moderationRoutingDecider(engine, () => 1_700_000_000_000);
    const PEER: PersonFacts = { ageBand: "13-15", ageVerified: true };
    const ADULT: PersonFacts = { ageBand: "18+", ageVerified: true };
    for (const reported of [PEER, ADULT, UNVERIFIED]) {
      const decide = reportDecider({
        engine,
        clock: () => 1_700_000_000_000,
        ages: { self: () => TEEN, about: () => reported },
        isContact: () => false,
        resemblance: () => ({ contact: false, helpService: false }),
      });
      for (const category of REPORT_CATEGORIES) {
        const { decision } = decide({ ...query, target: "message", category });
        const advice = decision.destinations.flatMap((d) =>
          d.delivery === "advice" ? [d.id] : [],
        );
        const moderator = routing({ category, subject: "message", reporter: TEEN, reported });
        expect(advice, `${category} / ${reported.ageBand}`).toEqual(moderator.adviceForChat);
      }
    }
    // Between peers, sharing is not routed to the police (seed 001); with an adult it is.
    expect(
      routing({
        category: "sexual-content-to-minor",
        subject: "message",
        reporter: TEEN,
        reported: PEER,
      }).adviceForChat,
    ).toEqual(["helpwanted"]);
    expect(
      routing({
        category: "sexual-content-to-minor",
        subject: "message",
        reporter: TEEN,
        reported: ADULT,
      }).adviceForChat,
    ).toEqual(["politie"]);
  });

  it("offers the categories the pack lists for the reporter's band, in its order", () => {
    const child = decider({ self: { ageBand: "8-12", ageVerified: true } })({
      ...query,
      target: "message",
    });
    // A child gets three choices in their own words (a simple sheet), nothing pre-set.
    expect(child.decision.categoryChoices).toEqual(["asking-for-images", "harassment", "other"]);
    expect(child.decision.sheet).toBe("simple");
    expect(child.decision.category).toBe("other");
    // A child is not asked to tell abuse material from other sexual content.
    expect(child.decision.categoryChoices).not.toContain("child-sexual-abuse-material");

    const adult = decider({ self: { ageBand: "18+", ageVerified: true } })({
      ...query,
      target: "message",
    });
    expect(adult.decision.categoryChoices[0]).toBe("child-sexual-abuse-material");
    expect(adult.decision.categoryChoices).not.toContain("sexual-content-to-minor");
  });

  it("gives a teen's one-tap report on an unknown, unverified person the engine's default: grooming", () => {
    const { decision } = decider({ self: TEEN })({ ...query, target: "message" });
    expect(decision.category).toBe("grooming");
    expect(decision.categoryChoices).toContain("grooming");
    // DSA Art. 16(2)(c): the name may be left out of a child sexual abuse report.
    expect(decision.reporterIdentityOptional).toBe(true);
    expect(decision.destinations).toContainEqual({ id: "politie", delivery: "advice" });
    expect(decision.actions).toEqual(["block", "leave", "get-help"]);
  });

  it("files a look-alike's one-tap report as impersonation, a choice the sheet offers", () => {
    const { decision } = decider({ looksLikeHelp: true })({ ...query, target: "profile" });
    expect(decision.category).toBe("impersonation");
    expect(decision.categoryChoices).toContain("impersonation");
    expect(decision.reporterIdentityOptional).toBe(false);
  });

  it("routes the reporter's own choice, and anonymity follows the category", () => {
    const decide = decider({ self: TEEN, contact: true });
    const harassment = decide({ ...query, target: "message", category: "harassment" });
    expect(harassment.decision.category).toBe("harassment");
    expect(harassment.decision.reporterIdentityOptional).toBe(false);

    const sextortion = decide({ ...query, target: "message", category: "sextortion" });
    expect(sextortion.decision.category).toBe("sextortion");
    expect(sextortion.decision.reporterIdentityOptional).toBe(true);
    expect(sextortion.decision.destinations).toContainEqual({
      id: "helpwanted",
      delivery: "advice",
    });

    // Threats are no longer folded into sextortion: the police, and the name goes with it.
    const threat = decide({ ...query, target: "message", category: "threat-or-violence" });
    expect(threat.decision.category).toBe("threat-or-violence");
    expect(threat.decision.reporterIdentityOptional).toBe(false);
    expect(threat.decision.destinations).toContainEqual({ id: "politie", delivery: "advice" });
    expect(threat.decision.destinations).not.toContainEqual({
      id: "helpwanted",
      delivery: "advice",
    });
  });

  it("offers block and help, not leave, after reporting a request", () => {
    const { decision } = decider()({ ...query, target: "request" });
    expect(decision.actions).toEqual(["block", "get-help"]);
  });

  it("takes the evidence window from the pack: five messages before a reported message", () => {
    expect(decider()({ ...query, target: "message" }).contextMessages).toBe(5);
    expect(decider()({ ...query, target: "profile" }).contextMessages).toBe(0);
  });

  it("lets a pack ask for as much context as the report bundle carries, and no more", () => {
    const withWindow = (contextMessages: number) =>
      loadPack(
        {
          extends: "nl-default",
          id: "evidence-window",
          version: "1.0.0",
          label: { nl: "Bewijsvenster", en: "Evidence window" },
          description: { nl: "Test", en: "Test" },
          report: { evidence: { contextMessages } },
        },
        { resolveBase: resolveBundledPack },
      );
    const widest = withWindow(MAX_CONTEXT_MESSAGES);
    if (!widest.ok) throw new Error(JSON.stringify(widest.problems));
    const outcome = decider({ engine: createPolicyEngine(widest.pack) })({
      ...query,
      target: "message",
    });
    expect(outcome.contextMessages).toBe(MAX_CONTEXT_MESSAGES);
    expect(withWindow(MAX_CONTEXT_MESSAGES + 1).ok).toBe(false);
  });
});
