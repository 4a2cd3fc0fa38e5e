// Stable identifiers shared by packs, rules, decisions and the client. The
// client's help table, translations and views key on these strings, so they
// never change meaning; new ones may be added (and every switch over them is
// exhaustive, so adding one breaks the build where it must be handled).

export const DECISION_POINTS = [
  "discovery",
  "contact",
  "incoming-contact",
  "conversation-notice",
  "disclosure",
  "report",
  "help",
  "protective-setting-change",
  "room",
  "media",
] as const;
export type DecisionPoint = (typeof DECISION_POINTS)[number];

/**
 * How the protected person relates to the other person. Strangers are split
 * by what the engine can verify about the other's age, relative to the
 * protected person's band (peers are defined per pack).
 */
export const RELATIONSHIP_CLASSES = [
  "contact",
  "peer-stranger",
  "minor-stranger",
  "adult-stranger",
  "unverified-stranger",
] as const;
export type RelationshipClass = (typeof RELATIONSHIP_CLASSES)[number];
export const STRANGER_CLASSES = [
  "peer-stranger",
  "minor-stranger",
  "adult-stranger",
  "unverified-stranger",
] as const;
export type StrangerClass = (typeof STRANGER_CLASSES)[number];

/** Ids of the client's bundled help table (one entry per organisation). */
export const HELP_RESOURCE_IDS = [
  "kindertelefoon",
  "helpwanted",
  "stop-it-now",
  "centrum-seksueel-geweld",
  "veilig-thuis",
  "politie",
  "emergency-112",
  "meldpunt-kinderporno",
] as const;
export type HelpResourceId = (typeof HELP_RESOURCE_IDS)[number];

/** Notices a pack defines (severity and copy key) and rules may raise. */
export const PACK_NOTICE_IDS = [
  "unknown-adult",
  "unverified-age",
  "unknown-peer",
  "unknown-person",
  "no-shared-rooms",
  "other-server",
  "name-resembles-contact",
  "name-resembles-help-service",
  "recently-accepted-unknown-adult",
  "recently-accepted-stranger",
  "deterrence-adult-to-minor",
  "contacting-unknown-adult",
  "contact-not-available",
  "setting-findable-by-peers",
  "setting-suggested-to-peers",
  "setting-locked",
  "recipient-may-hold-aside",
  "group-with-strangers",
  "group-members-unknown",
  "stranger-joined",
  "media-from-stranger",
  "media-recently-accepted",
  "media-not-viewable",
  "media-think-first",
  "media-unsend-caveat",
] as const;
export type PackNoticeId = (typeof PACK_NOTICE_IDS)[number];

/** Built into the engine, because it must work when there is no valid pack. */
export const POLICY_ERROR_NOTICE_ID = "policy-error";
export type NoticeId = PackNoticeId | typeof POLICY_ERROR_NOTICE_ID;

export const SEVERITIES = ["info", "caution", "warning"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ACTION_IDS = [
  "view",
  "accept",
  "accept-after-reading",
  "ignore",
  "block",
  "block-and-report",
  "report",
  "leave",
  "get-help",
  "why",
  "continue",
  "cancel",
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** Actions a pack may offer after a report has been filed. */
export const AFTER_REPORT_ACTIONS = ["block", "leave", "get-help"] as const;
export type AfterReportAction = (typeof AFTER_REPORT_ACTIONS)[number];

/**
 * The one report vocabulary: the report sheet offers these ids, the engine
 * routes by them, the sealed bundle carries them (protocol v2 keeps a copy
 * for its strict parser; a client test fails if the two differ) and the
 * moderation screen shows them. No table translates between them.
 *
 * Why these: every distinction the routing makes (abuse material → police,
 * or Meldpunt Kinderporno for public websites; image abuse and sextortion →
 * Helpwanted; grooming, threats; impersonation and scams → moderators only)
 * and every choice a young reporter needs in their own terms. A child cannot
 * be expected to tell abuse material from other sexual content sent to them,
 * or to call a request for photos "grooming", so `sexual-content-to-minor`
 * and `asking-for-images` are ids of their own; each pack routes them (in
 * nl-default as abuse material and as grooming). What a reporter reads are
 * translations per id; which ids the sheet offers, and in which order, is
 * pack data (`report.categoryChoices`). Order here: the sheet's order when a
 * pack offers everything.
 */
export const REPORT_CATEGORIES = [
  "child-sexual-abuse-material",
  "sexual-content-to-minor",
  "asking-for-images",
  "grooming",
  "sextortion",
  "image-abuse",
  "threat-or-violence",
  "harassment",
  "impersonation",
  "scam-or-spam",
  "other",
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_TARGETS = ["message", "request", "profile", "room"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const MATERIAL_LOCATIONS = ["chat", "public-website"] as const;
export type MaterialLocation = (typeof MATERIAL_LOCATIONS)[number];

/** Organisations the app advises the reporter to contact (the app itself only delivers to moderators). */
export const ADVICE_DESTINATIONS = ["politie", "meldpunt-kinderporno", "helpwanted"] as const;
export type AdviceDestination = (typeof ADVICE_DESTINATIONS)[number];

/** DSA Article 16(2)(a)-(d) notice fields. */
export const DSA_FIELDS = [
  "explanation",
  "exact-location",
  "reporter-identity",
  "good-faith-statement",
] as const;
export type DsaField = (typeof DSA_FIELDS)[number];

/**
 * The most messages before the reported one a report may carry: the sealed
 * report bundle's cap (its wire format holds at most 20), so no pack can ask
 * for evidence the format cannot deliver.
 */
export const MAX_REPORT_CONTEXT_MESSAGES = 20;

/**
 * What a young person can say is going on, in one tap, on the help screen
 * (also after a report). Only this choice reaches the engine, never what any
 * message says; the pack lists the help for each need per band (`help.needs`).
 */
export const HELP_NEEDS = [
  "asked-for-pictures",
  "picture-shared",
  "threatened",
  "at-home",
  "want-to-talk",
] as const;
export type HelpNeed = (typeof HELP_NEEDS)[number];

/**
 * How the report sheet is laid out for a reporter's band (pack data,
 * `report.sheet`): `standard` shows the one-tap default and the full list;
 * `simple` pre-sets nothing, offers a few choices in children's words, and
 * after filing says thank you and who helps next before anything else.
 */
export const REPORT_SHEETS = ["standard", "simple"] as const;
export type ReportSheet = (typeof REPORT_SHEETS)[number];

/**
 * How much of a verified age band goes to the moderators with a report (the
 * pack's `report.bandsToModerators`): the exact band, only minor or adult, or
 * nothing. An unverified band never goes: it is not a fact.
 */
export const BAND_DISCLOSURES = ["band", "group", "none"] as const;
export type BandDisclosure = (typeof BAND_DISCLOSURES)[number];

export const HELP_MOMENTS = [
  "general",
  "after-warning",
  "after-report",
  "after-deterrence",
] as const;
export type HelpMoment = (typeof HELP_MOMENTS)[number];

/** Protective defaults a person may change; `false` is the protective value of each. */
export const PROTECTIVE_SETTINGS = ["findable-by-peers", "suggested-to-peers"] as const;
export type ProtectiveSetting = (typeof PROTECTIVE_SETTINGS)[number];

export const CONVERSATION_ORIGINS = [
  "accepted-request",
  "started-by-me",
  "in-person",
  "unknown",
] as const;
export type ConversationOrigin = (typeof CONVERSATION_ORIGINS)[number];

export const DISCOVERY_SURFACES = ["search", "suggestions"] as const;
export type DiscoverySurface = (typeof DISCOVERY_SURFACES)[number];

/**
 * Sender side: what the recipient's device answered when asked, before a
 * chat starts, whether it would hold such a contact aside to protect a minor.
 * `no-answer`: nothing arrived in time (offline, flooded, or never asked).
 */
export const RECIPIENT_ANSWERS = ["protects-minor", "no-protection", "no-answer"] as const;
export type RecipientAnswer = (typeof RECIPIENT_ANSWERS)[number];

/**
 * What an image or file event says it is (its msgtype), the only thing about
 * a piece of media the engine is told: never its bytes, pixels, hashes, name,
 * caption, type or size.
 */
export const MEDIA_KINDS = ["image", "video", "audio", "file"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Whether the device user receives the media or is about to send it. */
export const MEDIA_DIRECTIONS = ["incoming", "outgoing"] as const;
export type MediaDirection = (typeof MEDIA_DIRECTIONS)[number];

export const MEDIA_ROOM_KINDS = ["direct", "group"] as const;
/** Recipients of one piece of media, at most (as for room members): a bound on work per decision. */
export const MAX_MEDIA_RECIPIENTS = 10_000;
export type MediaRoomKind = (typeof MEDIA_ROOM_KINDS)[number];

/**
 * How the device user relates to one other person, for media: a contact; a
 * contact whose request they accepted less than the pack's window ago; or
 * not a contact, split as for every other point.
 */
export const MEDIA_RELATIONSHIPS = ["contact", "recently-accepted", ...STRANGER_CLASSES] as const;
export type MediaRelationship = (typeof MEDIA_RELATIONSHIPS)[number];
