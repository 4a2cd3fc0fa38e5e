// Unit tests' setup (vitest.config.ts): every language's words of every area
// loaded before any test runs, as main.tsx, consoleMain.tsx and the root view
// model do before a screen shows them, so tests can render any screen in
// English with `createTranslator("en")`. i18n.test.ts checks the loading
// itself on a fresh copy of i18n.ts.
import { COPY_AREAS, LOCALES, loadCopyArea, loadLocale } from "./i18n.ts";

await Promise.all(LOCALES.map(loadLocale));
await Promise.all(COPY_AREAS.map(loadCopyArea));
