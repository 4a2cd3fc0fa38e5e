// Policy layer: fakes shared by unit tests (only *.test.ts files import this):
// rooms as the Matrix layer would describe them, and a decision store over
// them with the real engine and a gateway with known bands and contacts.
// Owns no decision.

import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import type {
  ConversationOriginRecord,
  RoomMemberSnapshot,
  RoomSnapshot,
} from "../matrix/sessionTypes.ts";
import { ageFactsFromVerified } from "./ageFacts.ts";
import { createPolicyGateway, type PolicyGateway } from "./policyGateway.ts";
import { createRoomDecisionStore, type RoomDecisionStore } from "./roomDecisionStore.ts";

export const TEST_NOW = Date.UTC(2026, 11, 6, 12);

export function member(
  userId: string,
  displayName: string | undefined,
  over: Partial<RoomMemberSnapshot> = {},
): RoomMemberSnapshot {
  return { userId, displayName, membership: "join", since: TEST_NOW - 60_000, ...over };
}

/** A room with sensible defaults: an invitation from the first member, who made it. */
export function roomSnapshot(over: Partial<RoomSnapshot> & { roomId: string }): RoomSnapshot {
  const members = over.members ?? [];
  const first = members[0]?.userId;
  const membership = over.membership ?? "invite";
  return {
    membership,
    isDirect: false,
    isSpace: false,
    encrypted: true,
    inviterUserId: membership === "invite" ? first : undefined,
    invitedAt: membership === "invite" ? TEST_NOW - 30_000 : undefined,
    inviteReason: undefined,
    creatorUserId: first,
    createdAt: TEST_NOW - 3_600_000,
    joinedAt: membership === "join" ? TEST_NOW - 600_000 : undefined,
    name: undefined,
    topic: undefined,
    avatarSetBy: undefined,
    members,
    membersKnown: true,
    acceptedMembers: [],
    lastActivityTs: TEST_NOW - 1_000,
    unreadCount: 0,
    // The unread messages come from the first member unless the test says who sent them.
    unreadSenders: Array.from({ length: over.unreadCount ?? 0 }, () => first ?? ""),
    ...over,
  };
}

export type TestRooms = {
  readonly store: RoomDecisionStore;
  readonly gateway: PolicyGateway;
  /** Replace the rooms and let the store recompute, as after a sync. */
  readonly set: (rooms: readonly RoomSnapshot[]) => void;
};

/** A store over `rooms` for `self`, with verified `bands` and `contacts` (user ID to display name). */
export function testRooms(options: {
  readonly self: string;
  readonly bands: ReadonlyMap<string, PersonFacts>;
  readonly contacts?: ReadonlyMap<string, string>;
  readonly rooms: readonly RoomSnapshot[];
  readonly engine?: PolicyEngine;
  readonly helpServiceNames?: readonly string[];
  /** How the direct chat with a contact started (by the contact's user ID); absent: not recorded. */
  readonly origins?: ReadonlyMap<string, ConversationOriginRecord>;
  /** The time decisions are made at (default TEST_NOW). */
  readonly clock?: () => number;
}): TestRooms {
  let rooms = options.rooms;
  const listeners = new Set<() => void>();
  const contacts = [...(options.contacts ?? new Map<string, string>())].map(
    ([userId, displayName]) => ({ userId, displayName, roomId: `!dm-${userId}` }),
  );
  const gateway = createPolicyGateway({
    engine: options.engine ?? createPolicyEngine(loadBundledPack("nl-default")),
    clock: options.clock ?? (() => TEST_NOW),
    ages: ageFactsFromVerified(options.self, options.bands),
    relationships: {
      userId: options.self,
      serverName: options.self.slice(options.self.indexOf(":") + 1),
      contacts: () => contacts,
      sharedRoomCount: () => 0,
      conversationOrigin: (roomId) =>
        options.origins?.get(roomId.startsWith("!dm-") ? roomId.slice("!dm-".length) : roomId),
    },
    helpServiceNames: options.helpServiceNames ?? ["Kindertelefoon"],
  });
  const store = createRoomDecisionStore(
    {
      rooms: () => rooms,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    gateway,
  );
  return {
    store,
    gateway,
    set: (next) => {
      rooms = next;
      for (const listener of listeners) listener();
    },
  };
}
