// Matrix layer: the plain types a running session hands up. Layers above
// (policy, view models, tools) import these, never the SDK or ChatSession's
// module, so a type import does not pull matrix-js-sdk in. Nothing here
// imports the SDK.

import type { ShownName } from "./displayNames.ts";
import type { TimelineMedia } from "./mediaTypes.ts";

export type ChatSummary = {
  readonly roomId: string;
  readonly name: string;
  /** "invite": someone asked to talk; "join": an accepted conversation. */
  readonly membership: "invite" | "join";
  readonly encrypted: boolean;
  readonly lastActivityTs: number;
  readonly unreadCount: number;
  readonly inviterUserId: string | undefined;
};

export type TimelineMessage = {
  /** The server's event ID, or the local transaction ID while it is not sent yet. */
  readonly eventId: string;
  readonly sender: string;
  readonly timestamp: number;
  /**
   * "text": readable; "undecryptable": the keys have not arrived (or never
   * will); "not-encrypted": sent in the clear into an encrypted room, which
   * no client of ours does: anyone with the server's API could have written
   * it, so its body never leaves this layer.
   */
  readonly kind: "text" | "undecryptable" | "not-encrypted";
  /**
   * The plain `body`, always rendered as text. We never render `formatted_body`
   * (HTML): no sanitizer to get wrong, no remote images, no tracking pixels.
   */
  readonly body: string;
  /** Our own messages: "sending" until the server has it; "failed" can be retried. */
  readonly sendState: "sending" | "sent" | "failed";
  /**
   * An image or file (`m.image`, `m.file`, `m.video`, `m.audio`): what it
   * declares, never its bytes or keys; `body` is then its name or caption.
   */
  readonly media?: TimelineMedia | undefined;
  /** Its sender took it back (redacted): nothing of it is left to show. */
  readonly withdrawn?: boolean | undefined;
};

export type MemberSummary = ShownName & {
  readonly membership: "join" | "invite" | "leave" | "ban";
  /** When their membership last changed (ms): for a newcomer, when they appeared. */
  readonly since?: number | undefined;
};

export type ConversationSnapshot = {
  readonly roomId: string;
  readonly name: string;
  readonly encrypted: boolean;
  readonly members: readonly MemberSummary[];
  readonly messages: readonly TimelineMessage[];
  /** Older messages may exist on the server. */
  readonly canLoadOlder: boolean;
};

/** Someone in a room (joined or invited), as the room's state says. */
export type RoomMemberSnapshot = {
  readonly userId: string;
  /** As they set it: stranger-controlled text; the policy layer decides whether it is shown. */
  readonly displayName: string | undefined;
  /** "left": left or was removed; still judged, for what they wrote while there. */
  readonly membership: "join" | "invite" | "left";
  /** When their membership last changed (ms); undefined in an invitation's preview state. */
  readonly since: number | undefined;
};

/** A state value someone set (the room's name or topic), with who set it. */
export type SetBy = { readonly value: string; readonly setBy: string };

/**
 * Everything the device knows about a room it is invited to or in, as plain
 * facts. Every string in it that a stranger can set is raw: only the policy
 * layer's decision store turns it into what a screen may show.
 */
export type RoomSnapshot = {
  readonly roomId: string;
  readonly membership: "invite" | "join";
  readonly isDirect: boolean;
  readonly isSpace: boolean;
  readonly encrypted: boolean;
  readonly inviterUserId: string | undefined;
  readonly invitedAt: number | undefined;
  readonly inviteReason: string | undefined;
  readonly creatorUserId: string | undefined;
  readonly createdAt: number | undefined;
  /** When this account joined; undefined while invited. */
  readonly joinedAt: number | undefined;
  readonly name: SetBy | undefined;
  readonly topic: SetBy | undefined;
  /** Who set the avatar (the picture itself is never fetched). */
  readonly avatarSetBy: string | undefined;
  /** Everyone else who is joined or invited, or was. */
  readonly members: readonly RoomMemberSnapshot[];
  /**
   * Whether the list above is the whole room. Before joining, a homeserver
   * shares only part of a room's state (ours shares the members; see the
   * homeserver template), so a member list without the creator is partial.
   */
  readonly membersKnown: boolean;
  /** People the account chose to see in this room (after the overview or a notice). */
  readonly acceptedMembers: readonly string[];
  readonly lastActivityTs: number;
  /** The server's count: every unread message, whoever sent it. */
  readonly unreadCount: number;
  /**
   * Who sent each unread message this device holds, newest first: the policy
   * layer counts only those whose messages the engine shows (a kept-back
   * stranger's messages are not "new messages" on the badge).
   */
  readonly unreadSenders: readonly string[];
};

/** What the Matrix layer knows about an invitation; the policy layer turns it into engine facts. */
export type InvitationSummary = {
  readonly roomId: string;
  readonly inviterUserId: string;
  /** As the inviter set it: shown only after disambiguation. */
  readonly inviterDisplayName: string | undefined;
  readonly invitedAt: number;
  /** The inviter marked it as a direct chat. */
  readonly isDirect: boolean;
  /** The room's name as the inviter set it (a group's name); undefined for most direct chats. */
  readonly roomName: string | undefined;
};

/** A person this account has an accepted direct chat with. */
export type ContactSummary = {
  readonly userId: string;
  readonly displayName: string | undefined;
  readonly roomId: string;
};

export type SyncState = "starting" | "syncing" | "offline";

/** How a conversation started, as this account recorded it (a fact for the policy layer). */
export type ConversationOriginRecord = {
  /** "in-person": people who already know each other (the demo seeds Noor and Lotte so). */
  readonly origin: "accepted-request" | "started-by-me" | "in-person";
  /** When this account accepted the request or started the chat, ms since the Unix epoch. */
  readonly acceptedAt: number;
};

/** This account's "Find people" opt-ins (they say nothing about age). */
export type DiscoverySettings = {
  readonly findableByPeers: boolean;
  readonly suggestedToPeers: boolean;
};
