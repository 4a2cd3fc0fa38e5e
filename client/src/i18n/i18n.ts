// Translation: typed keys, {name} parameters, and plurals chosen by the
// locale's own rules (Intl.PluralRules). Keys for plurals end in _one/_other.
//
// The words come in areas that load with their screens, so the sign-in
// screen downloads only its own (docs/performance.md):
// - shell: the header, help, sign-in and loading screens (shell.*.ts, the
//   fail-closed notice and help's "why"); Dutch ships with the app;
// - session: a session's screens (messages.*.ts, notices.*.ts, why.*.ts),
//   loaded beside the SDK when a session starts (main.tsx);
// - moderation: the moderators' screens, on a moderator's device only;
// - facilitator: the facilitator console page (consoleMain.tsx).
// Each area is loaded before its screens render (`loadCopyArea`), in every
// language in use (`loadLocale`: English when first chosen), so the
// translator answers synchronously; copyAreas.test.ts checks that every key
// a screen can ask for is in an area loaded before it.

import type { RuleId } from "@safety-by-design/policy-engine";
import type { FacilitatorKey } from "./facilitator.nl.ts";
import type { SessionKey } from "./messages.nl.ts";
import type { ModerationKey } from "./moderation.nl.ts";
import type { NoticeCopyKey } from "./notices.nl.ts";
import { shellNoticesNl } from "./notices.shell.nl.ts";
import { shellNl, type ShellKey } from "./shell.nl.ts";
import { whyText } from "./why.lookup.ts";
import type { WhyAudience, WhyTexts } from "./why.nl.ts";
import { whyShellNl } from "./why.shell.nl.ts";

export type Locale = "nl" | "en";
export const LOCALES: readonly Locale[] = ["nl", "en"];
/** Every key of every area. */
export type MessageKey = ShellKey | SessionKey | ModerationKey | FacilitatorKey;
export type { WhyAudience };

export type CopyArea = "shell" | "session" | "moderation" | "facilitator";
export const COPY_AREAS: readonly CopyArea[] = ["shell", "session", "moderation", "facilitator"];

/** One area's words in one language: the screens', the notices' and "why am I seeing this?". */
export type AreaCopy = {
  readonly messages: Readonly<Partial<Record<MessageKey, string>>>;
  readonly notices?: Readonly<Partial<Record<NoticeCopyKey, string>>>;
  readonly why?: Readonly<Partial<Record<RuleId, WhyTexts>>>;
};

/** How to fetch each area of each language (each its own chunk); Dutch's shell ships with the app. */
const LOADERS: Readonly<Record<Locale, Readonly<Record<CopyArea, () => Promise<AreaCopy>>>>> = {
  nl: {
    shell: () => Promise.resolve({ messages: shellNl, notices: shellNoticesNl, why: whyShellNl }),
    session: async () => {
      const [{ nl }, { noticesNl }, { whyNl }] = await Promise.all([
        import("./messages.nl.ts"),
        import("./notices.nl.ts"),
        import("./why.nl.ts"),
      ]);
      return { messages: nl, notices: noticesNl, why: whyNl };
    },
    moderation: async () => ({ messages: (await import("./moderation.nl.ts")).moderationNl }),
    facilitator: async () => ({ messages: (await import("./facilitator.nl.ts")).facilitatorNl }),
  },
  en: {
    shell: async () => (await import("./copy.en.ts")).englishShell,
    session: async () => {
      const [{ en }, { noticesEn }, { whyEn }] = await Promise.all([
        import("./messages.en.ts"),
        import("./notices.en.ts"),
        import("./why.en.ts"),
      ]);
      return { messages: en, notices: noticesEn, why: whyEn };
    },
    moderation: async () => ({ messages: (await import("./moderation.en.ts")).moderationEn }),
    facilitator: async () => ({ messages: (await import("./facilitator.en.ts")).facilitatorEn }),
  },
};

type Words = {
  readonly messages: Partial<Record<MessageKey, string>>;
  readonly notices: Partial<Record<NoticeCopyKey, string>>;
  readonly why: Partial<Record<RuleId, WhyTexts>>;
};

// The words this page has, per language, filled area by area. A cache of
// files that never change: it holds no state of anyone's. A translator reads
// it when asked, so one made before an area arrived speaks that area too.
const words: Readonly<Record<Locale, Words>> = {
  nl: { messages: {}, notices: {}, why: {} },
  en: { messages: {}, notices: {}, why: {} },
};
const fetches = new Map<string, Promise<void>>();
const arrived = new Set<string>();
// The areas the screens shown so far need, and the languages in use.
const wantedAreas = new Set<CopyArea>(["shell"]);
const wantedLocales = new Set<Locale>(["nl"]);

function fetchArea(locale: Locale, area: CopyArea): Promise<void> {
  const id = `${locale}/${area}`;
  const known = fetches.get(id);
  if (known !== undefined) return known;
  const fetching = LOADERS[locale][area]().then(
    (copy) => {
      Object.assign(words[locale].messages, copy.messages);
      Object.assign(words[locale].notices, copy.notices);
      Object.assign(words[locale].why, copy.why);
      arrived.add(id);
    },
    (error: unknown) => {
      // Offline, say: a later call tries again.
      fetches.delete(id);
      throw error;
    },
  );
  fetches.set(id, fetching);
  return fetching;
}

// Dutch's shell is part of this module's chunk: there from the start.
fetches.set("nl/shell", Promise.resolve());
Object.assign(words.nl.messages, shellNl);
Object.assign(words.nl.notices, shellNoticesNl);
Object.assign(words.nl.why, whyShellNl);
arrived.add("nl/shell");

/**
 * Fetches an area's words before its screens render, in Dutch and in every
 * language in use (one chosen meanwhile too). Fails only without the Dutch
 * words: another language's that do not arrive are stood in for by Dutch,
 * key by key, and fetched again when that language is next chosen.
 */
export async function loadCopyArea(area: CopyArea): Promise<void> {
  wantedAreas.add(area);
  await fetchArea("nl", area);
  const others = [...wantedLocales].filter((locale) => locale !== "nl");
  await Promise.allSettled(others.map((locale) => fetchArea(locale, area)));
}

/**
 * Fetches a language's words of every area in use; afterwards
 * `createTranslator(locale)` speaks it. Fails without its shell (then the
 * app stays in the language it had); an area that does not arrive is stood
 * in for by Dutch, key by key.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  wantedLocales.add(locale);
  await fetchArea(locale, "shell");
  const areas = [...wantedAreas].filter((area) => area !== "shell");
  await Promise.allSettled(areas.map((area) => fetchArea(locale, area)));
}

/** Whether a language has the words of every area in use (else `loadLocale` fetches what is missing). */
export function isLocaleLoaded(locale: Locale): boolean {
  return [...wantedAreas].every((area) => arrived.has(`${locale}/${area}`));
}

/** Shown if a pack ever names a notice this build has no words for: still a warning, never a blank. */
const NOTICE_FALLBACK: NoticeCopyKey = "notice.policyError.general";

type PluralBase<K extends string> = K extends `${infer Base}_one` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;

export type Translator = {
  readonly locale: Locale;
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  /** The words for a notice the policy engine raised (its copy key, chosen for the reader's band). */
  readonly notice: (copyKey: string) => string;
  /**
   * Why a rule decided, for "why am I seeing this?", in words for this
   * audience (else the teen words); undefined for a rule with no words.
   */
  readonly why: (ruleId: string, audience: WhyAudience) => string | undefined;
  readonly plural: (
    key: PluralKey,
    count: number,
    params?: Readonly<Record<string, string | number>>,
  ) => string;
};

/**
 * The translator of a language whose words are loaded (`loadLocale`). Asked
 * for one that is not, it speaks Dutch, the first language: never a blank.
 */
export function createTranslator(wanted: Locale): Translator {
  const locale = arrived.has(`${wanted}/shell`) ? wanted : "nl";
  const own = words[locale];
  const dutch = words.nl;
  const pluralRules = new Intl.PluralRules(locale);
  // A key is always in Dutch once its area loaded; a key in no loaded area
  // shows as itself (copyAreas.test.ts keeps that from happening).
  const t: Translator["t"] = (key, params) =>
    (own.messages[key] ?? dutch.messages[key] ?? key).replace(
      /\{(\w+)\}/g,
      (whole, name: string) => {
        const value = params?.[name];
        return value === undefined ? whole : String(value);
      },
    );
  const notice = (copyKey: string): string | undefined =>
    Object.hasOwn(own.notices, copyKey)
      ? own.notices[copyKey as NoticeCopyKey]
      : Object.hasOwn(dutch.notices, copyKey)
        ? dutch.notices[copyKey as NoticeCopyKey]
        : undefined;
  return {
    locale,
    t,
    notice: (copyKey) => notice(copyKey) ?? notice(NOTICE_FALLBACK) ?? "",
    why: (ruleId, audience) =>
      whyText(own.why, ruleId, audience) ?? whyText(dutch.why, ruleId, audience),
    plural: (key, count, params) => {
      const form = pluralRules.select(count) === "one" ? "one" : "other";
      return t(`${key}_${form}` as MessageKey, { count, ...params });
    },
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}
