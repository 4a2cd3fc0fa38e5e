import { describe, expect, it } from "vitest";
import {
  cleanDisplayName,
  foldForComparison,
  hasHiddenCharacters,
  namePieces,
  shownNames,
} from "./displayNames.ts";

describe("shownNames", () => {
  it("shows a unique, ordinary name on its own", () => {
    const names = shownNames([
      { userId: "@noor:localhost", displayName: "Noor" },
      { userId: "@lotte:localhost", displayName: "Lotte" },
    ]);
    expect(names.get("@noor:localhost")).toMatchObject({ label: "Noor", disambiguated: false });
  });

  it("adds the Matrix ID when two members share a name", () => {
    const names = shownNames([
      { userId: "@lotte:localhost", displayName: "Lotte" },
      { userId: "@fake:evil.example", displayName: "Lotte" },
    ]);
    expect(names.get("@fake:evil.example")?.label).toBe("Lotte (@fake:evil.example)");
    expect(names.get("@lotte:localhost")?.label).toBe("Lotte (@lotte:localhost)");
  });

  it("catches look-alikes: Cyrillic letters, accents, case, invisible characters", () => {
    const lookalikes = ["Lоtte" /* Cyrillic о */, "LÖTTE", "Lot\u200Bte", "L0tte", "lotte "];
    for (const lookalike of lookalikes) {
      const names = shownNames([
        { userId: "@lotte:localhost", displayName: "Lotte" },
        { userId: "@x:localhost", displayName: lookalike },
      ]);
      expect(names.get("@x:localhost")?.disambiguated, JSON.stringify(lookalike)).toBe(true);
    }
  });

  it("never shows a name that looks like a Matrix ID, or hides bidi controls, on its own", () => {
    const names = shownNames([
      { userId: "@a:localhost", displayName: "@lotte:localhost" },
      { userId: "@b:localhost", displayName: "evil\u202Egnp.exe" },
    ]);
    expect(names.get("@a:localhost")?.label).toBe("@lotte:localhost (@a:localhost)");
    expect(names.get("@b:localhost")).toMatchObject({
      label: "evilgnp.exe (@b:localhost)",
      disambiguated: true,
    });
  });

  it("falls back to the Matrix ID when there is no usable name", () => {
    const names = shownNames([{ userId: "@a:localhost", displayName: "\u200B" }]);
    expect(names.get("@a:localhost")?.label).toBe("@a:localhost");
  });
});

describe("names in the DOM", () => {
  // Bidi controls and isolates, zero-width and joiners, tags, variation
  // selectors, Hangul fillers, the braille blank, soft hyphen, CGJ, controls.
  const HIDDEN = [
    "\u202E",
    "\u202D",
    "\u2066",
    "\u2069",
    "\u200E",
    "\u200F",
    "\u061C",
    "\u200B",
    "\u200C",
    "\u200D",
    "\u2060",
    "\uFEFF",
    "\u00AD",
    "\u034F",
    "\u180E",
    "\u{E0001}",
    "\u{E0041}",
    "\u{E007F}",
    "\uFE00",
    "\uFE0F",
    "\u{E0100}",
    "\u3164",
    "\u115F",
    "\u1160",
    "\uFFA0",
    "\u2800",
    "\u0007",
    "\u2028",
    "\u{F0000}",
  ];

  it("lets no hidden character through, and shows the Matrix ID of a name that had one", () => {
    for (const hidden of HIDDEN) {
      const names = shownNames([{ userId: "@x:localhost", displayName: `No${hidden}or` }]);
      const shown = names.get("@x:localhost");
      expect(shown?.name, JSON.stringify(hidden)).toBe("Noor");
      expect(shown?.label, JSON.stringify(hidden)).toBe("Noor (@x:localhost)");
      expect(hasHiddenCharacters(`No${hidden}or`), JSON.stringify(hidden)).toBe(true);
    }
  });

  it("keeps an emoji whole: its presentation selector and joiners are part of the picture", () => {
    expect(cleanDisplayName("Emma ❤\uFE0F")).toEqual({ text: "Emma ❤\uFE0F", hadHidden: false });
    expect(cleanDisplayName("👩\u200D👧 Familie")).toEqual({
      text: "👩\u200D👧 Familie",
      hadHidden: false,
    });
    expect(cleanDisplayName("Emma\uFE0F").hadHidden).toBe(true);
    expect(cleanDisplayName("❤\uFE0F\uFE0F").hadHidden).toBe(true);
    expect(cleanDisplayName("a\u200Db").hadHidden).toBe(true);
  });

  it("collapses odd whitespace", () => {
    expect(cleanDisplayName("  Noor \u3000\u00A0 B. ")).toEqual({
      text: "Noor B.",
      hadHidden: false,
    });
  });
});

describe("namePieces and foldForComparison", () => {
  it("fold case after confusables, and split where a reader sees a boundary", () => {
    expect(foldForComparison("Daan")).toBe(foldForComparison("DAAN"));
    expect(foldForComparison("Νoor")).toBe(foldForComparison("Noor"));
    expect(namePieces("LotteOfficial 2012").map((piece) => piece.text)).toEqual([
      "Lotte",
      "official",
      "zo1z",
    ]);
    expect(namePieces("Łøttę").map((piece) => piece.text)).toEqual(["Lotte"]);
    expect(namePieces("Iotte").map((piece) => piece.text)).toEqual(["1otte"]);
  });
});
