import { describe, expect, it, vi } from "vitest";
import { facilitatorEn } from "./facilitator.en.ts";
import { facilitatorNl } from "./facilitator.nl.ts";
import type * as I18n from "./i18n.ts";
import { createTranslator } from "./i18n.ts";
import { en as sessionEn } from "./messages.en.ts";
import { nl as sessionNl } from "./messages.nl.ts";
import { moderationEn } from "./moderation.en.ts";
import { moderationNl } from "./moderation.nl.ts";
import { shellEn } from "./shell.en.ts";
import { shellNl } from "./shell.nl.ts";

// Each area's words, Dutch and English (i18n.ts: they load with their screens).
const areas = [
  ["shell", shellNl, shellEn],
  ["session", sessionNl, sessionEn],
  ["moderation", moderationNl, moderationEn],
  ["facilitator", facilitatorNl, facilitatorEn],
] as const;
const nl: Readonly<Record<string, string>> = Object.fromEntries(
  areas.flatMap(([, dutch]) => Object.entries(dutch)),
);
const en: Readonly<Record<string, string>> = Object.fromEntries(
  areas.flatMap(([, , english]) => Object.entries(english)),
);

describe("translations", () => {
  it.each(areas)("has the same keys in Dutch and English in the %s area", (_, dutch, english) => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(dutch).sort());
  });

  it("has every key in one area only", () => {
    const count = areas.reduce((sum, [, dutch]) => sum + Object.keys(dutch).length, 0);
    expect(Object.keys(nl)).toHaveLength(count);
  });

  it("uses the same parameters in both languages", () => {
    const params = (s: string): string[] =>
      [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
    for (const key of Object.keys(nl)) {
      expect(params(en[key] ?? ""), key).toEqual(params(nl[key] ?? ""));
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

describe("loading a language and its areas", () => {
  // A fresh i18n.ts, as a page starts: the unit tests' setup loads every language and area.
  async function freshI18n(): Promise<typeof I18n> {
    vi.resetModules();
    return import("./i18n.ts");
  }

  it("has the Dutch shell from the start, and English once loaded", async () => {
    const i18n = await freshI18n();
    expect(i18n.isLocaleLoaded("nl")).toBe(true);
    expect(i18n.isLocaleLoaded("en")).toBe(false);
    expect(i18n.createTranslator("nl").t("signIn.title")).toBe(shellNl["signIn.title"]);

    await i18n.loadLocale("en");
    expect(i18n.isLocaleLoaded("en")).toBe(true);
    const english = i18n.createTranslator("en");
    expect(english.locale).toBe("en");
    expect(english.t("help.close")).toBe(shellEn["help.close"]);
  });

  it("speaks a session's words once its area is loaded, in every language in use", async () => {
    const i18n = await freshI18n();
    await i18n.loadLocale("en");
    // A translator made before the area arrived speaks it too (the app's stays the same).
    const dutch = i18n.createTranslator("nl");
    await i18n.loadCopyArea("session");
    expect(dutch.t("chats.empty")).toBe(sessionNl["chats.empty"]);
    expect(i18n.isLocaleLoaded("en")).toBe(true);
    expect(i18n.createTranslator("en").t("chats.empty")).toBe(sessionEn["chats.empty"]);
    expect(i18n.createTranslator("en").notice("notice.unknownAdult.child")).toMatch(/adult/);
  });

  it("loads an area in use for a language chosen later", async () => {
    const i18n = await freshI18n();
    await i18n.loadCopyArea("moderation");
    expect(i18n.isLocaleLoaded("en")).toBe(false);
    await i18n.loadLocale("en");
    expect(i18n.createTranslator("en").t("moderation.title")).toBe(
      moderationEn["moderation.title"],
    );
  });

  it("stands in Dutch, key by key, for an area whose English did not arrive, and fetches it again later", async () => {
    const i18n = await freshI18n();
    await i18n.loadLocale("en");
    vi.doMock("./moderation.en.ts", () => {
      throw new Error("offline");
    });
    await i18n.loadCopyArea("moderation");
    const english = i18n.createTranslator("en");
    expect(english.locale).toBe("en");
    expect(english.t("help.close")).toBe(shellEn["help.close"]);
    expect(english.t("moderation.title")).toBe(moderationNl["moderation.title"]);
    expect(i18n.isLocaleLoaded("en")).toBe(false);

    vi.doUnmock("./moderation.en.ts");
    await i18n.loadLocale("en");
    expect(i18n.isLocaleLoaded("en")).toBe(true);
    expect(english.t("moderation.title")).toBe(moderationEn["moderation.title"]);
  });

  it("speaks Dutch, never a blank, when asked for a language not loaded yet", async () => {
    const i18n = await freshI18n();
    const translator = i18n.createTranslator("en");
    expect(translator.locale).toBe("nl");
    expect(translator.t("help.close")).toBe(shellNl["help.close"]);
    // Before sign-in only the fail-closed notice can show: it ships with the shell.
    expect(translator.notice("notice.policyError.general")).not.toBe("");
    expect(translator.notice("notice.no-such-key")).toBe(
      translator.notice("notice.policyError.general"),
    );
  });
});
