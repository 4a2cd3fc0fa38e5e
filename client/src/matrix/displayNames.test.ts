import { describe, expect, it } from "vitest";
import { foldForComparison, resemblesAny, shownNames } from "./displayNames.ts";

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

describe("resemblesAny", () => {
  it("matches names a person would read as the same", () => {
    expect(resemblesAny("Kinder Telefoon", ["Kindertelefoon"])).toBe(true);
    expect(resemblesAny("K1ndertelef00n", ["Kindertelefoon"])).toBe(true);
    expect(resemblesAny("Iotte", ["lotte"])).toBe(true);
    expect(resemblesAny("Noor", ["Lotte"])).toBe(false);
    expect(resemblesAny("Noah", ["Noor"])).toBe(false);
    expect(foldForComparison("Daan")).toBe(foldForComparison("DAAN"));
  });
});
