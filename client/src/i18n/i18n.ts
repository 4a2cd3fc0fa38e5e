// Translation: typed keys, {name} parameters, and plurals chosen by the
// locale's own rules (Intl.PluralRules). Keys for plurals end in _one/_other.

import { en } from "./messages.en.ts";
import { nl, type MessageKey } from "./messages.nl.ts";
import { noticesEn } from "./notices.en.ts";
import { noticesNl, type NoticeCopyKey } from "./notices.nl.ts";
import { whyEn } from "./why.en.ts";
import { whyNl, type WhyRuleId } from "./why.nl.ts";

export type Locale = "nl" | "en";
export const LOCALES: readonly Locale[] = ["nl", "en"];
export type { MessageKey };

const catalogues: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { nl, en };
const noticeCatalogues: Readonly<Record<Locale, Readonly<Record<NoticeCopyKey, string>>>> = {
  nl: noticesNl,
  en: noticesEn,
};
/** Shown if a pack ever names a notice this build has no words for: still a warning, never a blank. */
const NOTICE_FALLBACK: NoticeCopyKey = "notice.policyError.general";

type PluralBase<K extends string> = K extends `${infer Base}_one` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;

export type Translator = {
  readonly locale: Locale;
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  /** The words for a notice the policy engine raised (its copy key, chosen for the reader's band). */
  readonly notice: (copyKey: string) => string;
  /** Why a rule decided, for "why am I seeing this?"; undefined for a rule with no words yet. */
  readonly why: (ruleId: string) => string | undefined;
  readonly plural: (
    key: PluralKey,
    count: number,
    params?: Readonly<Record<string, string | number>>,
  ) => string;
};

export function createTranslator(locale: Locale): Translator {
  const catalogue = catalogues[locale];
  const pluralRules = new Intl.PluralRules(locale);
  const t: Translator["t"] = (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      return value === undefined ? whole : String(value);
    });
  const notices = noticeCatalogues[locale];
  const whys = locale === "nl" ? whyNl : whyEn;
  return {
    locale,
    t,
    notice: (copyKey) => (isNoticeCopyKey(copyKey) ? notices[copyKey] : notices[NOTICE_FALLBACK]),
    why: (ruleId) => (Object.hasOwn(whyNl, ruleId) ? whys[ruleId as WhyRuleId] : undefined),
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
