// Policy layer: the facts of the engine's `media` point, for an image or file
// someone sent into a room (incoming) and for one the device user is about
// to send (outgoing). Facts about people only: the device user's and the
// other person's verified band, whether they are a contact, how the contact
// started and when (the direct chat's origin record), the room kind and the
// event's msgtype. Nothing here receives the media, its event content, file
// name, caption, type, size or URL, so none of it can reach the engine (an
// architectural test in decideMedia.test.ts keeps it that way; the engine
// also refuses any field beyond these facts). The room decision store asks
// through these functions and keeps the answers (roomDecisionStore.ts).
// Decision owned here: `media`.

import type {
  IncomingMediaRequest,
  MediaCounterpart,
  MediaKind,
  OutgoingMediaRequest,
} from "@safety-by-design/policy-engine";
import type {
  ContactSummary,
  ConversationOriginRecord,
  RoomSnapshot,
} from "../matrix/sessionTypes.ts";
import type { AgeFactsSource } from "./ageFacts.ts";

/** Where the facts come from: the age facts and the session's relationships. */
export type MediaFactsSource = {
  readonly ages: AgeFactsSource;
  readonly contacts: () => readonly ContactSummary[];
  /** How the direct chat with a contact started, as this account recorded it (if it did). */
  readonly conversationOrigin: (roomId: string) => ConversationOriginRecord | undefined;
};

/** What the decision store knows of the session's rooms when it asks. */
export type MediaRoomLookup = {
  /** The room the media is in (undefined: not a room this device knows). */
  readonly room: RoomSnapshot | undefined;
  /** When this account joined a room: a contact's start time when nothing was recorded. */
  readonly joinedAt: (roomId: string) => number | undefined;
};

/**
 * One other person as media facts. A contact's start comes from their direct
 * chat's origin record; without one it is "unknown" (which the engine reads
 * as an accepted request) since this account joined that chat, or, without
 * even that, `null` (read as just now). Someone who is not a contact has no
 * start at all.
 */
function counterpart(
  userId: string,
  source: MediaFactsSource,
  contacts: ReadonlyMap<string, ContactSummary>,
  rooms: MediaRoomLookup,
): MediaCounterpart {
  const person = source.ages.about(userId);
  const contact = contacts.get(userId);
  if (contact === undefined) {
    return { person, isContact: false, origin: "unknown", acceptedAt: null };
  }
  const recorded = source.conversationOrigin(contact.roomId);
  return {
    person,
    isContact: true,
    origin: recorded?.origin ?? "unknown",
    acceptedAt: recorded?.acceptedAt ?? rooms.joinedAt(contact.roomId) ?? null,
  };
}

function contactsById(source: MediaFactsSource): ReadonlyMap<string, ContactSummary> {
  return new Map(source.contacts().map((contact) => [contact.userId, contact]));
}

/** An unknown room is judged as a group: the protective reading. */
function roomKindOf(room: RoomSnapshot | undefined): "direct" | "group" {
  return room?.isDirect === true ? "direct" : "group";
}

/** How `senderUserId`'s image or file in `rooms.room` shows on this device. */
export function incomingMediaRequest(
  source: MediaFactsSource,
  rooms: MediaRoomLookup,
  senderUserId: string,
  mediaKind: MediaKind,
): IncomingMediaRequest {
  return {
    point: "media",
    direction: "incoming",
    self: source.ages.self(),
    sender: counterpart(senderUserId, source, contactsById(source), rooms),
    roomKind: roomKindOf(rooms.room),
    mediaKind,
  };
}

/**
 * The device user is about to send `mediaKind` into `rooms.room`: everyone
 * joined or invited there receives it. An unknown room, or one with nobody
 * else in it, has no recipients, and the engine fails closed on that
 * (a think-first notice and the visible policy error).
 */
export function outgoingMediaRequest(
  source: MediaFactsSource,
  rooms: MediaRoomLookup,
  mediaKind: MediaKind,
): OutgoingMediaRequest {
  const contacts = contactsById(source);
  const recipients = (rooms.room?.members ?? [])
    .filter((member) => member.membership === "join" || member.membership === "invite")
    .map((member) => counterpart(member.userId, source, contacts, rooms));
  return {
    point: "media",
    direction: "outgoing",
    self: source.ages.self(),
    recipients,
    roomKind: roomKindOf(rooms.room),
    mediaKind,
  };
}
