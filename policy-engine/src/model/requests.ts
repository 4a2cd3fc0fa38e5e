// What the client asks. Every request is plain data about people and their
// relationship, never about message content: the engine cannot scan what it
// never receives. All facts are required (an absent fact fails closed) except
// where a field is marked optional.

import type { PersonFacts } from "./bands.ts";
import type {
  ConversationOrigin,
  DiscoverySurface,
  HelpMoment,
  HelpNeed,
  MaterialLocation,
  MediaKind,
  MediaRoomKind,
  ProtectiveSetting,
  RecipientAnswer,
  ReportCategory,
  ReportTarget,
} from "./ids.ts";

/** The subject's own opt-ins; both default to `false` (protective) in the client. */
export type SubjectSettings = {
  readonly findableByPeers: boolean;
  readonly suggestedToPeers: boolean;
};

/** May `viewer` see `subject` in search results or suggestions? */
export type DiscoveryRequest = {
  readonly point: "discovery";
  readonly surface: DiscoverySurface;
  readonly viewer: PersonFacts;
  readonly subject: PersonFacts;
  readonly subjectSettings: SubjectSettings;
  readonly isContact: boolean;
};

/** Sender side: may `sender` (the device user) start a conversation with `recipient`? */
export type ContactRequest = {
  readonly point: "contact";
  readonly sender: PersonFacts;
  /** What the sender's client knows: `unverified` when the recipient disclosed no band. */
  readonly recipient: PersonFacts;
  readonly isContact: boolean;
  /**
   * What the recipient's own device answered when the sender's client asked
   * before starting the chat: it would hold this contact aside to protect a
   * minor (`protects-minor`, no band disclosed), it would not
   * (`no-protection`), or nothing arrived in time (`no-answer`). Absent means
   * no answer is known, and is read as `no-answer` (fail closed): only an
   * actual "no-protection" answer lets an adult through without a notice when
   * the recipient's band is unknown. A modified recipient client could answer
   * falsely; that only makes the recipient harder to reach.
   */
  readonly recipientAnswer?: RecipientAnswer | undefined;
  /**
   * Older form of `recipientAnswer: "protects-minor"`, still accepted. `true`
   * counts as that answer (whatever `recipientAnswer` says); `false` says
   * nothing about whether the device answered, so it is not "no-protection".
   */
  readonly recipientProtectsMinor?: boolean | undefined;
};

/** Recipient side: how does `recipient` (the device user) see an invite or first message from `sender`? */
export type IncomingContactRequest = {
  readonly point: "incoming-contact";
  readonly recipient: PersonFacts;
  readonly sender: PersonFacts;
  readonly isContact: boolean;
  /** Rooms both are joined to (not counting the invite itself). */
  readonly sharedRoomCount: number;
  /** Sender's account is on the recipient's homeserver. */
  readonly sameServer: boolean;
  /** Client-computed: the sender's display name looks like one of the recipient's contacts. */
  readonly nameResemblesContact: boolean;
  /** Client-computed: the sender's display name looks like a help service (e.g. "Kindertelefoon"). */
  readonly nameResemblesHelpService: boolean;
};

/** Which standing notices show in an accepted conversation between `self` and `other`? */
export type ConversationNoticeRequest = {
  readonly point: "conversation-notice";
  readonly self: PersonFacts;
  readonly other: PersonFacts;
  /** How the conversation started; `unknown` is treated as `accepted-request` (protective). */
  readonly origin: ConversationOrigin;
  /** When `self` accepted (or the conversation started), ms since the Unix epoch. */
  readonly acceptedAt: number;
  readonly nameResemblesContact: boolean;
  readonly nameResemblesHelpService: boolean;
};

/** May `self`'s client show `self`'s verified age band to `audience`? */
export type DisclosureRequest = {
  readonly point: "disclosure";
  readonly self: PersonFacts;
  /** What `self`'s client knows about the audience (`unverified` if nothing was shown). */
  readonly audience: PersonFacts;
  readonly isContact: boolean;
  /** `self` accepted a conversation (direct or group) that the audience is in. */
  readonly conversationAccepted: boolean;
};

/** Where does a report go, what must it contain, and what comes after? */
export type ReportRequest = {
  readonly point: "report";
  readonly reporter: PersonFacts;
  /** The person whose message, request, profile or room is reported. */
  readonly reported: PersonFacts;
  readonly isContact: boolean;
  readonly target: ReportTarget;
  /** Absent for a one-tap report: the engine picks the default category from context. */
  readonly category?: ReportCategory | undefined;
  /** `public-website` when the reported material is on a public website (e.g. a shared link). */
  readonly materialLocation: MaterialLocation;
  /** The reporter gave the website's URL (Meldpunt Kinderporno needs one). */
  readonly hasPublicUrl: boolean;
  readonly nameResemblesContact: boolean;
  readonly nameResemblesHelpService: boolean;
};

/** Which help resources fit this person at this moment? */
export type HelpRequest = {
  readonly point: "help";
  readonly person: PersonFacts;
  readonly moment: HelpMoment;
  /** With `after-report`: the category that was reported. */
  readonly reportCategory?: ReportCategory | undefined;
  /** What the person said is going on (one tap on the help screen); never message content. */
  readonly need?: HelpNeed | undefined;
  /** BCP 47 tag of the device (e.g. "nl-NL"); a region outside the pack's jurisdiction adds 112. */
  readonly locale?: string | undefined;
};

/** `person` wants to change a protective default. */
export type ProtectiveSettingChangeRequest = {
  readonly point: "protective-setting-change";
  readonly person: PersonFacts;
  readonly setting: ProtectiveSetting;
  readonly newValue: boolean;
};

/** One other person in a room, as the protected person's device knows them. */
export type RoomMemberFacts = {
  readonly person: PersonFacts;
  readonly isContact: boolean;
  /** Other joined rooms both share (not counting this one). */
  readonly sharedRoomCount: number;
  readonly sameServer: boolean;
  readonly nameResemblesContact: boolean;
  readonly nameResemblesHelpService: boolean;
  /** "inviter": invited the device user; "creator": made the room; both may apply. */
  readonly roles: readonly ("inviter" | "creator")[];
  /**
   * The device user chose to see this person in this room: they saw them in
   * the group overview before joining, invited them, or tapped "show anyway".
   * Someone unknown whom they did not choose is announced in the room.
   */
  readonly acceptedHere: boolean;
};

/**
 * How does `self` (the device user) see a room: an invitation to it, or a
 * room they are in? Every member is judged, not only the inviter, and every
 * piece of content a member controls is shown only as their judgement allows.
 */
export type RoomRequest = {
  readonly point: "room";
  readonly self: PersonFacts;
  readonly membership: "invite" | "join";
  /** The inviter (or the device user) marked it as a direct chat. */
  readonly isDirect: boolean;
  /**
   * The device knows everyone in the room. Before joining, a homeserver
   * shares only part of a room's state; then `members` may be incomplete.
   */
  readonly membersKnown: boolean;
  /** Everyone in the room (joined or invited) except the device user. */
  readonly members: readonly RoomMemberFacts[];
  /** Indices into `members` of who set the room's name, topic or avatar (its "profile"). */
  readonly profileSetBy: readonly number[];
  /** Client-computed: the room's name looks like a contact's name or a help service. */
  readonly roomNameResemblesContact: boolean;
  readonly roomNameResemblesHelpService: boolean;
};

/** One other person, for a media decision: facts about them and the relationship, nothing else. */
export type MediaCounterpart = {
  readonly person: PersonFacts;
  readonly isContact: boolean;
  /** How the contact started (as for conversation notices); `unknown` is read as an accepted request. */
  readonly origin: ConversationOrigin;
  /** When the contact was accepted or started (ms since the Unix epoch); null: not known, read as just now. */
  readonly acceptedAt: number | null;
};

/**
 * How does an image or file that `sender` sent show on the device of `self`?
 * Facts about the two people and the room only: the engine is never given
 * the media's bytes, pixels, hashes, file name, caption, type or size, and
 * refuses a request that carries any field not listed here.
 */
export type IncomingMediaRequest = {
  readonly point: "media";
  readonly direction: "incoming";
  readonly self: PersonFacts;
  readonly sender: MediaCounterpart;
  readonly roomKind: MediaRoomKind;
  readonly mediaKind: MediaKind;
};

/** `self` is about to send an image or file into a room: send, or think first? */
export type OutgoingMediaRequest = {
  readonly point: "media";
  readonly direction: "outgoing";
  readonly self: PersonFacts;
  /** Everyone else in the room who would receive it (at least one). */
  readonly recipients: readonly MediaCounterpart[];
  readonly roomKind: MediaRoomKind;
  readonly mediaKind: MediaKind;
};

export type MediaRequest = IncomingMediaRequest | OutgoingMediaRequest;

export type DecisionRequest =
  | DiscoveryRequest
  | ContactRequest
  | IncomingContactRequest
  | ConversationNoticeRequest
  | DisclosureRequest
  | ReportRequest
  | HelpRequest
  | ProtectiveSettingChangeRequest
  | RoomRequest
  | MediaRequest;
