import { RULE_CATALOGUE } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { fleschDouma } from "./readability.ts";
import { whyEn } from "./why.en.ts";
import { whyNl } from "./why.nl.ts";

// The decision points whose reasons a young person can open today: a request
// (incoming-contact), starting a chat (contact) and the reminder in an accepted
// conversation (conversation-notice); plus the fail-closed reason.
const SHOWN_POINTS = new Set(["incoming-contact", "contact", "conversation-notice"]);
const shownRuleIds = [
  ...RULE_CATALOGUE.filter((rule) => SHOWN_POINTS.has(rule.point)).map((rule) => rule.id),
  "engine/fail-closed",
];

describe("why am I seeing this?", () => {
  it("has words for every rule that can decide what is shown, in Dutch and English", () => {
    for (const id of shownRuleIds) {
      expect(Object.hasOwn(whyNl, id), id).toBe(true);
      expect(Object.hasOwn(whyEn, id), id).toBe(true);
    }
    expect(Object.keys(whyEn).sort()).toEqual(Object.keys(whyNl).sort());
  });

  it("explains in Dutch that a 13-15-year-old reads easily (Flesch-Douma at least 60)", () => {
    for (const [id, text] of Object.entries(whyNl)) {
      const { score } = fleschDouma(text);
      expect(score ?? 0, `${id}: ${text}`).toBeGreaterThanOrEqual(60);
    }
  });
});
