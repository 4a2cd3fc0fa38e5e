import {
  createPolicyEngine,
  loadBundledPack,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { REPORT_CATEGORIES } from "../matrix/reporting/bundle.ts";
import { moderationRoutingDecider } from "./decideModerationRouting.ts";

const NOW = Date.UTC(2026, 10, 23);
const decide = moderationRoutingDecider(
  createPolicyEngine(loadBundledPack("nl-default")),
  () => NOW,
);

describe("routing advice for the moderator (real nl-default pack)", () => {
  it("sends abuse material in a chat to the police, and only material on public websites to Meldpunt Kinderporno", () => {
    const routing = decide({ category: "sexual-content-to-minor", subject: "message" });
    expect(routing.engineCategory).toBe("child-sexual-abuse-material");
    expect(routing.adviceForChat).toEqual(["politie"]);
    expect(routing.adviceForPublicWebsite).toEqual(["meldpunt-kinderporno"]);
    expect(routing.reporterIdentityOptional).toBe(true);
    expect(routing.failedClosed).toBe(false);
    expect(routing.reasons).toContain("report/advice-for-material-in-chats");
  });

  it("sends sextortion to Helpwanted and the police", () => {
    const routing = decide({ category: "sextortion-or-threats", subject: "message" });
    expect(routing.adviceForChat).toEqual(["helpwanted", "politie"]);
  });

  it("sends grooming and requests for images to the police, spam nowhere", () => {
    expect(decide({ category: "asking-for-images", subject: "message" }).adviceForChat).toEqual([
      "politie",
    ]);
    expect(decide({ category: "grooming", subject: "profile" }).adviceForChat).toEqual(["politie"]);
    expect(decide({ category: "spam", subject: "message" }).adviceForChat).toEqual([]);
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
