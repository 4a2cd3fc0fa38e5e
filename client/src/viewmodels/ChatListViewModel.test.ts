import { createPolicyEngine, loadBundledPack, parsePack } from "@safety-by-design/policy-engine";
import type { PersonFacts, PolicyEngine } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { RoomSnapshot, TimelineMessage } from "../matrix/sessionTypes.ts";
import { member, roomSnapshot, TEST_NOW, testRooms } from "../policy/testKit.ts";
import { avatarColour } from "./avatar.ts";
import {
  activityLabel,
  ChatListViewModel,
  type ChatListClock,
  type ChatListSource,
} from "./ChatListViewModel.ts";

const NOOR = "@noor:localhost";
const LOTTE = "@lotte:localhost";
const ALEX = "@alex:localhost";

const BANDS = new Map<string, PersonFacts>([
  [NOOR, { ageBand: "13-15", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);

const source: ChatListSource = {
  userId: NOOR,
  syncState: "syncing",
  blockedUsers: [],
  subscribe: () => () => undefined,
  join: vi.fn(() => Promise.resolve()),
  lastMessage: () => undefined,
};

const directInvite = (from: string, name: string): RoomSnapshot =>
  roomSnapshot({ roomId: `!from-${from}`, isDirect: true, members: [member(from, name)] });

function viewModel(rooms: readonly RoomSnapshot[], engine?: PolicyEngine) {
  const { store, gateway } = testRooms({
    self: NOOR,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    rooms,
    ...(engine === undefined ? {} : { engine }),
  });
  return new ChatListViewModel(source, gateway, store, actions);
}

const actions = {
  open: vi.fn(),
  openRequest: vi.fn(),
  startNewChat: vi.fn(),
  startNewGroup: vi.fn(),
};

describe("ChatListViewModel places invitations as the engine decides", () => {
  it("puts a contact's invitation with the chats and an unknown adult's with the requests", () => {
    const view = viewModel([
      directInvite(LOTTE, "Lotte"),
      directInvite(ALEX, "Alex"),
    ]).getSnapshot();
    expect(view.invitations.map((i) => i.inviter)).toEqual([
      { kind: "name", label: "Lotte", userId: LOTTE },
    ]);
    expect(view.requests.map((r) => r.roomId)).toEqual([`!from-${ALEX}`]);
    expect(view.policyFailedClosed).toBe(false);
    expect(view.controlArm).toBe(false);
  });

  it("hides an unknown adult's name and ID in the list (names are content)", () => {
    const view = viewModel([
      directInvite(ALEX, "Hoi lieverd, stuur je een foto? app 06-12345678"),
    ]).getSnapshot();
    expect(view.requests[0]?.inviter.kind).toBe("unknown");
    expect(JSON.stringify(view)).not.toContain("lieverd");
    expect(JSON.stringify(view.requests[0]?.inviter)).not.toContain("alex");
  });

  it("puts a friend's group with an unknown adult inside among the requests, as an overview", () => {
    const group = roomSnapshot({
      roomId: "!group",
      name: { value: "Klas 2B", setBy: LOTTE },
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
    });
    const view = viewModel([group]).getSnapshot();
    expect(view.invitations).toEqual([]);
    expect(view.requests).toMatchObject([
      { roomId: "!group", presentation: "overview", isGroup: true },
    ]);
    // The inviter is a friend: her name shows.
    expect(view.requests[0]?.inviter).toEqual({ kind: "name", label: "Lotte", userId: LOTTE });
  });

  it("shows a joined room's name only when whoever set it may be shown", () => {
    const renamed = roomSnapshot({
      roomId: "!joined",
      membership: "join",
      name: { value: "Kindertelefoon", setBy: ALEX },
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
    });
    const view = viewModel([renamed]).getSnapshot();
    expect(view.chats[0]?.title).toEqual({ kind: "hidden" });
  });

  it("shows a visible warning and holds everything aside when the pack is broken (fail closed)", () => {
    const broken = createPolicyEngine(parsePack("{ this is not a pack"));
    const view = viewModel(
      [directInvite(LOTTE, "Lotte"), directInvite(ALEX, "Alex")],
      broken,
    ).getSnapshot();
    expect(view.policyFailedClosed).toBe(true);
    expect(view.invitations).toEqual([]);
    expect(view.requests.map((r) => r.presentation)).toEqual(["filtered", "filtered"]);
    expect(view.requests.every((r) => r.inviter.kind === "unknown")).toBe(true);
  });

  it("labels the baseline control arm", () => {
    const vm = viewModel([], createPolicyEngine(loadBundledPack("baseline")));
    expect(vm.getSnapshot().controlArm).toBe(true);
  });

  it("offers the moderation screen only once the server says this account is an admin", async () => {
    const open = vi.fn();
    const { store, gateway } = testRooms({ self: NOOR, bands: BANDS, rooms: [] });
    const admin = new ChatListViewModel(source, gateway, store, {
      ...actions,
      moderation: { isAvailable: () => Promise.resolve(true), open },
    });
    expect(admin.getSnapshot().canModerate).toBe(false);
    await vi.waitFor(() => {
      expect(admin.getSnapshot().canModerate).toBe(true);
    });
    admin.openModeration();
    expect(open).toHaveBeenCalledTimes(1);

    const notAdmin = new ChatListViewModel(source, gateway, store, {
      ...actions,
      moderation: { isAvailable: () => Promise.resolve(false), open },
    });
    await Promise.resolve();
    expect(notAdmin.getSnapshot().canModerate).toBe(false);
    notAdmin.openModeration();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("offers Find people only to a session that can search, and keeps saying so after a refresh", () => {
    const { store, gateway } = testRooms({ self: NOOR, bands: BANDS, rooms: [] });
    const findPeople = vi.fn();
    const searching = new ChatListViewModel(source, gateway, store, { ...actions, findPeople });
    expect(searching.getSnapshot().canFindPeople).toBe(true);
    searching.showTab("requests");
    expect(searching.getSnapshot().canFindPeople).toBe(true);
    searching.findPeople();
    expect(findPeople).toHaveBeenCalledTimes(1);

    const without = new ChatListViewModel(source, gateway, store, actions);
    expect(without.getSnapshot().canFindPeople).toBe(false);
  });
});

/** A readable message from `sender` at `timestamp`. */
const message = (sender: string, body: string, timestamp = TEST_NOW - 60_000): TimelineMessage => ({
  eventId: `$${body}`,
  sender,
  timestamp,
  kind: "text",
  body,
  sendState: "sent",
});

/** Noor's chat list with these joined rooms and last messages, at a clock the test controls. */
function chatList(
  rooms: readonly RoomSnapshot[],
  last: Readonly<Record<string, TimelineMessage>>,
  over: Partial<ChatListSource> = {},
) {
  const { store, gateway } = testRooms({
    self: NOOR,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    rooms,
  });
  const wakes: { time: number; callback: () => void; cancelled: boolean }[] = [];
  let now = TEST_NOW;
  const clock: ChatListClock = {
    now: () => now,
    wakeAt: (time, callback) => {
      const wake = { time, callback, cancelled: false };
      wakes.push(wake);
      return () => {
        wake.cancelled = true;
      };
    },
  };
  const vm = new ChatListViewModel(
    { ...source, lastMessage: (roomId) => last[roomId], ...over },
    gateway,
    store,
    actions,
    "chats",
    false,
    clock,
  );
  return {
    vm,
    wakes,
    setNow: (time: number) => {
      now = time;
    },
  };
}

const lotteChat = roomSnapshot({
  roomId: "!lotte",
  membership: "join",
  isDirect: true,
  members: [member(LOTTE, "Lotte")],
  unreadCount: 2,
  lastActivityTs: TEST_NOW - 3_600_000,
});

describe("ChatListViewModel rows read like a chat app's", () => {
  it("shows a friend's last message, its first line only, with the unread count and her initials", () => {
    const { vm } = chatList([lotteChat], { "!lotte": message(LOTTE, "Hoi!\nKom je morgen?") });
    expect(vm.getSnapshot().chats[0]).toMatchObject({
      roomId: "!lotte",
      preview: { kind: "text", text: "Hoi!", from: undefined },
      unreadCount: 2,
      avatar: { kind: "initials", initials: "L", colour: avatarColour(LOTTE) },
      activity: { kind: "time", timestamp: TEST_NOW - 60_000 },
      blocked: false,
    });
  });

  it("says which message was the person's own", () => {
    const { vm } = chatList([lotteChat], { "!lotte": message(NOOR, "Tot straks") });
    expect(vm.getSnapshot().chats[0]?.preview).toEqual({
      kind: "text",
      text: "Tot straks",
      from: "me",
    });
  });

  it("names the sender in a group, as the store names them", () => {
    const group = roomSnapshot({
      roomId: "!group",
      membership: "join",
      name: { value: "Klas 2B", setBy: LOTTE },
      members: [member(LOTTE, "Lotte")],
    });
    const { vm } = chatList([group], { "!group": message(LOTTE, "Huiswerk?") });
    expect(vm.getSnapshot().chats[0]?.preview).toEqual({
      kind: "text",
      text: "Huiswerk?",
      from: { kind: "name", label: "Lotte", userId: LOTTE },
    });
  });

  it("shows nothing of a message by someone whose messages the chat keeps back", () => {
    // An unknown adult was added to Noor's chat with Lotte: the engine keeps him back.
    const joined = roomSnapshot({
      roomId: "!joined",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
    });
    const { vm } = chatList([joined], { "!joined": message(ALEX, "stuur een foto") });
    const row = vm.getSnapshot().chats[0];
    expect(row?.preview).toEqual({ kind: "kept-back" });
    expect(JSON.stringify(vm.getSnapshot())).not.toContain("foto");
  });

  it("keeps back a message by someone no longer in the room, and one sent unencrypted", () => {
    const left = chatList([lotteChat], { "!lotte": message("@gone:localhost", "hallo") });
    expect(left.vm.getSnapshot().chats[0]?.preview).toEqual({ kind: "kept-back" });
    const clear = chatList([lotteChat], {
      "!lotte": { ...message(LOTTE, ""), kind: "not-encrypted" },
    });
    expect(clear.vm.getSnapshot().chats[0]?.preview).toEqual({ kind: "kept-back" });
  });

  it("says a chat nobody else is in any more is that, and nothing of who left or what they wrote", () => {
    const left = roomSnapshot({
      ...lotteChat,
      members: [member(LOTTE, "Lotte", { membership: "left" })],
    });
    const { vm } = chatList([left], { "!lotte": message(LOTTE, "doei") });
    const row = vm.getSnapshot().chats[0];
    expect(row?.preview).toEqual({ kind: "alone" });
    expect(row?.title).toEqual({ kind: "people", names: [] });
    expect(JSON.stringify(row)).not.toContain("doei");
  });

  it("says a message cannot be read yet, and shows no preview before the first message", () => {
    const waiting = chatList([lotteChat], {
      "!lotte": { ...message(LOTTE, ""), kind: "undecryptable" },
    });
    expect(waiting.vm.getSnapshot().chats[0]?.preview).toEqual({ kind: "unreadable" });
    const empty = chatList([lotteChat], {});
    expect(empty.vm.getSnapshot().chats[0]).toMatchObject({
      preview: { kind: "none" },
      lastActivityTs: TEST_NOW - 3_600_000,
    });
  });

  it("shows no preview of a room the engine does not show as a normal chat (it failed closed)", () => {
    const { store, gateway } = testRooms({
      self: NOOR,
      bands: BANDS,
      contacts: new Map([[LOTTE, "Lotte"]]),
      rooms: [lotteChat],
      engine: createPolicyEngine(parsePack("{ broken")),
    });
    const vm = new ChatListViewModel(
      { ...source, lastMessage: () => message(LOTTE, "geheim") },
      gateway,
      store,
      actions,
    );
    expect(vm.getSnapshot().chats[0]?.preview).toEqual({ kind: "none" });
    expect(JSON.stringify(vm.getSnapshot())).not.toContain("geheim");
  });

  it("sorts chats by their last message, newest first", () => {
    const older = roomSnapshot({
      roomId: "!older",
      membership: "join",
      isDirect: true,
      members: [member(LOTTE, "Lotte")],
      lastActivityTs: TEST_NOW,
    });
    const { vm } = chatList([older, lotteChat], {
      "!older": message(LOTTE, "oud", TEST_NOW - 86_400_000 * 3),
      "!lotte": message(LOTTE, "nieuw", TEST_NOW - 1000),
    });
    expect(vm.getSnapshot().chats.map((chat) => chat.roomId)).toEqual(["!lotte", "!older"]);
  });

  it("marks a direct chat with someone the person blocked", () => {
    const { vm } = chatList([lotteChat], {}, { blockedUsers: [LOTTE] });
    expect(vm.getSnapshot().chats[0]?.blocked).toBe(true);
  });

  it("words the time again at midnight: today's time becomes yesterday", () => {
    const today = new Date(TEST_NOW);
    const noon = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12).getTime();
    const { vm, wakes, setNow } = chatList([lotteChat], {
      "!lotte": message(LOTTE, "hoi", noon - 3_600_000),
    });
    setNow(noon);
    const wake = wakes.at(-1);
    expect(wake?.time).toBe(
      new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime(),
    );
    setNow(wake?.time ?? 0);
    wake?.callback();
    expect(vm.getSnapshot().chats[0]?.activity).toEqual({ kind: "yesterday" });
    vm.dispose();
    expect(wakes.at(-1)?.cancelled).toBe(true);
  });

  it("says today's time, yesterday, or the date (with the year only when it is another year)", () => {
    const now = new Date(2026, 11, 6, 15).getTime();
    const at = (month: number, day: number, year = 2026) => new Date(year, month, day, 9).getTime();
    expect(activityLabel(at(11, 6), now)).toEqual({ kind: "time", timestamp: at(11, 6) });
    expect(activityLabel(at(11, 5), now)).toEqual({ kind: "yesterday" });
    expect(activityLabel(at(11, 2), now)).toEqual({
      kind: "date",
      timestamp: at(11, 2),
      withYear: false,
    });
    expect(activityLabel(at(10, 20, 2025), now)).toMatchObject({ kind: "date", withYear: true });
    expect(activityLabel(0, now)).toBeUndefined();
  });

  it("offers settings when the session has them", () => {
    const openSettings = vi.fn();
    const { store, gateway } = testRooms({ self: NOOR, bands: BANDS, rooms: [] });
    const vm = new ChatListViewModel(source, gateway, store, { ...actions, openSettings });
    expect(vm.getSnapshot().canOpenSettings).toBe(true);
    vm.openSettings();
    expect(openSettings).toHaveBeenCalledTimes(1);
    expect(
      new ChatListViewModel(source, gateway, store, actions).getSnapshot().canOpenSettings,
    ).toBe(false);
  });

  it("counts the outcomes of this device's reports not yet seen, as the outcomes store says", () => {
    const { store, gateway } = testRooms({ self: NOOR, bands: BANDS, rooms: [] });
    let unseen = 0;
    const listeners = new Set<() => void>();
    const outcomes = {
      getSnapshot: () => ({ byReport: new Map(), withReply: new Set<string>(), unseen }),
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const vm = new ChatListViewModel(source, gateway, store, { ...actions, outcomes });
    expect(vm.getSnapshot().newOutcomes).toBe(0);
    unseen = 1;
    for (const listener of listeners) listener();
    expect(vm.getSnapshot().newOutcomes).toBe(1);
    // "Mijn meldingen" was opened: the store marks them seen, the count goes.
    unseen = 0;
    for (const listener of listeners) listener();
    expect(vm.getSnapshot().newOutcomes).toBe(0);
    vm.dispose();
    expect(listeners.size).toBe(0);
  });
});

describe("ChatListViewModel with many chats (docs/performance.md)", () => {
  const otherChat = roomSnapshot({
    roomId: "!other",
    membership: "join",
    isDirect: true,
    members: [member(LOTTE, "Lotte")],
    lastActivityTs: TEST_NOW - 7_200_000,
  });

  function watched() {
    const sessionListeners = new Set<() => void>();
    let syncState: ChatListSource["syncState"] = "syncing";
    let last: Record<string, TimelineMessage> = { "!lotte": message(LOTTE, "hoi") };
    const rooms = testRooms({
      self: NOOR,
      bands: BANDS,
      contacts: new Map([[LOTTE, "Lotte"]]),
      rooms: [lotteChat, otherChat],
    });
    const session: ChatListSource = {
      ...source,
      get syncState() {
        return syncState;
      },
      lastMessage: (roomId) => last[roomId],
      subscribe: (listener) => {
        sessionListeners.add(listener);
        return () => sessionListeners.delete(listener);
      },
    };
    const vm = new ChatListViewModel(session, rooms.gateway, rooms.store, actions);
    let updates = 0;
    vm.subscribe(() => {
      updates += 1;
    });
    return {
      vm,
      updates: () => updates,
      sessionChanged: (state: ChatListSource["syncState"] = syncState) => {
        syncState = state;
        for (const listener of sessionListeners) listener();
      },
      /** A new message: the session changes and the store recomputes, as after a sync. */
      newMessage: (roomId: string, text: string) => {
        last = { ...last, [roomId]: message(LOTTE, text, TEST_NOW - 1_000) };
        rooms.set([lotteChat, otherChat]);
      },
    };
  }

  it("keeps each row that reads as before, so the view redraws only the chat that changed", () => {
    const list = watched();
    const before = list.vm.getSnapshot().chats;
    list.newMessage("!other", "nieuw bericht");
    const after = list.vm.getSnapshot().chats;
    expect(after.find((row) => row.roomId === "!lotte")).toBe(
      before.find((row) => row.roomId === "!lotte"),
    );
    const other = after.find((row) => row.roomId === "!other");
    expect(other).not.toBe(before.find((row) => row.roomId === "!other"));
    expect(other?.preview).toEqual({ kind: "text", text: "nieuw bericht", from: undefined });
  });

  it("builds the list once per sync: the store reports the rooms, the session only its own state", () => {
    const list = watched();
    list.sessionChanged();
    expect(list.updates()).toBe(0);
    list.sessionChanged("offline");
    expect(list.updates()).toBe(1);
    expect(list.vm.getSnapshot().offline).toBe(true);
  });
});
