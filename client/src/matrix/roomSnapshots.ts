// Matrix layer: an SDK Room described as the plain facts of sessionTypes.ts
// (who is in it, who invited, who set its name, whom this account knows
// from direct chats). Every stranger-controlled string stays raw here: the
// policy layer's decision store decides what of it a screen may show.

import {
  EventTimeline,
  EventType,
  KnownMembership,
  NotificationCountType,
  type MatrixClient,
  type Room,
  type RoomMember,
} from "matrix-js-sdk";
import { acceptedMembersOf } from "./conversationOrigins.ts";
import { shownNames } from "./displayNames.ts";
import type {
  ChatSummary,
  ContactSummary,
  InvitationSummary,
  MemberSummary,
  RoomMemberSnapshot,
  RoomSnapshot,
  SetBy,
} from "./sessionTypes.ts";

// getMyMembership() returns a plain string (servers may invent memberships).
export const MEMBERSHIP_JOIN: string = KnownMembership.Join;
export const MEMBERSHIP_INVITE: string = KnownMembership.Invite;

/** Rooms this account is in or invited to. */
export function joinedOrInvited(client: MatrixClient): Room[] {
  return client.getRooms().filter((room) => {
    const membership = room.getMyMembership();
    return membership === MEMBERSHIP_JOIN || membership === MEMBERSHIP_INVITE;
  });
}

export function toChatSummary(room: Room, myUserId: string): ChatSummary {
  const membership = room.getMyMembership() === MEMBERSHIP_INVITE ? "invite" : "join";
  const inviteEvent = room.getMember(myUserId)?.events.member;
  return {
    roomId: room.roomId,
    name: room.name,
    membership,
    encrypted: room.hasEncryptionStateEvent(),
    lastActivityTs: room.getLastActiveTimestamp(),
    unreadCount: room.getUnreadNotificationCount(NotificationCountType.Total),
    inviterUserId: membership === "invite" ? inviteEvent?.getSender() : undefined,
  };
}

/** Pending invitations, newest first. */
export function invitationsOf(client: MatrixClient, myUserId: string): InvitationSummary[] {
  return client
    .getRooms()
    .filter((room) => room.getMyMembership() === MEMBERSHIP_INVITE)
    .flatMap((room) => toInvitationSummary(room, myUserId) ?? [])
    .sort((a, b) => b.invitedAt - a.invitedAt);
}

function toInvitationSummary(room: Room, myUserId: string): InvitationSummary | undefined {
  const inviteEvent = room.getMember(myUserId)?.events.member;
  const inviterUserId = inviteEvent?.getSender();
  if (inviterUserId === undefined || inviteEvent === undefined) return undefined;
  const inviter = room.getMember(inviterUserId);
  const content = inviteEvent.getContent<{ is_direct?: unknown }>();
  return {
    roomId: room.roomId,
    inviterUserId,
    inviterDisplayName: inviter === null ? undefined : displayNameAsSent(inviter),
    invitedAt: inviteEvent.getTs(),
    isDirect: content.is_direct === true,
    roomName: stringOrUndefined(
      room
        .getLiveTimeline()
        .getState(EventTimeline.FORWARDS)
        ?.getStateEvents(EventType.RoomName, "")
        ?.getContent<{ name?: unknown }>().name,
    ),
  };
}

/** m.direct: for each person, the rooms this account marked as its direct chats with them. */
export function directChats(client: MatrixClient): Record<string, string[]> {
  return client.getAccountData(EventType.Direct)?.getContent<Record<string, string[]>>() ?? {};
}

export function directRoomIds(client: MatrixClient): ReadonlySet<string> {
  return new Set(Object.values(directChats(client)).flat());
}

/**
 * People with whom this account has an accepted direct chat that both
 * joined: the client's definition of "a contact".
 */
export function contactsOf(client: MatrixClient): readonly ContactSummary[] {
  return Object.entries(directChats(client)).flatMap(([userId, roomIds]) => {
    const room = roomIds
      .map((roomId) => client.getRoom(roomId))
      .find(
        (r) =>
          r?.getMyMembership() === MEMBERSHIP_JOIN &&
          r.getMember(userId)?.membership === MEMBERSHIP_JOIN,
      );
    if (!room) return [];
    const member = room.getMember(userId);
    return [
      {
        userId,
        displayName: member === null ? undefined : displayNameAsSent(member),
        roomId: room.roomId,
      },
    ];
  });
}

/** Rooms both this account and the other person have joined. */
export function sharedRoomCount(client: MatrixClient, otherUserId: string): number {
  return client
    .getRooms()
    .filter(
      (room) =>
        room.getMyMembership() === MEMBERSHIP_JOIN &&
        room.getMember(otherUserId)?.membership === MEMBERSHIP_JOIN,
    ).length;
}

/** The joined direct chat with this person, if there is one (from m.direct). */
export function directChatWith(client: MatrixClient, otherUserId: string): string | undefined {
  return (directChats(client)[otherUserId] ?? []).find(
    (roomId) => client.getRoom(roomId)?.getMyMembership() === MEMBERSHIP_JOIN,
  );
}

/** The room's members as a conversation screen lists them (names disambiguated). */
export function conversationMembers(room: Room): readonly MemberSummary[] {
  const members = room.getMembers();
  const names = shownNames(
    members.map((m) => ({ userId: m.userId, displayName: displayNameAsSent(m) })),
  );
  return members.flatMap((m) => {
    const shown = names.get(m.userId);
    const membership = toMembership(m.membership);
    const since = m.events.member?.getTs();
    return shown === undefined || membership === undefined
      ? []
      : [{ ...shown, membership, since: since === undefined || since <= 0 ? undefined : since }];
  });
}

/** Everything the device knows about a room it is invited to or in. */
export function toRoomSnapshot(
  room: Room,
  myUserId: string,
  directRoomIdSet: ReadonlySet<string>,
): RoomSnapshot {
  const state = room.getLiveTimeline().getState(EventTimeline.FORWARDS);
  const membership = room.getMyMembership() === MEMBERSHIP_INVITE ? "invite" : "join";
  const myEvent = room.getMember(myUserId)?.events.member;
  const createEvent = state?.getStateEvents(EventType.RoomCreate, "");
  const creatorUserId =
    stringOrUndefined(createEvent?.getContent()["creator"]) ?? createEvent?.getSender();
  const setBy = (type: EventType, key: "name" | "topic"): SetBy | undefined => {
    const event = state?.getStateEvents(type, "");
    const value = stringOrUndefined(event?.getContent()[key]);
    const sender = event?.getSender();
    return value === undefined || value.trim() === "" || sender === undefined
      ? undefined
      : { value, setBy: sender };
  };
  const members: RoomMemberSnapshot[] = [];
  const everyone = new Set<string>();
  for (const member of room.getMembers()) {
    everyone.add(member.userId);
    if (member.userId === myUserId) continue;
    if (member.membership !== MEMBERSHIP_JOIN && member.membership !== MEMBERSHIP_INVITE) continue;
    const since = member.events.member?.getTs();
    members.push({
      userId: member.userId,
      displayName: displayNameAsSent(member),
      membership: member.membership === MEMBERSHIP_JOIN ? "join" : "invite",
      since: since === undefined || since <= 0 ? undefined : since,
    });
  }
  const inviterUserId = membership === "invite" ? myEvent?.getSender() : undefined;
  const isDirect =
    directRoomIdSet.has(room.roomId) ||
    (membership === "invite" && myEvent?.getContent()["is_direct"] === true);
  if (isDirect && membership === "join") members.push(...formerMembers(room, myUserId));
  return {
    roomId: room.roomId,
    membership,
    isDirect,
    isSpace: room.isSpaceRoom(),
    encrypted: room.hasEncryptionStateEvent(),
    inviterUserId,
    invitedAt: membership === "invite" ? myEvent?.getTs() : undefined,
    inviteReason:
      membership === "invite" ? stringOrUndefined(myEvent?.getContent()["reason"]) : undefined,
    creatorUserId,
    createdAt: createEvent && createEvent.getTs() > 0 ? createEvent.getTs() : undefined,
    joinedAt: membership === "join" ? myEvent?.getTs() : undefined,
    name: setBy(EventType.RoomName, "name"),
    topic: setBy(EventType.RoomTopic, "topic"),
    avatarSetBy: state?.getStateEvents(EventType.RoomAvatar, "")?.getSender(),
    members,
    // Joined: the whole state is here. Invited: only if the server shared the creator's membership.
    membersKnown:
      membership === "join" || (creatorUserId !== undefined && everyone.has(creatorUserId)),
    acceptedMembers: acceptedMembersOf(room),
    lastActivityTs: room.getLastActiveTimestamp(),
    unreadCount: room.getUnreadNotificationCount(NotificationCountType.Total),
    unreadSenders: unreadSendersOf(room, myUserId),
  };
}

/** At most this many unread messages are looked at per room. */
const UNREAD_LOOK_BACK = 100;
/** The events that count as messages (encrypted ones until decrypted, and after). */
const UNREAD_TYPES: ReadonlySet<string> = new Set([
  EventType.RoomMessage,
  EventType.RoomMessageEncrypted,
]);

/**
 * The senders of the messages after the device user's read receipt in the
 * live timeline (as the SDK reads receipts), newest first; not their own.
 */
function unreadSendersOf(room: Room, myUserId: string): string[] {
  const events = room.getLiveTimeline().getEvents();
  // The newest event the person has read (the SDK's reading of the receipts), found once.
  const readUpTo = room.getEventReadUpTo(myUserId);
  const senders: string[] = [];
  for (let index = events.length - 1; index >= 0 && senders.length < UNREAD_LOOK_BACK; index--) {
    const event = events[index];
    const id = event?.getId();
    if (event === undefined || id === undefined) continue;
    const sender = event.getSender();
    if (sender === myUserId || id === readUpTo) break;
    if (sender !== undefined && UNREAD_TYPES.has(event.getType())) senders.push(sender);
  }
  return senders;
}

/**
 * The display name exactly as its owner set it. The SDK's `rawDisplayName`
 * already drops direction overrides, which turns a name drawn as "Lotte" into
 * plain "ettol": the policy layer must judge what was sent, and clean it
 * itself (displayNames.ts), so a bidi trick is both stripped and flagged.
 */
/**
 * The other people of a direct chat who were in it and left: what they wrote
 * while there is still judged, as it was (policyGateway.ts: a former contact),
 * under the name they had when they left.
 */
function formerMembers(room: Room, myUserId: string): RoomMemberSnapshot[] {
  return room.getMembers().flatMap((member): RoomMemberSnapshot[] => {
    const event = member.events.member;
    if (member.userId === myUserId || member.membership !== KnownMembership.Leave) return [];
    const before = event?.getPrevContent() ?? {};
    if (before["membership"] !== MEMBERSHIP_JOIN) return [];
    const name = stringOrUndefined(before["displayname"]);
    const since = event?.getTs();
    return [
      {
        userId: member.userId,
        displayName: name === undefined || name.trim() === "" ? undefined : name,
        membership: "left",
        since: since === undefined || since <= 0 ? undefined : since,
      },
    ];
  });
}

function displayNameAsSent(member: RoomMember): string | undefined {
  const sent: unknown = member.events.member?.getContent()["displayname"];
  if (typeof sent === "string" && sent.trim() !== "") return sent;
  return member.rawDisplayName === member.userId ? undefined : member.rawDisplayName;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function toMembership(membership: string | undefined): MemberSummary["membership"] | undefined {
  return membership === "join" ||
    membership === "invite" ||
    membership === "leave" ||
    membership === "ban"
    ? membership
    : undefined;
}
