// What the engine answers: plain, serialisable data. The client renders it and
// never second-guesses it. Copy keys, help ids and action ids are looked up by
// the client; the engine returns no user-facing text.

import type {
  ContactEffect,
  ConversationNoticeEffect,
  DisclosureEffect,
  DiscoveryEffect,
  HelpEffect,
  IncomingMediaEffect,
  IncomingPresentation,
  MemberContent,
  OutgoingMediaEffect,
  NotificationContent,
  Preview,
  RoomPresentation,
  ReportEffect,
  SettingChangeEffect,
} from "./effects.ts";
import type {
  ActionId,
  AdviceDestination,
  DsaField,
  HelpNeed,
  HelpResourceId,
  MediaRelationship,
  NoticeId,
  RelationshipClass,
  ReportCategory,
  ReportSheet,
  Severity,
} from "./ids.ts";
import type { RuleId } from "./rule-ids.ts";

export type Notice = {
  readonly id: NoticeId;
  readonly severity: Severity;
  /** Translation key for the reader's band, e.g. `notice.unknownAdult.teen13`. */
  readonly copyKey: string;
  /** For standing notices: shown until this time (ms since the Unix epoch). */
  readonly until?: number;
};

export type DecisionErrorCode =
  "invalid-pack" | "invalid-request" | "invalid-clock" | "rule-failed" | "engine-failed";

export type DecisionError = {
  readonly code: DecisionErrorCode;
  /** Developer-facing English; the client shows the `policy-error` notice to users. */
  readonly message: string;
  /** JSON Pointer into the pack or the request, when the error is about one field. */
  readonly path?: string;
  readonly ruleId?: RuleId;
};

export type PackPurpose = "production" | "control-arm";

/** Which pack decided. `purpose: "none"` means no valid pack: every decision failed closed. */
export type PackRef = {
  readonly id: string;
  readonly version: string;
  readonly purpose: PackPurpose | "none";
};

type DecisionCommon = {
  /** Deterministic: pack id and version, point, and a hash of the request facts and `now`. */
  readonly decisionId: string;
  readonly pack: PackRef;
  readonly notices: readonly Notice[];
  readonly help: readonly HelpResourceId[];
  readonly actions: readonly ActionId[];
  /** The rules that decided, in evaluation order ("why am I seeing this?"). */
  readonly reasons: readonly RuleId[];
  readonly errors: readonly DecisionError[];
  /** True when this is the point's fail-closed decision (then `errors` is not empty). */
  readonly failedClosed: boolean;
};

export type DiscoveryDecision = DecisionCommon & {
  readonly point: "discovery";
  readonly effect: DiscoveryEffect;
};

export type ContactDecision = DecisionCommon & {
  readonly point: "contact";
  readonly effect: ContactEffect;
  /** The recipient as seen from the sender; `null` when failed closed. */
  readonly relationship: RelationshipClass | null;
};

export type IncomingContactDecision = DecisionCommon & {
  readonly point: "incoming-contact";
  readonly effect: IncomingPresentation;
  readonly preview: Preview;
  /** The sender as seen from the recipient; `null` when failed closed. */
  readonly relationship: RelationshipClass | null;
  /**
   * The recipient is a minor and this contact is kept out of the normal chats
   * (the pack's adults-cannot-start-contact-with-minors guard). The recipient's
   * device may tell the sender's device so, without its band, when asked
   * before a chat starts (the sender's contact decision takes it as
   * `recipientProtectsMinor`). `true` when failed closed.
   */
  readonly protectsMinor: boolean;
};

export type ConversationNoticeDecision = DecisionCommon & {
  readonly point: "conversation-notice";
  readonly effect: ConversationNoticeEffect;
  /** What `other` was to `self` before accepting (never `contact`); `null` when failed closed. */
  readonly relationship: RelationshipClass | null;
};

export type DisclosureDecision = DecisionCommon & {
  readonly point: "disclosure";
  readonly effect: DisclosureEffect;
  readonly relationship: RelationshipClass | null;
};

export type ReportDestination =
  /** Delivered by the app: sealed to the moderators' key, sent through Matrix's report API. */
  | { readonly id: "moderators"; readonly delivery: "sealed-to-moderators" }
  /** Shown to the reporter as advice with the organisation's contact details. */
  | { readonly id: AdviceDestination; readonly delivery: "advice" };

export type ReportDecision = DecisionCommon & {
  readonly point: "report";
  readonly effect: ReportEffect;
  /** The reporter's choice, or the default for a one-tap report. */
  readonly category: ReportCategory;
  /** What the reporter may choose instead, in the order the sheet lists them (the pack's, per band). */
  readonly categoryChoices: readonly ReportCategory[];
  readonly destinations: readonly ReportDestination[];
  /** DSA Article 16(2) fields the report must carry. */
  readonly requiredFields: readonly DsaField[];
  /** DSA Art. 16(2)(c): the reporter may leave out name and e-mail (child sexual abuse). */
  readonly reporterIdentityOptional: boolean;
  /**
   * How many messages before the reported one travel with it as evidence
   * (0..MAX_REPORT_CONTEXT_MESSAGES); 0 when nothing but a message is reported.
   */
  readonly contextMessages: number;
  /**
   * For a reported request: how many of its newest messages travel sealed to
   * the moderators. The reporter never saw them (the request was held aside)
   * and the sheet never shows them; it says that they go. 0 otherwise.
   */
  readonly requestMessages: number;
  /** The sheet's layout for the reporter's band (the pack's `report.sheet`). */
  readonly sheet: ReportSheet;
  /**
   * What the moderators may learn about ages with this report (the pack's
   * `report.bandsToModerators`, applied to verified bands only): the reporter's
   * when they give their name, when they leave it out, and the reported
   * account's. null: nothing goes (not verified, or the pack says none).
   */
  readonly moderatorBands: ModeratorBands;
};

export type ModeratorBands = {
  readonly reporter: ModeratorBand | null;
  readonly reporterWithheld: ModeratorBand | null;
  readonly reported: ModeratorBand | null;
};

/** A verified age as the moderators may see it: minor or adult, and the band where the pack allows. */
export type ModeratorBand = {
  readonly group: "minor" | "adult";
  /** null: only the group goes along. */
  readonly band: "8-12" | "13-15" | "16-17" | "18+" | null;
};

export type HelpDecision = DecisionCommon & {
  readonly point: "help";
  readonly effect: HelpEffect;
  /** The needs the help screen offers to choose from, in order (none: no choice offered). */
  readonly needs: readonly HelpNeed[];
  /** The need this help was picked for, or null when none was chosen. */
  readonly need: HelpNeed | null;
};

export type ProtectiveSettingChangeDecision = DecisionCommon & {
  readonly point: "protective-setting-change";
  readonly effect: SettingChangeEffect;
};

/** The judgement of one room member, in the order of `RoomRequest.members`. */
export type RoomMemberDecision = {
  /** The member as seen from the device user; `null` when failed closed. */
  readonly relationship: RelationshipClass | null;
  /** Whether what this member controls (messages, name, ID) reaches the screen. */
  readonly content: MemberContent;
  /** Announce this member in the room where they appeared (a stranger who joined later). */
  readonly announce: boolean;
  /** Notices about this member (e.g. unknown adult), for the overview and the announcement. */
  readonly notices: readonly Notice[];
  /**
   * What a notification of this member's new message may show: "none" unless
   * the device user is in the room, it is a normal chat and this member's
   * content is shown; then as the pack says for the device user's band.
   */
  readonly notification: NotificationContent;
};

export type RoomDecision = DecisionCommon & {
  readonly point: "room";
  readonly effect: RoomPresentation;
  readonly members: readonly RoomMemberDecision[];
  /** The room's name, topic and avatar: shown as their setters' content allows. */
  readonly profile: MemberContent;
  /** The device user is a minor and this room is kept from being a normal chat. */
  readonly protectsMinor: boolean;
};

/** How an image or file someone sent shows on the reader's device (the media point, incoming). */
export type IncomingMediaDecision = DecisionCommon & {
  readonly point: "media";
  readonly direction: "incoming";
  readonly effect: IncomingMediaEffect;
  /** The sender as seen from the reader; `null` when failed closed. */
  readonly relationship: MediaRelationship | null;
  /** Once downloaded (after the tap), shown blurred with the notice until the person chooses to see it. */
  readonly blurred: boolean;
  /** The decision holds until this time (ms since the Unix epoch), e.g. the end of "recently accepted"; null: no end. */
  readonly until: number | null;
};

/** Before the device user sends an image or file (the media point, outgoing). */
export type OutgoingMediaDecision = DecisionCommon & {
  readonly point: "media";
  readonly direction: "outgoing";
  readonly effect: OutgoingMediaEffect;
  /** Each recipient as seen from the sender, in request order; empty when failed closed. */
  readonly relationships: readonly MediaRelationship[];
  /** After sending, offer "unsend" (a redaction) with `unsendCaveat` beside it. */
  readonly unsend: boolean;
  /** The honest caveat that it may already be saved; set exactly when `unsend` is. */
  readonly unsendCaveat: Notice | null;
  /** As for incoming: when this decision stops holding; null: no end. */
  readonly until: number | null;
};

export type MediaDecision = IncomingMediaDecision | OutgoingMediaDecision;

/**
 * Only returned when `request.point` is not a decision point at all, which the
 * types rule out; it exists so that untyped input still fails closed.
 */
export type InvalidRequestDecision = DecisionCommon & {
  readonly point: "invalid-request";
  readonly effect: "refused";
};

export type Decision =
  | DiscoveryDecision
  | ContactDecision
  | IncomingContactDecision
  | ConversationNoticeDecision
  | DisclosureDecision
  | ReportDecision
  | HelpDecision
  | ProtectiveSettingChangeDecision
  | RoomDecision
  | IncomingMediaDecision
  | OutgoingMediaDecision
  | InvalidRequestDecision;

/** A media request's direction picks the decision's (other requests have none). */
type DirectionOf<R> = R extends { readonly direction: infer D }
  ? { readonly direction: D }
  : unknown;

/** The decision type answering a request type. */
export type DecisionFor<R extends { readonly point: string }> = Extract<
  Decision,
  { readonly point: R["point"] } & DirectionOf<R>
>;
