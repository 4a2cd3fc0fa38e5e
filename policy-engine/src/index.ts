// Public API of @safety-by-design/policy-engine: the entry points (decide,
// createPolicyEngine, the pack loaders), the request, decision and pack types,
// and the few constants the client and tools read (the vocabularies a study
// log or a help screen enumerates). Anything else (the effect lists, the zod
// schemas, how bands are read) stays inside; the engine's own tests import it
// from its module. Export more only when a consumer outside the engine needs it.

export { AGE_BANDS } from "./model/bands.ts";
export type { AgeBand, MinorBand, PersonFacts } from "./model/bands.ts";

export {
  ACTION_IDS,
  DECISION_POINTS,
  HELP_MOMENTS,
  HELP_NEEDS,
  HELP_RESOURCE_IDS,
  MEDIA_KINDS,
  PACK_NOTICE_IDS,
  POLICY_ERROR_NOTICE_ID,
  REPORT_CATEGORIES,
  REPORT_TARGETS,
} from "./model/ids.ts";
export type {
  ActionId,
  AdviceDestination,
  AfterReportAction,
  BandDisclosure,
  ConversationOrigin,
  DecisionPoint,
  DiscoverySurface,
  DsaField,
  HelpMoment,
  HelpNeed,
  HelpResourceId,
  MaterialLocation,
  MediaDirection,
  MediaKind,
  MediaRelationship,
  MediaRoomKind,
  NoticeId,
  PackNoticeId,
  ProtectiveSetting,
  RecipientAnswer,
  RelationshipClass,
  ReportCategory,
  ReportSheet,
  ReportTarget,
  Severity,
  StrangerClass,
} from "./model/ids.ts";

export type {
  AcceptMode,
  ContactEffect,
  ConversationNoticeEffect,
  DisclosureEffect,
  DiscoveryEffect,
  HelpEffect,
  IncomingMediaEffect,
  IncomingPresentation,
  OutgoingMediaEffect,
  Preview,
  MemberContent,
  NotificationContent,
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
  IncomingMediaRequest,
  MediaCounterpart,
  MediaRequest,
  OutgoingMediaRequest,
  ProtectiveSettingChangeRequest,
  ReportRequest,
  RoomMemberFacts,
  RoomRequest,
  SubjectSettings,
} from "./model/requests.ts";

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
  IncomingMediaDecision,
  InvalidRequestDecision,
  MediaDecision,
  Notice,
  OutgoingMediaDecision,
  PackPurpose,
  PackRef,
  ProtectiveSettingChangeDecision,
  ModeratorBand,
  ModeratorBands,
  ReportDecision,
  ReportDestination,
  RoomDecision,
  RoomMemberDecision,
} from "./model/decisions.ts";

// Every id `reasons` can hold: a client checks it has words for each ("why am I seeing this?").
export { RULE_IDS } from "./model/rule-ids.ts";
export type { RuleId } from "./model/rule-ids.ts";
export { RULE_CATALOGUE } from "./rules/catalogue.ts";
export type { RuleSummary } from "./rules/catalogue.ts";

export { decide } from "./engine/decide.ts";
export type { DecisionContext } from "./engine/decide.ts";
export { createPolicyEngine } from "./engine/engine.ts";
export type { PackAbout, PolicyEngine } from "./engine/engine.ts";
export { NO_PACK, POLICY_ERROR_COPY_KEYS, failClosedDecision } from "./engine/fail-closed.ts";
export { assertNever } from "./engine/assert-never.ts";

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
