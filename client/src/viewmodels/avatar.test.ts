import { describe, expect, it } from "vitest";
import { AVATAR_COLOURS, avatarColour, initialsOf, personAvatar, roomAvatar } from "./avatar.ts";

describe("initials avatars", () => {
  it("takes the first letters of the first and last word", () => {
    expect(initialsOf("Lotte")).toBe("L");
    expect(initialsOf("lotte de vries")).toBe("LV");
    expect(initialsOf("  Sam  ")).toBe("S");
  });

  it("keeps an accented letter or an emoji whole", () => {
    expect(initialsOf("Éva Ørsted")).toBe("ÉØ");
    expect(initialsOf("👩🏽‍💻 Noor")).toBe("👩🏽‍💻N");
  });

  it("keeps a letter whole with the marks written after it", () => {
    expect(initialsOf("E\u0301va de\u0308 Vries")).toBe("E\u0301V");
    expect(initialsOf("1\ufe0f\u20e3 Team")).toBe("1\ufe0f\u20e3T");
    expect(initialsOf("नमिता")).toBe("न");
  });

  it("leaves out the Matrix ID the store adds to tell two people apart", () => {
    expect(initialsOf("Lotte (@lotte2:localhost)")).toBe("L");
  });

  it("has no letters for a name of punctuation only", () => {
    expect(initialsOf("...")).toBe("");
    expect(personAvatar("@x:hs", { kind: "name", label: "...", userId: "@x:hs" }).kind).toBe(
      "unknown",
    );
  });

  it("gives a stable colour per ID, within the palette, spread over it", () => {
    expect(avatarColour("@lotte:localhost")).toBe(avatarColour("@lotte:localhost"));
    const colours = new Set(
      Array.from({ length: 64 }, (_, index) => avatarColour(`@user${String(index)}:hs`)),
    );
    for (const colour of colours) expect(colour).toBeLessThan(AVATAR_COLOURS);
    expect(colours.size).toBe(AVATAR_COLOURS);
  });

  it("shows no letters of someone whose name is kept back", () => {
    expect(personAvatar("@alex:hs", { kind: "unknown", tag: 3 })).toEqual({
      kind: "unknown",
      colour: avatarColour("@alex:hs"),
    });
  });

  it("draws a direct chat as the other person, a named group by its name, a hidden name as nothing", () => {
    const lotte = { kind: "name", label: "Lotte", userId: "@lotte:hs" } as const;
    expect(roomAvatar("!dm", { kind: "people", names: [lotte] }, true)).toEqual({
      kind: "initials",
      initials: "L",
      colour: avatarColour("@lotte:hs"),
    });
    expect(roomAvatar("!g", { kind: "name", text: "Klas 2B", flagged: false }, false)).toEqual({
      kind: "initials",
      initials: "K2",
      colour: avatarColour("!g"),
    });
    expect(roomAvatar("!g", { kind: "people", names: [lotte, lotte] }, false).kind).toBe("group");
    expect(roomAvatar("!g", { kind: "hidden" }, false).kind).toBe("unknown");
    expect(
      roomAvatar("!dm", { kind: "people", names: [{ kind: "unknown", tag: 1 }] }, true).kind,
    ).toBe("unknown");
  });
});
