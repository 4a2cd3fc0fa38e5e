import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { unavailableReporting } from "../matrix/reporting/reportingSession.ts";
import type { SessionCredentials } from "../matrix/signIn.ts";
import { UNVERIFIED } from "../policy/ageFacts.ts";
import { helpDecider } from "../policy/decideHelp.ts";
import { member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import {
  AppViewModel,
  type AppDependencies,
  type RunningSession,
  type SessionPort,
} from "./AppViewModel.ts";

const credentials: SessionCredentials = {
  homeserverUrl: "http://hs",
  userId: "@noor:hs",
  deviceId: "D",
  accessToken: "t",
};

function fakeSession(signOut = vi.fn(() => Promise.resolve())): RunningSession {
  const session: SessionPort = {
    userId: credentials.userId,
    syncState: "syncing",
    subscribe: () => () => undefined,
    conversation: () => undefined,
    sendText: () => Promise.resolve("$sent"),
    retry: () => Promise.resolve(),
    loadOlder: () => Promise.resolve(false),
    markRead: () => Promise.resolve(),
    leave: () => Promise.resolve(),
    block: () => Promise.resolve(),
    stop: vi.fn(),
    signOut,
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
  };
  // Lotte (a friend) in an accepted chat; an invitation from Alex, who is unknown.
  const { store, gateway } = testRooms({
    self: credentials.userId,
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

function deps(overrides: Partial<AppDependencies> = {}): AppDependencies {
  return {
    defaultHomeserverUrl: "http://hs",
    initialLocale: "nl",
    saveLocale: vi.fn(),
    loadCredentials: () => undefined,
    saveCredentials: vi.fn(),
    forgetCredentials: vi.fn(),
    signIn: () => Promise.resolve({ ok: true, credentials }),
    startSession: () => Promise.resolve(fakeSession()),
    reportError: vi.fn(),
    signedOutHelp: helpDecider(
      createPolicyEngine(loadBundledPack("nl-default")),
      () => 0,
      () => UNVERIFIED,
      () => "nl-NL",
    ),
    ...overrides,
  };
}

describe("AppViewModel", () => {
  it("shows sign-in when nothing is remembered, then the chats after signing in", async () => {
    const d = deps();
    const app = new AppViewModel(d);
    await app.start();
    const screen = app.getSnapshot().screen;
    if (screen.kind !== "sign-in") throw new Error(`expected sign-in, got ${screen.kind}`);
    screen.signIn.setUsername("noor");
    screen.signIn.setPassword("pw");
    await screen.signIn.submit();
    await vi.waitFor(() => {
      expect(app.getSnapshot().screen.kind).toBe("chats");
    });
    expect(d.saveCredentials).toHaveBeenCalledWith(credentials);
  });

  it("resumes a remembered session; the chat list holds accepted chats only", async () => {
    const app = new AppViewModel(deps({ loadCredentials: () => credentials }));
    await app.start();
    const screen = app.getSnapshot().screen;
    if (screen.kind !== "chats") throw new Error(`expected chats, got ${screen.kind}`);
    expect(screen.chatList.getSnapshot().chats.map((c) => c.title)).toEqual([
      { kind: "people", names: [{ kind: "name", label: "Lotte", userId: "@lotte:hs" }] },
    ]);
  });

  it("shows on the chat list that a study assignment was ignored, and nothing when there was none", async () => {
    const ignored = new AppViewModel(
      deps({
        loadCredentials: () => credentials,
        startSession: () =>
          Promise.resolve({ ...fakeSession(), ignoredStudyAssignment: "baseline" }),
      }),
    );
    await ignored.start();
    const screen = ignored.getSnapshot().screen;
    if (screen.kind !== "chats") throw new Error(`expected chats, got ${screen.kind}`);
    expect(screen.chatList.getSnapshot().studyAssignmentIgnored).toBe(true);
    // It stays after the list refreshes (another tab, a sync).
    screen.chatList.showTab("requests");
    expect(screen.chatList.getSnapshot().studyAssignmentIgnored).toBe(true);

    const plain = new AppViewModel(deps({ loadCredentials: () => credentials }));
    await plain.start();
    const plainScreen = plain.getSnapshot().screen;
    if (plainScreen.kind !== "chats") throw new Error("expected chats");
    expect(plainScreen.chatList.getSnapshot().studyAssignmentIgnored).toBe(false);
  });

  it("forgets a session that cannot start and says so on the sign-in screen", async () => {
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.reject(new Error("token revoked")),
    });
    const app = new AppViewModel(d);
    await app.start();
    const screen = app.getSnapshot().screen;
    if (screen.kind !== "sign-in") throw new Error(`expected sign-in, got ${screen.kind}`);
    expect(screen.signIn.getSnapshot().error?.key).toBe("session.startFailed");
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    expect(d.reportError).toHaveBeenCalled();
  });

  it("signing out forgets the session and returns to sign-in", async () => {
    const signOut = vi.fn(() => Promise.resolve());
    const session = fakeSession(signOut);
    const d = deps({
      loadCredentials: () => credentials,
      startSession: () => Promise.resolve(session),
    });
    const app = new AppViewModel(d);
    await app.start();
    const screen = app.getSnapshot().screen;
    if (screen.kind !== "chats") throw new Error("expected chats");
    await screen.chatList.signOut();
    expect(signOut).toHaveBeenCalled();
    expect(d.forgetCredentials).toHaveBeenCalledWith(credentials.userId);
    expect(app.getSnapshot().screen.kind).toBe("sign-in");
  });

  it("opens help from the sign-in screen, before any session, and quick exit closes it", async () => {
    const app = new AppViewModel(deps());
    await app.start();
    app.openHelp();
    const help = app.getSnapshot().help;
    expect(help?.getSnapshot().resources).toContain("kindertelefoon");
    help?.quickExit();
    expect(app.getSnapshot().help).toBeUndefined();
    expect(app.getSnapshot().screen.kind).toBe("sign-in");
  });

  it("after signing in, help is decided for this person and quick exit lands on the chat list", async () => {
    const app = new AppViewModel(deps({ loadCredentials: () => credentials }));
    await app.start();
    app.openHelp("after-warning");
    expect(app.getSnapshot().help?.getSnapshot().moment).toBe("after-warning");
    app.getSnapshot().help?.quickExit();
    expect(app.getSnapshot().help).toBeUndefined();
    expect(app.getSnapshot().screen.kind).toBe("chats");
  });
});
