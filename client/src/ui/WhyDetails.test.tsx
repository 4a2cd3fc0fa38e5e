// "Why am I seeing this?", rendered to HTML from plain WhyViews.
import { describe, expect, it } from "vitest";
import type { WhyView } from "../viewmodels/whyView.ts";
import { asHtml, renderView, wordsIn } from "./renderForTest.tsx";
import { WhyDetails } from "./WhyDetails.tsx";

const refused: WhyView = {
  audience: "child",
  ruleIds: [
    "protective-setting-change/setting-change-table",
    "protective-setting-change/children-cannot-become-findable",
  ],
  pack: "nl-default 1.2.0",
};

describe("WhyDetails", () => {
  it("explains each rule in the reader's words, with the pack, closed until opened", () => {
    const html = renderView(<WhyDetails why={refused} />, "nl");
    const { t, why } = wordsIn("nl");
    expect(html).toContain("<details");
    expect(html).not.toContain("<details open");
    expect(html).toContain(`<summary>${t("why.title")}</summary>`);
    for (const ruleId of refused.ruleIds) {
      expect(html).toContain(asHtml(why(ruleId, "child") ?? "missing"));
      expect(html).not.toContain(asHtml(why(ruleId, "teen") ?? "missing"));
    }
    expect(html).toContain(asHtml(t("why.rules", { pack: "nl-default 1.2.0" })));
  });

  it("gives a teen the teen words and an adult the adult words, in English too", () => {
    const ruleId = "discovery/adults-never-see-minors";
    const { why } = wordsIn("en");
    const teen = renderView(
      <WhyDetails why={{ ...refused, audience: "teen", ruleIds: [ruleId] }} />,
    );
    const adult = renderView(
      <WhyDetails why={{ ...refused, audience: "adult", ruleIds: [ruleId] }} />,
    );
    expect(teen).toContain(asHtml(why(ruleId, "teen") ?? "missing"));
    expect(adult).toContain(asHtml(why(ruleId, "adult") ?? "missing"));
    expect(adult).not.toContain(asHtml(why(ruleId, "teen") ?? "missing"));
  });

  it("says a rule it has no words for comes from the safety rules, once", () => {
    const html = renderView(
      <WhyDetails why={{ ...refused, ruleIds: ["future/rule-one", "future/rule-two"] }} />,
      "nl",
    );
    const other = asHtml(wordsIn("nl").t("why.other"));
    expect(html.split(other)).toHaveLength(2);
  });

  it("shows nothing when no rule decided anything here", () => {
    expect(renderView(<WhyDetails why={{ ...refused, ruleIds: [] }} />)).toBe("");
  });
});
