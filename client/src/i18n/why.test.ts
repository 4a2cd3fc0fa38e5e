import { RULE_IDS } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { createTranslator } from "./i18n.ts";
import { MIN_READING_EASE } from "./audience.ts";
import { fleschDouma } from "./readability.ts";
import { whyEn } from "./why.en.ts";
import { whyText } from "./why.lookup.ts";
import { whyNl, type WhyTexts } from "./why.nl.ts";

// Every rule id the engine can put in `reasons` (its own engine/* ids
// included): any of them can reach a "why am I seeing this?" on some screen.
const catalogues: readonly (readonly [string, Readonly<Record<string, WhyTexts>>])[] = [
  ["nl", whyNl],
  ["en", whyEn],
];

describe("why am I seeing this?", () => {
  it.each(catalogues)(
    "has words in %s for every rule id the engine can give, for children and teens",
    (_, catalogue) => {
      for (const id of RULE_IDS) {
        const texts = catalogue[id];
        expect(texts, id).toBeDefined();
        expect(texts?.child.trim(), `${id} child`).not.toBe("");
        expect(texts?.teen.trim(), `${id} teen`).not.toBe("");
      }
      // No words for a rule the engine no longer has.
      expect(Object.keys(catalogue).sort()).toEqual([...RULE_IDS].sort());
    },
  );

  it("has an adult text in English exactly where it has one in Dutch", () => {
    for (const id of RULE_IDS) {
      expect(whyEn[id].adult === undefined, id).toBe(whyNl[id].adult === undefined);
    }
  });

  it("writes the children's Dutch for 8-12 (Flesch-Douma at least 70) and the teens' at B1 (60)", () => {
    for (const [id, texts] of Object.entries(whyNl)) {
      const child = fleschDouma(texts.child).score ?? 0;
      const teen = fleschDouma(texts.teen).score ?? 0;
      expect(child, `${id} child: ${texts.child}`).toBeGreaterThanOrEqual(MIN_READING_EASE["8-12"]);
      expect(teen, `${id} teen: ${texts.teen}`).toBeGreaterThanOrEqual(MIN_READING_EASE["13-17"]);
    }
  });
});

describe("whyText: the reader's own words, then the teen words, then none", () => {
  const catalogue: Readonly<Record<string, WhyTexts>> = {
    "a/with-adult": { child: "child a", teen: "teen a", adult: "adult a" },
    "b/without-adult": { child: "child b", teen: "teen b" },
  };

  it("gives each audience its own text where there is one", () => {
    expect(whyText(catalogue, "a/with-adult", "child")).toBe("child a");
    expect(whyText(catalogue, "a/with-adult", "teen")).toBe("teen a");
    expect(whyText(catalogue, "a/with-adult", "adult")).toBe("adult a");
  });

  it("falls back to the teen text for an adult when there is no adult text", () => {
    expect(whyText(catalogue, "b/without-adult", "adult")).toBe("teen b");
  });

  it("gives nothing for a rule it has no words for (the view shows the general line)", () => {
    expect(whyText(catalogue, "c/unknown", "child")).toBeUndefined();
    expect(whyText(catalogue, "toString", "teen")).toBeUndefined();
  });

  it("is what the translator answers, per language", () => {
    const nl = createTranslator("nl");
    const en = createTranslator("en");
    const id = "protective-setting-change/children-cannot-become-findable";
    expect(nl.why(id, "child")).toBe(whyNl[id].child);
    expect(en.why(id, "teen")).toBe(whyEn[id].teen);
    const adultOnly = "contact/adults-cannot-start-contact-with-minors";
    expect(nl.why(adultOnly, "adult")).toBe(whyNl[adultOnly].adult);
    expect(nl.why("contact/contact-table", "adult")).toBe(whyNl["contact/contact-table"].teen);
    expect(nl.why("no/such-rule", "adult")).toBeUndefined();
  });
});
