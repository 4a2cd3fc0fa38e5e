import type { SettingChangeContribution } from "../contributions.ts";
import type { ProtectiveSettingChangeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

export const settingChangeTable: Rule<ProtectiveSettingChangeFacts, SettingChangeContribution> = {
  id: "protective-setting-change/setting-change-table",
  summary:
    "The pack's table says, per setting and band, whether loosening a protective default is allowed, allowed after information, or refused.",
  evaluate: ({ request, personBand }, pack) =>
    request.newValue ? pack.settingChanges[request.setting][personBand] : null,
};
