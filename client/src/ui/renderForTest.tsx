// UI: renders a view to HTML for unit tests (no DOM there: react-dom/server),
// in a language, and escapes expected words the way the HTML holds them.
// Only *.test.tsx files import this.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator, type Locale, type Translator } from "../i18n/i18n.ts";
import { TranslatorContext } from "./TranslatorContext.tsx";

export function renderView(element: ReactElement, locale: Locale = "en"): string {
  return renderToStaticMarkup(
    <TranslatorContext value={createTranslator(locale)}>{element}</TranslatorContext>,
  );
}

/** The translator the rendered view used, for the words a test expects. */
export function wordsIn(locale: Locale = "en"): Translator {
  return createTranslator(locale);
}

/** Text as React writes it into HTML. */
export function asHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
}

/** An action that must not be called while rendering. */
export function notCalled(): never {
  throw new Error("an action ran during rendering");
}
