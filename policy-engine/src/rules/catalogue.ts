// Every rule with its point and one-line summary, for the docs, a "why" screen
// or a researcher's export. Built from the points' rule lists, so it cannot
// drift from what runs.

import type { DecisionPoint } from "../model/ids.ts";
import type { RuleId } from "../model/rule-ids.ts";
import { CONTACT_RULES } from "../points/contact.ts";
import { CONVERSATION_NOTICE_RULES } from "../points/conversation-notice.ts";
import { DISCLOSURE_RULES } from "../points/disclosure.ts";
import { DISCOVERY_RULES } from "../points/discovery.ts";
import { HELP_RULES } from "../points/help.ts";
import { INCOMING_CONTACT_RULES } from "../points/incoming-contact.ts";
import { MEDIA_RULES } from "../points/media.ts";
import { PROTECTIVE_SETTING_CHANGE_RULES } from "../points/protective-setting-change.ts";
import { REPORT_RULES } from "../points/report.ts";
import { ROOM_RULES } from "../points/room.ts";
import { defaultCategoryFromContext } from "./report/default-category-from-context.ts";

export type RuleSummary = {
  readonly id: RuleId;
  readonly point: DecisionPoint;
  readonly summary: string;
};

type Described = { readonly id: RuleId; readonly summary: string };

function describe(point: DecisionPoint, rules: readonly Described[]): RuleSummary[] {
  return rules.map(({ id, summary }) => ({ id, point, summary }));
}

export const RULE_CATALOGUE: readonly RuleSummary[] = Object.freeze([
  ...describe("discovery", DISCOVERY_RULES),
  ...describe("contact", CONTACT_RULES),
  ...describe("incoming-contact", INCOMING_CONTACT_RULES),
  ...describe("conversation-notice", CONVERSATION_NOTICE_RULES),
  ...describe("disclosure", DISCLOSURE_RULES),
  ...describe("report", [defaultCategoryFromContext, ...REPORT_RULES]),
  ...describe("help", HELP_RULES),
  ...describe("protective-setting-change", PROTECTIVE_SETTING_CHANGE_RULES),
  ...describe("room", ROOM_RULES),
  ...describe("media", MEDIA_RULES),
]);
