// English, the second language, as one chunk the app fetches when English is
// first needed (i18n.ts `loadLocale`). The words live in the three .en files.
import type { LocaleCopy } from "./i18n.ts";
import { en } from "./messages.en.ts";
import { noticesEn } from "./notices.en.ts";
import { whyEn } from "./why.en.ts";

export const englishCopy: LocaleCopy = { messages: en, notices: noticesEn, why: whyEn };
