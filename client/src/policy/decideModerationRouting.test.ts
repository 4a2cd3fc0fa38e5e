import {
  createPolicyEngine,
  loadBundledPack,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { REPORT_CATEGORIES } from "@safety-by-design/protocol";
import { moderationRoutingDecider } from "./decideModerationRouting.ts";

const NOW = Date.UTC(2026, 10, 23);
const decide = moderationRoutingDecider(
  createPolicyEngine(loadBundledPack("nl-default")),
  () => NOW,
);

describe("routing advice for the moderator (real nl-default pack)", () => {
  it("sends abuse material in a chat to the police, and only material on public websites to Meldpunt Kinderporno", () => {
    const routing = decide({ category: "child-sexual-abuse-material", subject: "message" });
    expect(routing.adviceForChat).toEqual(["politie"]);
    expect(routing.adviceForPublicWebsite).toEqual(["meldpunt-kinderporno"]);
    expect(routing.reporterIdentityOptional).toBe(true);
    expect(routing.failedClosed).toBe(false);
    expect(routing.reasons).toContain("report/advice-for-material-in-chats");
  });

  it("sends sextortion to Helpwanted and the police", () => {
    const routing = decide({ category: "sextortion", subject: "message" });
    expect(routing.adviceForChat).toEqual(["helpwanted", "politie"]);
  });

  it("routes a child's words for sexual content as abuse material (the pack's choice, not a table)", () => {
    const routing = decide({ category: "sexual-content-to-minor", subject: "message" });
    expect(routing.adviceForChat).toEqual(["politie"]);
    expect(routing.adviceForPublicWebsite).toEqual(["meldpunt-kinderporno"]);
    expect(routing.reporterIdentityOptional).toBe(true);
  });

  it("sends image abuse to Helpwanted, threats to the police, impersonation nowhere", () => {
    expect(decide({ category: "image-abuse", subject: "message" }).adviceForChat).toEqual([
      "helpwanted",
    ]);
    expect(decide({ category: "threat-or-violence", subject: "message" }).adviceForChat).toEqual([
      "politie",
    ]);
    expect(decide({ category: "impersonation", subject: "profile" }).adviceForChat).toEqual([]);
  });

  it("sends grooming and requests for images to the police, spam nowhere", () => {
    expect(decide({ category: "asking-for-images", subject: "message" }).adviceForChat).toEqual([
      "politie",
    ]);
    expect(decide({ category: "grooming", subject: "profile" }).adviceForChat).toEqual(["politie"]);
    expect(decide({ category: "scam-or-spam", subject: "message" }).adviceForChat).toEqual([]);
  });

  it("never advises Meldpunt Kinderporno for material in a chat, whatever the category", () => {
    for (const category of REPORT_CATEGORIES) {
      for (const subject of ["message", "profile"] as const) {
        expect(decide({ category, subject }).adviceForChat).not.toContain("meldpunt-kinderporno");
      }
    }
  });

  it("says so when the engine failed closed", () => {
    const broken: PolicyEngine = createPolicyEngine({
      ok: false,
      problems: [{ path: "/", message: "broken" }],
    });
    const routing = moderationRoutingDecider(
      broken,
      () => NOW,
    )({
      category: "grooming",
      subject: "message",
    });
    expect(routing.failedClosed).toBe(true);
  });
});
