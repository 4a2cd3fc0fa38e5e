// Effects per decision point, each listed from least to most protective. The
// list order is the combining rule: when rules disagree, the more protective
// effect wins (see docs/policy-engine.md, "How rules combine").

export const DISCOVERY_EFFECTS = ["visible", "hidden"] as const;
export type DiscoveryEffect = (typeof DISCOVERY_EFFECTS)[number];

export const CONTACT_EFFECTS = ["allowed", "allowed-with-notice", "refused"] as const;
export type ContactEffect = (typeof CONTACT_EFFECTS)[number];

/**
 * How a first message or invite is presented. `declined` outranks `filtered`
 * when rules combine, but fail-closed uses `filtered`: it is the most
 * protective presentation that is also reversible (nothing is rejected
 * because of a bug; see docs).
 */
export const INCOMING_PRESENTATIONS = ["normal", "request", "filtered", "declined"] as const;
export type IncomingPresentation = (typeof INCOMING_PRESENTATIONS)[number];

/**
 * How a room (group, space or direct chat) is presented as a whole. `overview`
 * is the group safety overview: who invited, who made it, who is inside and
 * which of them are unknown, before anything a stranger wrote is shown.
 */
export const ROOM_PRESENTATIONS = ["normal", "overview", "filtered", "declined"] as const;
export type RoomPresentation = (typeof ROOM_PRESENTATIONS)[number];

/**
 * Whether what one room member controls (their messages, name, ID, the room
 * name or topic they set) reaches the screen: shown; on request (hidden until
 * the person chooses to see it); or hidden (not viewable at all).
 */
export const MEMBER_CONTENT = ["shown", "on-request", "hidden"] as const;
export type MemberContent = (typeof MEMBER_CONTENT)[number];

/**
 * What a notification of a member's new message may show while the app is in
 * the background (a lock screen anyone holding the phone can read): the
 * sender and the message's first line; only "new message"; or no
 * notification at all.
 */
export const NOTIFICATION_CONTENTS = ["sender-and-text", "new-message", "none"] as const;
export type NotificationContent = (typeof NOTIFICATION_CONTENTS)[number];

export const PREVIEWS = ["shown", "blurred", "hidden"] as const;
export type Preview = (typeof PREVIEWS)[number];

/** Whether and how "accept" is offered on a request. */
export const ACCEPT_MODES = ["offered", "after-reading", "not-offered"] as const;
export type AcceptMode = (typeof ACCEPT_MODES)[number];

export const CONVERSATION_NOTICE_EFFECTS = ["none", "show-notices"] as const;
export type ConversationNoticeEffect = (typeof CONVERSATION_NOTICE_EFFECTS)[number];

export const DISCLOSURE_EFFECTS = ["disclose", "withhold"] as const;
export type DisclosureEffect = (typeof DISCLOSURE_EFFECTS)[number];

/** A report is always filed: the engine decides where it goes, never whether. */
export const REPORT_EFFECTS = ["file"] as const;
export type ReportEffect = (typeof REPORT_EFFECTS)[number];

/** Help is always shown: the engine decides which resources, never whether. */
export const HELP_EFFECTS = ["show-help"] as const;
export type HelpEffect = (typeof HELP_EFFECTS)[number];

export const SETTING_CHANGE_EFFECTS = ["allow", "allow-with-information", "refuse"] as const;
export type SettingChangeEffect = (typeof SETTING_CHANGE_EFFECTS)[number];

/**
 * How an image or file someone sent is handled on the reader's device:
 * downloaded and shown; nothing downloaded until the person taps, then shown
 * blurred with a warning until they choose to see it; or not viewable at all
 * (never downloaded). Decided by who sent it, never by what it shows.
 */
export const INCOMING_MEDIA_EFFECTS = ["show", "tap-to-download", "not-viewable"] as const;
export type IncomingMediaEffect = (typeof INCOMING_MEDIA_EFFECTS)[number];

/** Before the device user sends an image or file: send, or a think-first notice first (they may still send). */
export const OUTGOING_MEDIA_EFFECTS = ["send", "think-first"] as const;
export type OutgoingMediaEffect = (typeof OUTGOING_MEDIA_EFFECTS)[number];

/** Pack cell values (not decision effects). */
export const DISCOVERY_VISIBILITIES = [
  "visible",
  "if-opted-in",
  "contacts-only",
  "hidden",
] as const;
export type DiscoveryVisibility = (typeof DISCOVERY_VISIBILITIES)[number];

export const DISCLOSURE_CELLS = ["disclose", "in-accepted-conversation", "withhold"] as const;
export type DisclosureCell = (typeof DISCLOSURE_CELLS)[number];

/** When "unsend" (a redaction, with the caveat that it may already be saved) is offered after sending media. */
export const MEDIA_UNSEND_MODES = ["always", "after-think-first", "never"] as const;
export type MediaUnsendMode = (typeof MEDIA_UNSEND_MODES)[number];

export const CHILD_SEXUAL_ABUSE_SCOPES = ["always", "if-minor-involved", "never"] as const;
export type ChildSexualAbuseScope = (typeof CHILD_SEXUAL_ABUSE_SCOPES)[number];

/** Position in a least-to-most-protective list; higher is more protective. */
export type ProtectionRank<E extends string> = Readonly<Record<E, number>>;

export function protectionRank<E extends string>(order: readonly E[]): ProtectionRank<E> {
  const rank: Partial<Record<E, number>> = {};
  order.forEach((effect, index) => {
    rank[effect] = index;
  });
  return Object.freeze(rank as Record<E, number>);
}

export function moreProtective<E extends string>(rank: ProtectionRank<E>, a: E, b: E): E {
  return rank[b] > rank[a] ? b : a;
}
