// Gives every view the translator of the current locale.
import { createContext, useContext } from "react";
import { createTranslator, type Translator } from "../i18n/i18n.ts";

export const TranslatorContext = createContext<Translator>(createTranslator("nl"));

export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}
