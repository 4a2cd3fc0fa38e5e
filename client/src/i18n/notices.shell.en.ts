// client i18n: the English fail-closed notice (see notices.shell.nl.ts).
import type { shellNoticesNl } from "./notices.shell.nl.ts";

export const shellNoticesEn: Readonly<Record<keyof typeof shellNoticesNl, string>> = {
  "notice.policyError.child":
    "Something went wrong in the app. So the app is being extra careful right now. Some things won't work for a while. You didn't do anything wrong.",
  "notice.policyError.teen13":
    "The app couldn't load its safety settings. So it is being extra careful right now. Some things won't work for a while. You didn't do anything wrong.",
  "notice.policyError.teen16":
    "The app couldn't load its safety settings. So it is being extra careful right now. Some things won't work for a while. Please try again later.",
  "notice.policyError.adult":
    "The app couldn't load its safety settings. So it is being extra careful right now. Some things won't work for a while. Please try again later.",
  "notice.policyError.general":
    "The app couldn't load its safety settings. So it is being extra careful right now. Some things won't work for a while. Please try again later.",
};
