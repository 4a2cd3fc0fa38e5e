import { createPolicyEngine, loadBundledPack, parsePack } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { decideNotificationContent } from "./decideNotifications.ts";
import { TEST_NOW } from "./testKit.ts";

const nlDefault = createPolicyEngine(loadBundledPack("nl-default"));
const clock = () => TEST_NOW;

describe("what a person's notifications may show", () => {
  it("only 'new message' for a minor, or an account whose age is not verified", () => {
    for (const ageBand of ["8-12", "13-15", "16-17"] as const) {
      expect(decideNotificationContent(nlDefault, clock, { ageBand, ageVerified: true })).toBe(
        "new-message",
      );
    }
    expect(
      decideNotificationContent(nlDefault, clock, { ageBand: "unverified", ageVerified: false }),
    ).toBe("new-message");
  });

  it("sender and text for a verified adult, and for anyone under the control arm", () => {
    expect(decideNotificationContent(nlDefault, clock, { ageBand: "18+", ageVerified: true })).toBe(
      "sender-and-text",
    );
    const baseline = createPolicyEngine(loadBundledPack("baseline"));
    expect(
      decideNotificationContent(baseline, clock, { ageBand: "13-15", ageVerified: true }),
    ).toBe("sender-and-text");
  });

  it("nothing at all when the pack failed (fail closed)", () => {
    const broken = createPolicyEngine(parsePack("{"));
    expect(decideNotificationContent(broken, clock, { ageBand: "18+", ageVerified: true })).toBe(
      "none",
    );
  });
});
