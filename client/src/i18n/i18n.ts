// Translation: typed keys, {name} parameters, and plurals chosen by the
// locale's own rules (Intl.PluralRules). Keys for plurals end in _one/_other.
//
// Dutch, the first language, ships with the app. English is fetched the
// first time it is needed (`loadLocale`: main.tsx before the first screen
// when it was chosen before, the root view model when someone chooses it), so
// the sign-in screen never downloads words it does not show.

import type { RuleId } from "@safety-by-design/policy-engine";
import { nl, type MessageKey } from "./messages.nl.ts";
import { noticesNl, type NoticeCopyKey } from "./notices.nl.ts";
import { whyText } from "./why.lookup.ts";
import { whyNl, type WhyAudience, type WhyTexts } from "./why.nl.ts";

export type Locale = "nl" | "en";
export const LOCALES: readonly Locale[] = ["nl", "en"];
export type { MessageKey, WhyAudience };

/** Every word of one language: the screens', the notices' and "why am I seeing this?". */
export type LocaleCopy = {
  readonly messages: Readonly<Record<MessageKey, string>>;
  readonly notices: Readonly<Record<NoticeCopyKey, string>>;
  readonly why: Readonly<Record<RuleId, WhyTexts>>;
};

const DUTCH: LocaleCopy = { messages: nl, notices: noticesNl, why: whyNl };

/** How to fetch the languages that do not ship with the app (each its own chunk). */
const LOADERS: Readonly<Record<Exclude<Locale, "nl">, () => Promise<LocaleCopy>>> = {
  en: async () => (await import("./copy.en.ts")).englishCopy,
};

// The languages this page has the words of. A cache of files that never
// change, filled once per language: it holds no state of anyone's.
const loaded = new Map<Locale, LocaleCopy>([["nl", DUTCH]]);

/** Fetches a language's words, once; afterwards `createTranslator(locale)` speaks it. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === "nl" || loaded.has(locale)) return;
  loaded.set(locale, await LOADERS[locale]());
}

export function isLocaleLoaded(locale: Locale): boolean {
  return loaded.has(locale);
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
  const locale = loaded.has(wanted) ? wanted : "nl";
  const copy = loaded.get(locale) ?? DUTCH;
  const catalogue = copy.messages;
  const pluralRules = new Intl.PluralRules(locale);
  const t: Translator["t"] = (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      return value === undefined ? whole : String(value);
    });
  const notices = copy.notices;
  const whys = copy.why;
  return {
    locale,
    t,
    notice: (copyKey) => (isNoticeCopyKey(copyKey) ? notices[copyKey] : notices[NOTICE_FALLBACK]),
    why: (ruleId, audience) => whyText(whys, ruleId, audience),
    plural: (key, count, params) => {
      const form = pluralRules.select(count) === "one" ? "one" : "other";
      return t(`${key}_${form}` as MessageKey, { count, ...params });
    },
  };
}

function isNoticeCopyKey(key: string): key is NoticeCopyKey {
  return Object.hasOwn(noticesNl, key);
}

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}
