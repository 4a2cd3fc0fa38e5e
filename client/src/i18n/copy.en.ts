// client i18n: English's shell area (i18n.ts), one chunk fetched when English
// is first needed and cached at install for offline help (vite.config.ts).
// The other areas' English loads with them (i18n.ts `loadCopyArea`).
import type { AreaCopy } from "./i18n.ts";
import { shellNoticesEn } from "./notices.shell.en.ts";
import { shellEn } from "./shell.en.ts";
import { whyShellEn } from "./why.shell.en.ts";

export const englishShell: AreaCopy = {
  messages: shellEn,
  notices: shellNoticesEn,
  why: whyShellEn,
};
