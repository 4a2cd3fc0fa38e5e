import type { SettingChangeContribution } from "../contributions.ts";
import type { ProtectiveSettingChangeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const childrenCannotBecomeFindable: Rule<
  ProtectiveSettingChangeFacts,
  SettingChangeContribution
> = {
  id: "protective-setting-change/children-cannot-become-findable",
  summary:
    "Guard (with discovery's): an 8-12-year-old cannot opt in to being found or suggested, since discovery would hide them anyway; the setting is shown as locked.",
  evaluate: ({ request, personBand }, pack) =>
    pack.guards.childrenNeverFindableByStrangers && personBand === "8-12" && request.newValue
      ? { effect: "refuse", notices: [pack.notices["setting-locked"][personBand]] }
      : null,
};
