import { describe, expect, it } from "vitest";
import { HELP_SERVICE_NAMES } from "../help/resources.ts";
import { createResemblanceIndex, resemblesAny } from "./nameResemblance.ts";

const CONTACTS = [
  { name: "Lotte", userId: "@lotte:localhost" },
  { name: "Noor", userId: "@noor:localhost" },
  { name: "Ilse", userId: "@ilse:localhost" },
  { name: "Sam", userId: "@sam:localhost" },
  { name: "Daan", userId: "@daan:localhost" },
];
const index = createResemblanceIndex([...CONTACTS, ...HELP_SERVICE_NAMES], {
  exemptUserIds: ["@moderation:localhost"],
});
const looksLike = (name: string, userId?: string): string | undefined =>
  index(name, userId)?.protectedName;

describe("createResemblanceIndex", () => {
  it("catches names that contain a contact's or a help service's name", () => {
    expect(looksLike("Lotte ❤️")).toBe("Lotte");
    expect(looksLike("Lotte (nieuw account)")).toBe("Lotte");
    expect(looksLike("@lotte:localhost")).toBe("Lotte");
    expect(looksLike("lotte_official")).toBe("Lotte");
    expect(looksLike("LotteOfficial")).toBe("Lotte");
    for (const name of [
      "Kindertelefoon Chat",
      "Team Kindertelefoon",
      "Moderatie Team",
      "Politie NL",
      "Meldpunt",
      "Stop it Now!",
      "Veilig Thuis",
      "Centrum Seksueel Geweld",
      "Offlimits",
      "Helpwanted",
      "112",
    ]) {
      expect(looksLike(name), name).toBeDefined();
    }
  });

  it("says whether the whole name or a part of it resembles", () => {
    expect(index("Lotte")?.how).toBe("whole");
    expect(index("Lotte ❤️")?.how).toBe("whole");
    expect(index("Team Kindertelefoon")?.how).toBe("contained");
  });

  it("resolves confusables before case: uppercase Greek Ν is an N, not a v", () => {
    expect(looksLike("Νoor")).toBe("Noor");
    expect(createResemblanceIndex(["Voor"])("Νoor")).toBeUndefined();
    expect(createResemblanceIndex(["Voor"])("νoor")?.protectedName).toBe("Voor");
  });

  it("sees through scripts, strokes, symbols, leetspeak and stretching", () => {
    for (const name of [
      "Lоtte", // Cyrillic о
      "Nօօr", // Armenian օ
      "ᏞOᎢᎢᎬ", // Cherokee
      "Łøŧŧe",
      "Ｌｏｔｔｅ",
      "𝐋𝐨𝐭𝐭𝐞",
      "ʟᴏᴛᴛᴇ",
      "L0tt3",
      "$am",
      "!lse",
      "1lse",
      "Iotte",
      "Looootte",
      "L o t t e",
      "Lo\u200Btte",
      "Lotte\u{E0041}\u{E007F}",
      "Lotte\u2800",
      "Lo\uFE0Ftte",
    ]) {
      expect(looksLike(name), JSON.stringify(name)).toBeDefined();
    }
  });

  it("reads a right-to-left override in the order it is drawn", () => {
    expect(looksLike("\u202Eettol")).toBe("Lotte");
    expect(looksLike("Lo\u202Eett\u202C")).toBe("Lotte");
    expect(looksLike("\u202Enoofeletrednik")).toBe("Kindertelefoon");
  });

  it("does not flag a different name that shares letters", () => {
    for (const name of ["Lise", "LISE", "Elise", "Charlotte", "Lotje", "Noortje", "Nora", "Dan"]) {
      expect(looksLike(name), name).toBeUndefined();
    }
    expect(createResemblanceIndex(["Lise"])("Ilse")).toBeUndefined();
    expect(looksLike("ILSE")).toBe("Ilse");
    expect(looksLike("ilse")).toBe("Ilse");
  });

  it("matches a name of two or three letters only exactly", () => {
    for (const name of ["Sammy", "Samm", "Saam", "Samira", "Sem"]) {
      expect(looksLike(name), name).toBeUndefined();
    }
    expect(looksLike("Sam ❤️")).toBe("Sam");
    expect(looksLike("S4m")).toBe("Sam");
    const bo = createResemblanceIndex(["Bo"]);
    expect(bo("Bo ❤️")).toBeDefined();
    expect(bo("Bob")).toBeUndefined();
    expect(bo("BoB")).toBeUndefined();
  });

  it("flags an everyday word on the list only as the whole name", () => {
    expect(looksLike("Support")).toBe("Support");
    expect(looksLike("Support Team")).toBe("Support");
    expect(looksLike("Helpdesk Support")).toBeDefined();
    expect(looksLike("Support Ajax")).toBeUndefined();
    expect(looksLike("Klantenservice Bol")).toBeUndefined();
  });

  it("accepts a long name with one letter left out, not a short one", () => {
    expect(looksLike("Kindertelefon")).toBe("Kindertelefoon");
    expect(createResemblanceIndex(["Mohammed"])("Mohamed")).toBeUndefined();
  });

  it("never flags a contact's own name from their own account, nor an exempt account", () => {
    expect(index("Lotte", "@lotte:localhost")).toBeUndefined();
    expect(looksLike("Lotte", "@someone:evil.example")).toBe("Lotte");
    expect(index("Moderation", "@moderation:localhost")).toBeUndefined();
    expect(looksLike("Moderation", "@moderation:evil.example")).toBe("Moderation");
  });

  // How fast: client/bench/name-resemblance.bench.ts (name-resemblance-hostile-max).
  it("answers for a hostile name: long runs of look-alike letters, spaces and direction marks", () => {
    for (const hostile of [
      "1".repeat(100_000),
      "1 ".repeat(50_000),
      "Il".repeat(50_000),
      "\u202E".repeat(50_000),
    ]) {
      expect(index(hostile)).toBeUndefined();
    }
    expect(index(`${"Lo".repeat(20_000)}tte`)).toBeUndefined();
  });

  it("ignores empty and unreadable protected names", () => {
    const empty = createResemblanceIndex(["", "\u200B", "❤️"]);
    expect(empty("")).toBeUndefined();
    expect(empty("Lotte")).toBeUndefined();
  });
});

describe("resemblesAny", () => {
  it("matches names a person would read as the same", () => {
    expect(resemblesAny("Kinder Telefoon", ["Kindertelefoon"])).toBe(true);
    expect(resemblesAny("K1ndertelef00n", ["Kindertelefoon"])).toBe(true);
    expect(resemblesAny("Iotte", ["lotte"])).toBe(true);
    expect(resemblesAny("Noor", ["Lotte"])).toBe(false);
    expect(resemblesAny("Noah", ["Noor"])).toBe(false);
  });

  it("gives the same answer for a new but equal list, and honours exemptions", () => {
    expect(resemblesAny("Lotte ❤️", ["Lotte", "Noor"])).toBe(true);
    expect(resemblesAny("Lotte ❤️", ["Lotte", "Noor"])).toBe(true);
    expect(
      resemblesAny("Moderatie", HELP_SERVICE_NAMES, {
        userId: "@moderation:localhost",
        exemptUserIds: ["@moderation:localhost"],
      }),
    ).toBe(false);
  });
});
