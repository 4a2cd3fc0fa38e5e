import { describe, expect, it } from "vitest";
import { createTranslator } from "./i18n.ts";
import { en } from "./messages.en.ts";
import { nl } from "./messages.nl.ts";

describe("translations", () => {
  it("has the same keys in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it("uses the same parameters in both languages", () => {
    const params = (s: string): string[] =>
      [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(params(en[key]), key).toEqual(params(nl[key]));
    }
  });

  it("fills in parameters and picks the plural form by count", () => {
    const t = createTranslator("nl");
    expect(t.plural("chats.unread", 1)).toBe("1 nieuw bericht");
    expect(t.plural("chats.unread", 3)).toBe("3 nieuwe berichten");
    expect(createTranslator("en").t("chats.signedInAs", { userId: "@noor:localhost" })).toBe(
      "Signed in as @noor:localhost",
    );
  });
});
