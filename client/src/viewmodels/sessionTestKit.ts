// View-model layer: a fake running session for unit tests (only *.test.ts
// files import this): Noor's account with a friend's chat and a stranger's
// request, the real engine deciding over them, reports not configured.

import { vi } from "vitest";
import { unavailableReporting } from "../reporting/reportingSession.ts";
import type { SessionCredentials } from "../matrix/signIn.ts";
import { member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import type { RunningSession, SessionPort } from "./SessionViewModel.ts";

export const NOOR_CREDENTIALS: SessionCredentials = {
  homeserverUrl: "http://hs",
  userId: "@noor:hs",
  deviceId: "D",
  accessToken: "t",
};

export function fakeSession(
  over: Partial<SessionPort> = {},
): RunningSession & { readonly session: SessionPort } {
  const userId = NOOR_CREDENTIALS.userId;
  const session: SessionPort = {
    userId,
    syncState: "syncing",
    subscribe: () => () => undefined,
    // Lotte's chat has one message from her; nothing else is open.
    conversation: (roomId) =>
      roomId === "!a"
        ? {
            roomId,
            name: "Lotte",
            encrypted: true,
            members: [
              {
                userId: "@lotte:hs",
                name: "Lotte",
                label: "Lotte",
                disambiguated: false,
                membership: "join",
              },
            ],
            messages: [
              {
                eventId: "$hi",
                sender: "@lotte:hs",
                timestamp: 1,
                kind: "text",
                body: "hoi",
                sendState: "sent",
              },
            ],
            canLoadOlder: false,
          }
        : undefined,
    sendText: () => Promise.resolve("$sent"),
    retry: () => Promise.resolve(),
    loadOlder: () => Promise.resolve(false),
    markRead: () => Promise.resolve(),
    lastMessage: () => undefined,
    leave: vi.fn(() => Promise.resolve()),
    block: vi.fn(() => Promise.resolve()),
    unblock: vi.fn(() => Promise.resolve()),
    declinedRequestMessages: () => Promise.resolve([]),
    blockedUsers: [],
    stop: vi.fn(),
    signOut: vi.fn(() => Promise.resolve()),
    signedOutElsewhere: false,
    forget: vi.fn(() => Promise.resolve()),
    join: () => Promise.resolve(),
    acceptMembers: () => Promise.resolve(),
    conversationOrigin: () => undefined,
    recordConversationOrigin: () => Promise.resolve(),
    joinedAt: () => undefined,
    directChatWith: () => undefined,
    createEncryptedDirectChat: () => Promise.resolve("!new"),
    createEncryptedGroup: () => Promise.resolve("!group"),
    recoveryStatus: () => Promise.resolve("set-up-on-this-device"),
    setUpRecovery: () => Promise.resolve({ ok: true, recoveryKey: "EsTc test" }),
    restoreWithRecoveryKey: () =>
      Promise.resolve({ ok: true, imported: 0, total: 0, deviceVerified: true }),
    ...over,
  };
  // Lotte (a friend) in an accepted chat; an invitation from Alex, who is unknown.
  const { store, gateway } = testRooms({
    self: userId,
    bands: new Map(),
    contacts: new Map([["@lotte:hs", "Lotte"]]),
    rooms: [
      roomSnapshot({
        roomId: "!a",
        membership: "join",
        isDirect: true,
        members: [member("@lotte:hs", "Lotte")],
        unreadCount: 1,
      }),
      roomSnapshot({ roomId: "!b", isDirect: true, members: [member("@alex:hs", "Alex")] }),
    ],
  });
  return { session, gateway, rooms: store, reports: unavailableReporting(), stop: vi.fn() };
}
