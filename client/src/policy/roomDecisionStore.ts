// Policy layer: the session's one store of room decisions (complete
// mediation). For every room the device is invited to or in, it asks the
// engine once per change of facts, and turns the raw room (names, IDs, the
// room's name and topic, all of it stranger-controlled text) into what a
// screen may show. Enforcement, view models and the study log read from here;
// nothing above this layer sees a raw name of someone the engine has not
// cleared. Decisions owned here: `room` (its facts come from policyGateway.ts)
// and, kept per room, sender and kind, `media` (facts from decideMedia.ts):
// how an image or file shows, and whether to think first before sending one.

import type {
  AgeBand,
  IncomingMediaDecision,
  MediaKind,
  MemberContent,
  Notice,
  NotificationContent,
  OutgoingMediaDecision,
  RelationshipClass,
  RoomDecision,
} from "@safety-by-design/policy-engine";
import type { RoomMemberSnapshot, RoomSnapshot } from "../matrix/sessionTypes.ts";
import { cleanDisplayName, shownNames } from "../matrix/displayNames.ts";
import type { PolicyGateway } from "./policyGateway.ts";
import { strangerTag } from "./strangerTag.ts";

export { strangerTag } from "./strangerTag.ts";

/** What a screen shows for a person's name. */
export type MediatedName =
  | {
      readonly kind: "name";
      /** Cleaned of bidi and invisible characters; with the Matrix ID when it could mislead. */
      readonly label: string;
      readonly userId: string;
    }
  /** Someone whose name the engine keeps back: a neutral label and a short tag to tell people apart. */
  | { readonly kind: "unknown"; readonly tag: number };

export type MediatedMember = {
  readonly userId: string;
  /** For lists and conversations. */
  readonly name: MediatedName;
  /** In the opened request or group overview (the "reading" a teen may do). */
  readonly nameWhenOpened: MediatedName;
  readonly relationship: RelationshipClass | null;
  readonly content: MemberContent;
  readonly membership: RoomMemberSnapshot["membership"];
  /** Announce this person in the room where they appeared, at `since`. */
  readonly announce: boolean;
  readonly since: number | undefined;
  readonly notices: readonly Notice[];
  /** What a notification of their new message may show ("none": no notification). */
  readonly notification: NotificationContent;
  readonly isInviter: boolean;
  readonly isCreator: boolean;
};

export type RoomTitle =
  | { readonly kind: "name"; readonly text: string; readonly flagged: boolean }
  /** Named after the people in it (a direct chat, or a group without a name). */
  | { readonly kind: "people"; readonly names: readonly MediatedName[] }
  /** The name was set by someone the engine keeps back. */
  | { readonly kind: "hidden" };

export type MediatedRoom = {
  readonly roomId: string;
  readonly membership: RoomSnapshot["membership"];
  readonly isDirect: boolean;
  readonly isSpace: boolean;
  readonly decision: RoomDecision;
  /** The device user's band the decision was made for: whom its "why am I seeing this?" is for. */
  readonly readerBand: AgeBand;
  readonly title: RoomTitle;
  /** In the opened request or overview. */
  readonly titleWhenOpened: RoomTitle;
  /** The invitation's reason: the inviter's words, only when what they write may show. */
  readonly inviteReason: string | undefined;
  /** The room's topic, only when whoever set it may be shown. */
  readonly topic: string | undefined;
  /** Everyone joined or invited (or who was: `membership` "left"), except the device user. */
  readonly members: readonly MediatedMember[];
  readonly inviter: MediatedMember | undefined;
  readonly creator: MediatedMember | undefined;
  readonly createdAt: number | undefined;
  readonly invitedAt: number | undefined;
  readonly membersKnown: boolean;
  readonly lastActivityTs: number;
  readonly unreadCount: number;
};

/** What the store needs of the Matrix session; ChatSession satisfies it. */
export type RoomSource = {
  rooms(): readonly RoomSnapshot[];
  subscribe(listener: () => void): () => void;
};

export type RoomDecisionStore = {
  rooms(): readonly MediatedRoom[];
  room(roomId: string): MediatedRoom | undefined;
  /** Called after the store recomputed (after every change of the session's facts). */
  subscribe(listener: () => void): () => void;
  /** Recompute now (a fact outside the session changed, e.g. a verified age band). */
  refresh(): void;
  /**
   * How an image or file `senderUserId` sent in `roomId` shows on this device:
   * shown, downloaded only after a tap (then blurred), or not viewable. Asked
   * of the engine once per change of facts and again after `decision.until`
   * (subscribers are told then). Never from the media itself.
   */
  incomingMedia(roomId: string, senderUserId: string, mediaKind: MediaKind): IncomingMediaDecision;
  /**
   * Before the device user sends `mediaKind` into `roomId`: send, or think
   * first (a notice; they may still send); and whether "unsend" is offered after.
   */
  outgoingMedia(roomId: string, mediaKind: MediaKind): OutgoingMediaDecision;
  dispose(): void;
};

const unknown = (userId: string): MediatedName => ({ kind: "unknown", tag: strangerTag(userId) });

/** Media answers kept at most (per room, sender and kind): cleared when a session outgrows it. */
const MAX_KEPT_MEDIA_DECISIONS = 10_000;
/** setTimeout's largest delay; a later `until` is checked again when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

type KeptMedia<D> = { readonly key: string; readonly decision: D };

export function createRoomDecisionStore(
  source: RoomSource,
  gateway: Pick<
    PolicyGateway,
    | "roomsFacts"
    | "decideRoom"
    | "clock"
    | "incomingMediaRequest"
    | "outgoingMediaRequest"
    | "decideIncomingMedia"
    | "decideOutgoingMedia"
  >,
): RoomDecisionStore {
  let rooms: readonly MediatedRoom[] = [];
  let byId = new Map<string, MediatedRoom>();
  let snapshotsById = new Map<string, RoomSnapshot>();
  const incoming = new Map<string, KeptMedia<IncomingMediaDecision>>();
  const outgoing = new Map<string, KeptMedia<OutgoingMediaDecision>>();
  /** When the earliest kept media decision stops holding, a recompute tells subscribers. */
  let expiry: { readonly at: number; readonly timer: ReturnType<typeof setTimeout> } | undefined;
  /** The last facts per room and the decision they gave: decided once per change of facts. */
  const decisions = new Map<string, { readonly key: string; readonly decision: RoomDecision }>();
  const listeners = new Set<() => void>();

  const recompute = (): void => {
    const next: MediatedRoom[] = [];
    const seen = new Set<string>();
    const snapshots = source.rooms();
    // Facts of all rooms in one pass: what rooms share (contacts, shared rooms) is asked once.
    const allFacts = gateway.roomsFacts(snapshots);
    for (const [index, snapshot] of snapshots.entries()) {
      const facts = allFacts[index];
      if (facts === undefined) continue; // one per snapshot, in order
      seen.add(snapshot.roomId);
      const key = JSON.stringify(facts.request);
      let known = decisions.get(snapshot.roomId);
      if (known?.key !== key) {
        known = { key, decision: gateway.decideRoom(facts.request) };
        decisions.set(snapshot.roomId, known);
      }
      const { self } = facts.request;
      next.push({
        ...mediate(snapshot, known.decision, facts.factsMembers, facts.nameResembles),
        readerBand: self.ageVerified ? self.ageBand : "unverified",
      });
    }
    for (const roomId of [...decisions.keys()]) if (!seen.has(roomId)) decisions.delete(roomId);
    rooms = next;
    byId = new Map(next.map((room) => [room.roomId, room]));
    snapshotsById = new Map(snapshots.map((snapshot) => [snapshot.roomId, snapshot]));
    for (const listener of listeners) listener();
  };

  const lookup = (roomId: string) => ({
    room: snapshotsById.get(roomId),
    joinedAt: (other: string) => snapshotsById.get(other)?.joinedAt,
  });

  const scheduleExpiry = (until: number | null): void => {
    if (until === null || (expiry !== undefined && expiry.at <= until)) return;
    if (expiry !== undefined) clearTimeout(expiry.timer);
    const delay = Math.min(Math.max(0, until - gateway.clock()), MAX_TIMER_MS);
    expiry = {
      at: until,
      timer: setTimeout(() => {
        expiry = undefined;
        recompute();
      }, delay),
    };
  };

  /** The kept decision while its facts are the same and it still holds, else a new one. */
  const keptMedia = <R, D extends { readonly until: number | null }>(
    kept: Map<string, KeptMedia<D>>,
    slot: string,
    request: R,
    decide: (request: R) => D,
  ): D => {
    const key = JSON.stringify(request);
    const known = kept.get(slot);
    if (
      known?.key === key &&
      (known.decision.until === null || gateway.clock() < known.decision.until)
    ) {
      return known.decision;
    }
    if (kept.size >= MAX_KEPT_MEDIA_DECISIONS) kept.clear();
    const decision = decide(request);
    kept.set(slot, { key, decision });
    scheduleExpiry(decision.until);
    return decision;
  };

  recompute();
  const stop = source.subscribe(recompute);
  return {
    rooms: () => rooms,
    room: (roomId) => byId.get(roomId),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: recompute,
    incomingMedia: (roomId, senderUserId, mediaKind) =>
      keptMedia(
        incoming,
        `${roomId}\n${senderUserId}\n${mediaKind}`,
        gateway.incomingMediaRequest(lookup(roomId), senderUserId, mediaKind),
        gateway.decideIncomingMedia,
      ),
    outgoingMedia: (roomId, mediaKind) =>
      keptMedia(
        outgoing,
        `${roomId}\n${mediaKind}`,
        gateway.outgoingMediaRequest(lookup(roomId), mediaKind),
        gateway.decideOutgoingMedia,
      ),
    dispose: () => {
      stop();
      listeners.clear();
      if (expiry !== undefined) clearTimeout(expiry.timer);
      expiry = undefined;
    },
  };
}

function mediate(
  snapshot: RoomSnapshot,
  decision: RoomDecision,
  factsMembers: readonly RoomMemberSnapshot[],
  nameResembles: boolean,
): Omit<MediatedRoom, "readerBand"> {
  // Names are disambiguated among everyone shown in the room, so two "Lotte"s both show their IDs.
  const names = shownNames(
    factsMembers.map((member) => ({ userId: member.userId, displayName: member.displayName })),
  );
  const present = new Set(snapshot.members.map((member) => member.userId));
  const members: MediatedMember[] = [];
  factsMembers.forEach((member, index) => {
    if (!present.has(member.userId)) return; // judged only for the name they set; not in the room
    const judged = decision.members[index];
    const content = judged?.content ?? "hidden";
    const shown = names.get(member.userId);
    const named: MediatedName =
      shown === undefined
        ? unknown(member.userId)
        : {
            kind: "name",
            // A look-alike always shows its Matrix ID.
            label:
              (judged?.notices.some((notice) => notice.id.startsWith("name-resembles")) ?? false) &&
              !shown.disambiguated
                ? `${shown.name} (${member.userId})`
                : shown.label,
            userId: member.userId,
          };
    members.push({
      userId: member.userId,
      name: content === "shown" ? named : unknown(member.userId),
      nameWhenOpened: content === "hidden" ? unknown(member.userId) : named,
      relationship: judged?.relationship ?? null,
      content,
      membership: member.membership,
      announce: judged?.announce ?? false,
      since: member.since,
      notices: judged?.notices ?? [],
      notification: judged?.notification ?? "none",
      isInviter: member.userId === snapshot.inviterUserId,
      isCreator: member.userId === snapshot.creatorUserId,
    });
  });
  const title = (opened: boolean): RoomTitle => {
    const visible = opened ? decision.profile !== "hidden" : decision.profile === "shown";
    const name = snapshot.name?.value;
    if (name !== undefined && !snapshot.isDirect) {
      return visible
        ? { kind: "name", text: cleanText(name), flagged: nameResembles }
        : { kind: "hidden" };
    }
    const people = members
      .filter(
        (member) =>
          member.membership === "join" || (snapshot.isDirect && member.membership === "invite"),
      )
      .slice(0, 3)
      .map((member) => (opened ? member.nameWhenOpened : member.name));
    return { kind: "people", names: people };
  };
  const topic = snapshot.topic?.value;
  const inviter = members.find((member) => member.isInviter);
  return {
    roomId: snapshot.roomId,
    membership: snapshot.membership,
    isDirect: snapshot.isDirect,
    isSpace: snapshot.isSpace,
    decision,
    title: title(false),
    titleWhenOpened: title(true),
    inviteReason:
      snapshot.inviteReason !== undefined && inviter?.content === "shown"
        ? cleanText(snapshot.inviteReason)
        : undefined,
    topic: topic !== undefined && decision.profile === "shown" ? cleanText(topic) : undefined,
    members,
    inviter,
    creator: members.find((member) => member.isCreator),
    createdAt: snapshot.createdAt,
    invitedAt: snapshot.invitedAt,
    membersKnown: snapshot.membersKnown,
    lastActivityTs: snapshot.lastActivityTs,
    unreadCount: shownUnread(snapshot, members),
  };
}

/**
 * The unread count the badge shows: only messages from people whose messages
 * the decision shows, never more than the server counts (it knows what the
 * account muted). A kept-back stranger's messages do not make a chat "new".
 */
function shownUnread(snapshot: RoomSnapshot, members: readonly MediatedMember[]): number {
  const shown = new Set(
    members.filter((member) => member.content === "shown").map((member) => member.userId),
  );
  const count = snapshot.unreadSenders.filter((sender) => shown.has(sender)).length;
  return Math.min(snapshot.unreadCount, count);
}

/** A room name or topic without the characters that reorder or hide text (as display names). */
function cleanText(text: string): string {
  return cleanDisplayName(text).text.trim();
}
