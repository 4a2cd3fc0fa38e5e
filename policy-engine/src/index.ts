// Public API of @safety-by-design/policy-engine. Everything a client, a
// researcher's tool or an alternative engine needs; nothing else is exported.

export {
  AGE_BANDS,
  MINOR_BANDS,
  effectiveBand,
  isAdultOrUnverified,
  isMinor,
} from "./model/bands.ts";
export type { AgeBand, MinorBand, PersonFacts } from "./model/bands.ts";

export {
  ACTION_IDS,
  ADVICE_DESTINATIONS,
  AFTER_REPORT_ACTIONS,
  CONVERSATION_ORIGINS,
  DECISION_POINTS,
  DISCOVERY_SURFACES,
  DSA_FIELDS,
  HELP_MOMENTS,
  HELP_RESOURCE_IDS,
  MATERIAL_LOCATIONS,
  PACK_NOTICE_IDS,
  POLICY_ERROR_NOTICE_ID,
  PROTECTIVE_SETTINGS,
  RECIPIENT_ANSWERS,
  RELATIONSHIP_CLASSES,
  REPORT_CATEGORIES,
  REPORT_TARGETS,
  SEVERITIES,
  STRANGER_CLASSES,
} from "./model/ids.ts";
export type {
  ActionId,
  AdviceDestination,
  AfterReportAction,
  ConversationOrigin,
  DecisionPoint,
  DiscoverySurface,
  DsaField,
  HelpMoment,
  HelpResourceId,
  MaterialLocation,
  NoticeId,
  PackNoticeId,
  ProtectiveSetting,
  RecipientAnswer,
  RelationshipClass,
  ReportCategory,
  ReportTarget,
  Severity,
  StrangerClass,
} from "./model/ids.ts";

export {
  ACCEPT_MODES,
  CONTACT_EFFECTS,
  CONVERSATION_NOTICE_EFFECTS,
  DISCLOSURE_EFFECTS,
  DISCOVERY_EFFECTS,
  HELP_EFFECTS,
  INCOMING_PRESENTATIONS,
  PREVIEWS,
  MEMBER_CONTENT,
  REPORT_EFFECTS,
  ROOM_PRESENTATIONS,
  SETTING_CHANGE_EFFECTS,
} from "./model/effects.ts";
export type {
  AcceptMode,
  ContactEffect,
  ConversationNoticeEffect,
  DisclosureEffect,
  DiscoveryEffect,
  HelpEffect,
  IncomingPresentation,
  Preview,
  MemberContent,
  ReportEffect,
  RoomPresentation,
  SettingChangeEffect,
} from "./model/effects.ts";

export type {
  ContactRequest,
  ConversationNoticeRequest,
  DecisionRequest,
  DisclosureRequest,
  DiscoveryRequest,
  HelpRequest,
  IncomingContactRequest,
  ProtectiveSettingChangeRequest,
  ReportRequest,
  RoomMemberFacts,
  RoomRequest,
  SubjectSettings,
} from "./model/requests.ts";
export { DecisionRequestSchema } from "./model/request-schema.ts";

export type {
  ContactDecision,
  ConversationNoticeDecision,
  Decision,
  DecisionError,
  DecisionErrorCode,
  DecisionFor,
  DisclosureDecision,
  DiscoveryDecision,
  HelpDecision,
  IncomingContactDecision,
  InvalidRequestDecision,
  Notice,
  PackPurpose,
  PackRef,
  ProtectiveSettingChangeDecision,
  ReportDecision,
  ReportDestination,
  RoomDecision,
  RoomMemberDecision,
} from "./model/decisions.ts";

export { RULE_IDS } from "./model/rule-ids.ts";
export type { RuleId } from "./model/rule-ids.ts";
export { RULE_CATALOGUE } from "./rules/catalogue.ts";
export type { RuleSummary } from "./rules/catalogue.ts";

export { decide } from "./engine/decide.ts";
export type { DecisionContext } from "./engine/decide.ts";
export { createPolicyEngine } from "./engine/engine.ts";
export type { PolicyEngine } from "./engine/engine.ts";
export {
  FAIL_CLOSED_EFFECTS,
  NO_PACK,
  POLICY_ERROR_COPY_KEYS,
  failClosedDecision,
} from "./engine/fail-closed.ts";
export { assertNever } from "./engine/assert-never.ts";

export { PolicyPackSchema } from "./pack/schema.ts";
export type { PolicyPack } from "./pack/schema.ts";
export { loadPack, parsePack } from "./pack/load.ts";
export type { LoadPackOptions, PackLoadResult, PackProblem } from "./pack/load.ts";
export type { ResolveBasePack } from "./pack/extend.ts";
export type { CompiledPack } from "./pack/compile.ts";
export {
  BUNDLED_PACK_IDS,
  bundledPackSources,
  loadBundledPack,
  resolveBundledPack,
} from "./pack/bundled.ts";
export type { BundledPackId } from "./pack/bundled.ts";
export { allCopyKeys } from "./pack/copy-keys.ts";
export { policyPackJsonSchema, policyPackJsonSchemaText } from "./pack/json-schema.ts";
