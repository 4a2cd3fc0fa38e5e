// The facts each point's rules see: the validated request plus what the
// engine derives once (effective bands, relationship class), so that rules
// stay one-liners and agree on the derivations.

import type { AgeBand } from "../model/bands.ts";
import type {
  HelpMoment,
  HelpNeed,
  MediaRelationship,
  RecipientAnswer,
  RelationshipClass,
  ReportCategory,
  StrangerClass,
} from "../model/ids.ts";
import type {
  ContactRequest,
  ConversationNoticeRequest,
  DisclosureRequest,
  DiscoveryRequest,
  IncomingContactRequest,
  MediaRequest,
  ProtectiveSettingChangeRequest,
  ReportRequest,
  RoomRequest,
} from "../model/requests.ts";
import type { AcceptMode, IncomingPresentation, Preview } from "../model/effects.ts";
import type { Notice } from "../model/decisions.ts";
import type { RuleId } from "../model/rule-ids.ts";

export type DiscoveryFacts = {
  readonly request: DiscoveryRequest;
  readonly viewerBand: AgeBand;
  readonly subjectBand: AgeBand;
};

export type ContactFacts = {
  readonly request: ContactRequest;
  readonly senderBand: AgeBand;
  readonly recipientBand: AgeBand;
  /** A verified minor band, or the recipient's device said it protects a minor. */
  readonly recipientIsMinor: boolean;
  /** The recipient device's answer, with an absent or legacy answer read protectively. */
  readonly recipientAnswer: RecipientAnswer;
  /** The recipient as seen from the sender. */
  readonly relationship: RelationshipClass;
};

export type IncomingContactFacts = {
  readonly request: IncomingContactRequest;
  readonly recipientBand: AgeBand;
  readonly senderBand: AgeBand;
  /** The sender as seen from the recipient. */
  readonly relationship: RelationshipClass;
};

export type ConversationNoticeFacts = {
  readonly request: ConversationNoticeRequest;
  readonly selfBand: AgeBand;
  readonly otherBand: AgeBand;
  /** What the other was before the conversation was accepted (contact status ignored). */
  readonly relationshipBeforeAccepting: StrangerClass;
  readonly now: number;
};

export type DisclosureFacts = {
  readonly request: DisclosureRequest;
  readonly selfBand: AgeBand;
  readonly audienceBand: AgeBand;
  readonly relationship: RelationshipClass;
};

export type ReportCategoryFacts = {
  readonly request: ReportRequest;
  readonly reporterBand: AgeBand;
  readonly reportedBand: AgeBand;
  readonly relationship: RelationshipClass;
};

export type ReportFacts = ReportCategoryFacts & {
  readonly category: ReportCategory;
  /**
   * Reporter and reported are verified minors of the same age group (the
   * pack's `report.peers`), whatever their contact status: seed 001's
   * "jongeren in dezelfde leeftijdsgroep".
   */
  readonly betweenPeers: boolean;
};

export type HelpFacts = {
  readonly personBand: AgeBand;
  readonly moment: HelpMoment;
  readonly reportCategory: ReportCategory | null;
  /** With `after-report`: the report was between peers in a category the pack routes differently then. */
  readonly peerReport: boolean;
  /** What the person said is going on, or null. */
  readonly need: HelpNeed | null;
  /** Region subtag of the locale (e.g. "NL" from "nl-NL"), or null when absent. */
  readonly region: string | null;
};

export type ProtectiveSettingChangeFacts = {
  readonly request: ProtectiveSettingChangeRequest;
  readonly personBand: AgeBand;
};

/** One room member judged as if they had contacted the device user themself. */
export type RoomMemberOutcome = {
  readonly relationship: RelationshipClass;
  readonly presentation: IncomingPresentation;
  readonly preview: Preview;
  readonly accept: AcceptMode;
  readonly notices: readonly Notice[];
  readonly reasons: readonly RuleId[];
  readonly isInviter: boolean;
  readonly acceptedHere: boolean;
};

export type RoomFacts = {
  readonly request: RoomRequest;
  readonly selfBand: AgeBand;
  /** In the order of `request.members`. */
  readonly members: readonly RoomMemberOutcome[];
};

/** One other person in a media decision, as the device user relates to them now. */
export type MediaCounterpartOutcome = {
  readonly relationship: MediaRelationship;
  /** For "recently-accepted": when that ends (ms); otherwise null. */
  readonly recentUntil: number | null;
};

export type MediaFacts = {
  readonly request: MediaRequest;
  readonly selfBand: AgeBand;
  /** Incoming: the sender; outgoing: the recipients, in request order. */
  readonly counterparts: readonly MediaCounterpartOutcome[];
  readonly now: number;
};
