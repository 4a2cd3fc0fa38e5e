import type { SettingChangeContribution } from "../contributions.ts";
import type { ProtectiveSettingChangeFacts } from "../facts.ts";
import type { Rule } from "../rule.ts";

const ALLOW: SettingChangeContribution = { effect: "allow", notices: [] };

export const tighteningAlwaysAllowed: Rule<
  ProtectiveSettingChangeFacts,
  SettingChangeContribution
> = {
  id: "protective-setting-change/tightening-always-allowed",
  summary:
    "Going back to the protective value (switching an opt-in off) is always allowed, without questions.",
  evaluate: ({ request }) => (request.newValue ? null : ALLOW),
};
