// Unit tests' setup (vitest.config.ts): every language's words loaded before
// any test runs, as main.tsx and the root view model do before a screen shows
// a language, so tests can render English with `createTranslator("en")`.
// i18n.test.ts checks the loading itself on a fresh copy of i18n.ts.
import { LOCALES, loadLocale } from "./i18n.ts";

await Promise.all(LOCALES.map(loadLocale));
