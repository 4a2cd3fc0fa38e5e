import { describe, expect, it, vi } from "vitest";
import type * as I18n from "./i18n.ts";
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

describe("loading a language", () => {
  // A fresh i18n.ts, as a page starts: the unit tests' setup loads every language.
  async function freshI18n(): Promise<typeof I18n> {
    vi.resetModules();
    return import("./i18n.ts");
  }

  it("has Dutch from the start, and English once loaded", async () => {
    const i18n = await freshI18n();
    expect(i18n.isLocaleLoaded("nl")).toBe(true);
    expect(i18n.isLocaleLoaded("en")).toBe(false);

    await i18n.loadLocale("en");
    expect(i18n.isLocaleLoaded("en")).toBe(true);
    const english = i18n.createTranslator("en");
    expect(english.locale).toBe("en");
    expect(english.t("help.close")).toBe(en["help.close"]);
  });

  it("speaks Dutch, never a blank, when asked for a language not loaded yet", async () => {
    const i18n = await freshI18n();
    const translator = i18n.createTranslator("en");
    expect(translator.locale).toBe("nl");
    expect(translator.t("help.close")).toBe(nl["help.close"]);
    expect(translator.notice("notice.policyError.general")).not.toBe("");
  });
});
