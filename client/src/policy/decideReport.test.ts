import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { REPORT_CATEGORIES } from "../matrix/reporting/bundle.ts";
import { UNVERIFIED } from "./ageFacts.ts";
import { ENGINE_CATEGORY, REPORTER_CATEGORY, reportDecider } from "./decideReport.ts";

const engine = createPolicyEngine(loadBundledPack("nl-default"));
const TEEN: PersonFacts = { ageBand: "13-15", ageVerified: true };

function decider(options: { self?: PersonFacts; contact?: boolean; looksLikeHelp?: boolean } = {}) {
  return reportDecider({
    engine,
    clock: () => 1_700_000_000_000,
    ages: { self: () => options.self ?? UNVERIFIED, about: () => UNVERIFIED },
    isContact: () => options.contact ?? false,
    resemblance: () => ({ contact: false, helpService: options.looksLikeHelp ?? false }),
  });
}

const query = { reportedUserId: "@alex:localhost", reportedDisplayName: "Alex" } as const;

describe("decideReport", () => {
  it("keeps every reporter category through the engine and back", () => {
    for (const category of REPORT_CATEGORIES) {
      expect(REPORTER_CATEGORY[ENGINE_CATEGORY[category]]).toBe(category);
    }
  });

  it("gives a teen's one-tap report on an unknown, unverified person the engine's default: grooming", () => {
    const { decision, category } = decider({ self: TEEN })({ ...query, target: "message" });
    expect(decision.category).toBe("grooming");
    expect(category).toBe("grooming");
    // DSA Art. 16(2)(c): the name may be left out of a child sexual abuse report.
    expect(decision.reporterIdentityOptional).toBe(true);
    expect(decision.destinations).toContainEqual({ id: "politie", delivery: "advice" });
    expect(decision.actions).toEqual(["block", "leave", "get-help"]);
  });

  it("shows an impersonation default as 'other' (the reporter's list has no such entry)", () => {
    const { decision, category } = decider({ looksLikeHelp: true })({
      ...query,
      target: "profile",
    });
    expect(decision.category).toBe("impersonation");
    expect(category).toBe("other");
    expect(decision.reporterIdentityOptional).toBe(false);
  });

  it("routes the reporter's own choice, and anonymity follows the category", () => {
    const decide = decider({ self: TEEN, contact: true });
    const harassment = decide({ ...query, target: "message", category: "harassment" });
    expect(harassment.category).toBe("harassment");
    expect(harassment.decision.category).toBe("harassment");
    expect(harassment.decision.reporterIdentityOptional).toBe(false);

    const sextortion = decide({ ...query, target: "message", category: "sextortion-or-threats" });
    expect(sextortion.decision.category).toBe("sextortion");
    expect(sextortion.decision.reporterIdentityOptional).toBe(true);
    expect(sextortion.decision.destinations).toContainEqual({
      id: "helpwanted",
      delivery: "advice",
    });
  });

  it("offers block and help, not leave, after reporting a request", () => {
    const { decision } = decider()({ ...query, target: "request" });
    expect(decision.actions).toEqual(["block", "get-help"]);
  });
});
