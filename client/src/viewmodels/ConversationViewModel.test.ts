import type { PersonFacts } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type {
  ConversationSnapshot,
  RoomSnapshot,
  TimelineMessage,
} from "../matrix/sessionTypes.ts";
import { TEST_NOW, member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import {
  ConversationViewModel,
  type ConversationClock,
  type ConversationSource,
  type MessageRow,
  type NewcomerRow,
} from "./ConversationViewModel.ts";

const me = "@noor:hs";
const LOTTE = "@lotte:hs";
const ALEX = "@alex:hs";
const SAM = "@sam:hs";
const BANDS = new Map<string, PersonFacts>([
  [me, { ageBand: "13-15", ageVerified: true }],
  ["@peer:hs", { ageBand: "13-15", ageVerified: true }],
  [SAM, { ageBand: "8-12", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);

const message = (eventId: string, over: Partial<TimelineMessage> = {}): TimelineMessage => ({
  eventId,
  sender: LOTTE,
  timestamp: TEST_NOW - 10_000,
  kind: "text",
  body: eventId,
  sendState: "sent",
  ...over,
});

const dm = roomSnapshot({
  roomId: "!r",
  membership: "join",
  isDirect: true,
  members: [member(LOTTE, "Lotte")],
});

function fakeSource(
  messages: TimelineMessage[],
  self = me,
): ConversationSource & { emit: () => void; blockedUsers: string[] } {
  const listeners = new Set<() => void>();
  const conversation = (): ConversationSnapshot => ({
    roomId: "!r",
    name: "raw name, never shown",
    encrypted: true,
    members: [],
    messages,
    canLoadOlder: true,
  });
  return {
    userId: self,
    conversation,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: () => {
      for (const l of listeners) l();
    },
    sendText: vi.fn(() => Promise.reject(new Error("offline"))),
    retry: vi.fn(() => Promise.resolve()),
    loadOlder: vi.fn(() => Promise.resolve(false)),
    markRead: vi.fn(() => Promise.resolve()),
    leave: vi.fn(() => Promise.resolve()),
    block: vi.fn(() => Promise.resolve()),
    unblock: vi.fn(() => Promise.resolve()),
    blockedUsers: [],
    acceptMembers: vi.fn(() => Promise.resolve()),
  };
}

/** A clock the test moves, and the wake-ups the view model asked for. */
function fakeClock(start: number) {
  const wakes: { time: number; callback: () => void; cancelled: boolean }[] = [];
  let now = start;
  const clock: ConversationClock = {
    now: () => now,
    wakeAt: (time, callback) => {
      const wake = { time, callback, cancelled: false };
      wakes.push(wake);
      return () => {
        wake.cancelled = true;
      };
    },
  };
  return {
    clock,
    wakes,
    set: (time: number) => {
      now = time;
    },
  };
}

function open(
  source: ConversationSource,
  rooms: readonly RoomSnapshot[] = [dm],
  onClosed = vi.fn(),
  clock: ConversationClock = fakeClock(TEST_NOW).clock,
) {
  const test = testRooms({
    self: source.userId,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    rooms,
  });
  // The session's changes reach the view model through the store, as in the app.
  const vm = new ConversationViewModel(
    source,
    test.store,
    "!r",
    onClosed,
    undefined,
    undefined,
    clock,
  );
  return { vm, ...test };
}

const messages = (rows: ReturnType<ConversationViewModel["getSnapshot"]>["rows"]) =>
  rows.filter((row): row is MessageRow => row.type === "message");

describe("ConversationViewModel", () => {
  it("shows each run of unreadable messages as one row with its count", () => {
    const { vm } = open(
      fakeSource([
        message("$1", { kind: "undecryptable", body: "" }),
        message("$2", { kind: "undecryptable", body: "" }),
        message("$3"),
        message("$4", { kind: "undecryptable", body: "" }),
      ]),
    );
    expect(messages(vm.getSnapshot().rows).map((r) => [r.kind, r.count])).toEqual([
      ["undecryptable", 2],
      ["text", 1],
      ["undecryptable", 1],
    ]);
  });

  it("clears the draft on send and keeps going when sending fails (the message shows as failed)", async () => {
    const source = fakeSource([]);
    const { vm } = open(source);
    vm.setDraft("  hoi  ");
    await vm.send();
    expect(source.sendText).toHaveBeenCalledWith("!r", "hoi");
    expect(vm.getSnapshot().draft).toBe("");
  });

  it("sends a read receipt once per newest message", () => {
    const list = [message("$1")];
    const source = fakeSource(list);
    const { set } = open(source);
    set([dm]);
    expect(source.markRead).toHaveBeenCalledTimes(1);
    list.push(message("$2"));
    set([dm]);
    expect(source.markRead).toHaveBeenCalledTimes(2);
  });

  it("blocking stays in the chat, which then says so and offers to unblock", async () => {
    const source = fakeSource([]);
    const closed = vi.fn();
    const { vm, set } = open(source, [dm], closed);
    const others = vm.getSnapshot().others;
    expect(others).toEqual([
      { handle: "person-1", name: { kind: "name", label: "Lotte", userId: LOTTE }, blocked: false },
    ]);
    expect(vm.getSnapshot().state).toEqual({ kind: "open" });
    await vm.block(others[0]?.handle ?? "");
    expect(source.block).toHaveBeenCalledWith(LOTTE);
    expect(source.leave).not.toHaveBeenCalled();
    expect(closed).not.toHaveBeenCalled();

    // Blocked is what the session says (its ignored users), after its next change.
    source.blockedUsers.push(LOTTE);
    set([dm]);
    const blocked = vm.getSnapshot();
    expect(blocked.others[0]?.blocked).toBe(true);
    expect(blocked.state).toEqual({ kind: "blocked", people: blocked.others });

    await vm.unblock(blocked.others[0]?.handle ?? "");
    expect(source.unblock).toHaveBeenCalledWith(LOTTE);
    source.blockedUsers.length = 0;
    set([dm]);
    expect(vm.getSnapshot().state).toEqual({ kind: "open" });
  });

  it("a failed block says so and changes nothing", async () => {
    const source = fakeSource([]);
    source.block = vi.fn(() => Promise.reject(new Error("offline")));
    const { vm } = open(source);
    await vm.block(vm.getSnapshot().others[0]?.handle ?? "");
    expect(vm.getSnapshot().notice).toBe("conversation.actionFailed");
    expect(vm.getSnapshot().state).toEqual({ kind: "open" });
  });

  it("in a group, blocking one person keeps the group open and marks their announcement", () => {
    const group = roomSnapshot({
      roomId: "!r",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex", { since: TEST_NOW - 5_000 })],
    });
    const source = fakeSource([]);
    source.blockedUsers.push(ALEX);
    const { vm } = open(source, [group]);
    const view = vm.getSnapshot();
    expect(view.state).toEqual({ kind: "open" });
    expect(view.others.map((other) => other.blocked)).toEqual([false, true]);
    const newcomer = view.rows.find((row): row is NewcomerRow => row.type === "newcomer");
    expect(newcomer?.blocked).toBe(true);
  });

  it("when everyone else has left, it says nobody else is in it, and never who left", () => {
    const left = roomSnapshot({
      roomId: "!r",
      membership: "join",
      isDirect: true,
      members: [member(LOTTE, "Lotte", { membership: "left" })],
    });
    const { vm } = open(fakeSource([message("$1")]), [left]);
    const view = vm.getSnapshot();
    expect(view.state).toEqual({ kind: "alone" });
    expect(view.title).toEqual({ kind: "people", names: [] });
    expect(view.others).toEqual([]);
  });

  it("never shows a message that came unencrypted into an encrypted room", () => {
    const { vm } = open(fakeSource([message("$x", { kind: "not-encrypted", body: "" })]));
    expect(messages(vm.getSnapshot().rows)[0]).toMatchObject({ kind: "not-encrypted", body: "" });
  });

  it("announces an unknown adult added to a friends' chat, and keeps what he writes back until asked", async () => {
    const joinedLater = TEST_NOW - 5_000;
    const group = roomSnapshot({
      roomId: "!r",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex, 35", { since: joinedLater })],
    });
    const source = fakeSource([
      message("$hi", { sender: LOTTE, timestamp: TEST_NOW - 20_000 }),
      message("$alex1", { sender: ALEX, body: "stuur je een foto?", timestamp: TEST_NOW - 1_000 }),
    ]);
    const { vm, set } = open(source, [group]);
    const view = vm.getSnapshot();
    expect(JSON.stringify(view)).not.toContain("foto");
    expect(JSON.stringify(view)).not.toContain("Alex, 35");
    expect(view.rows.map((row) => row.type)).toEqual(["day", "message", "newcomer", "message"]);
    const newcomer = view.rows[2];
    expect(JSON.stringify(view)).not.toContain(ALEX);
    expect(newcomer).toMatchObject({
      type: "newcomer",
      relationship: "adult-stranger",
      canView: true,
      name: { kind: "unknown" },
    });
    expect(newcomer?.type === "newcomer" && newcomer.help).toContain("kindertelefoon");
    expect(messages(view.rows)[1]).toMatchObject({ kind: "hidden", body: "", canView: true });
    // Why he is announced and kept back: the room decision's rules, in a teen's words.
    const announcedWhy = newcomer?.type === "newcomer" ? newcomer.why : undefined;
    expect(announcedWhy?.audience).toBe("teen");
    expect(announcedWhy?.ruleIds).toContain("room/announce-strangers-joining");
    expect(messages(view.rows)[1]?.why).toEqual(announcedWhy);
    expect(messages(view.rows)[0]?.why).toBeUndefined();

    // "Show anyway": the choice is recorded; once the store knows, his messages show.
    await vm.viewMember(newcomer?.type === "newcomer" ? newcomer.handle : "");
    expect(source.acceptMembers).toHaveBeenCalledWith("!r", [ALEX]);
    set([{ ...group, acceptedMembers: [ALEX] }]);
    expect(messages(vm.getSnapshot().rows)[1]).toMatchObject({
      kind: "text",
      body: "stuur je een foto?",
    });
  });

  it("an 8-12 cannot open an unknown adult's messages in a group", () => {
    const group = roomSnapshot({
      roomId: "!r",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex", { since: TEST_NOW - 5_000 })],
      acceptedMembers: [ALEX],
    });
    const { vm } = open(
      fakeSource([message("hoi", { sender: ALEX, timestamp: TEST_NOW - 1_000 })], SAM),
      [group],
    );
    expect(messages(vm.getSnapshot().rows)[0]).toMatchObject({ kind: "hidden", canView: false });
    expect(messages(vm.getSnapshot().rows)[0]?.why?.audience).toBe("child");
  });

  it("keeps back messages from someone the room does not list", () => {
    const { vm } = open(fakeSource([message("ghost", { sender: "@ghost:hs" })]));
    expect(messages(vm.getSnapshot().rows)[0]).toMatchObject({ kind: "hidden", body: "" });
  });

  it("puts a date line before each day: today, yesterday, a weekday, a date (with the year when not this one)", () => {
    // Local times, so the test means the same in every time zone.
    const now = new Date(2026, 11, 10, 9, 30).getTime(); // Thursday 10 December 2026
    const at = (month: number, day: number, hour: number, year = 2026) =>
      new Date(year, month, day, hour).getTime();
    const { vm } = open(
      fakeSource([
        message("$old", { timestamp: at(10, 30, 12, 2025) }),
        message("$nov", { timestamp: at(10, 20, 12) }),
        message("$mon", { timestamp: at(11, 7, 12) }),
        message("$yesterday", { timestamp: at(11, 9, 23) }),
        message("$today1", { timestamp: at(11, 10, 0) }),
        message("$today2", { timestamp: at(11, 10, 9) }),
      ]),
      [dm],
      vi.fn(),
      fakeClock(now).clock,
    );
    expect(vm.getSnapshot().rows.map((row) => (row.type === "day" ? row.day : row.id))).toEqual([
      { kind: "date", timestamp: at(10, 30, 12, 2025), withYear: true },
      "$old",
      { kind: "date", timestamp: at(10, 20, 12), withYear: false },
      "$nov",
      { kind: "weekday", timestamp: at(11, 7, 12) },
      "$mon",
      { kind: "yesterday" },
      "$yesterday",
      { kind: "today" },
      "$today1",
      "$today2",
    ]);
  });

  it("turns today into yesterday at midnight, on a wake-up it asked for", () => {
    const now = new Date(2026, 11, 10, 23, 0).getTime();
    const time = fakeClock(now);
    const { vm } = open(
      fakeSource([message("$late", { timestamp: now - 60_000 })]),
      [dm],
      vi.fn(),
      time.clock,
    );
    expect(vm.getSnapshot().rows[0]).toMatchObject({ type: "day", day: { kind: "today" } });
    const midnight = new Date(2026, 11, 11).getTime();
    const wake = time.wakes.find((w) => w.time === midnight && !w.cancelled);
    expect(wake).toBeDefined();
    time.set(midnight + 1);
    wake?.callback();
    expect(vm.getSnapshot().rows[0]).toMatchObject({ type: "day", day: { kind: "yesterday" } });
    vm.dispose();
    expect(time.wakes.at(-1)?.cancelled).toBe(true);
  });

  it("groups runs by the same sender a few minutes apart; in a group the first of a run names them", () => {
    const group = roomSnapshot({
      roomId: "!r",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(SAM, "Sam")],
    });
    const base = TEST_NOW - 3_600_000;
    const { vm } = open(
      fakeSource([
        message("$l1", { sender: LOTTE, timestamp: base }),
        message("$l2", { sender: LOTTE, timestamp: base + 60_000 }),
        message("$s1", { sender: SAM, timestamp: base + 120_000 }),
        message("$s2", { sender: SAM, timestamp: base + 120_000 + 6 * 60_000 }),
        message("$me", { sender: me, timestamp: base + 900_000 }),
        message("$me2", { sender: me, timestamp: base + 960_000 }),
      ]),
      [group],
    );
    expect(
      messages(vm.getSnapshot().rows).map((row) => [row.id, row.continues, row.showSender]),
    ).toEqual([
      ["$l1", false, true],
      ["$l2", true, false],
      ["$s1", false, true],
      ["$s2", false, true],
      ["$me", false, false],
      ["$me2", true, false],
    ]);
  });

  it("in a direct chat nobody's name sits above the bubbles (the header says who it is)", () => {
    const { vm } = open(fakeSource([message("$1"), message("$2", { timestamp: TEST_NOW })]));
    expect(messages(vm.getSnapshot().rows).map((row) => row.showSender)).toEqual([false, false]);
  });

  it("a look-alike warning comes with the name it is about, not beside a name kept back", () => {
    const group = (displayName: string, userId: string) =>
      roomSnapshot({
        roomId: "!r",
        membership: "join",
        members: [member(LOTTE, "Lotte"), member(userId, displayName, { since: TEST_NOW - 5_000 })],
      });
    const newcomerOf = (rooms: readonly RoomSnapshot[]) =>
      open(fakeSource([]), rooms)
        .vm.getSnapshot()
        .rows.find((row): row is NewcomerRow => row.type === "newcomer");
    // A teen of Noor's age: her name may show, and with it that it looks like Lotte's.
    const peer = newcomerOf([group("L0tte", "@peer:hs")]);
    // Age unknown: the name is kept back, so there is no name to compare.
    const unverified = newcomerOf([group("L0tte", "@unverified:hs")]);
    expect(peer?.name.kind).toBe("name");
    expect(peer?.notices.map((n) => n.id)).toContain("name-resembles-contact");
    expect(unverified?.name).toMatchObject({ kind: "unknown" });
    expect(unverified?.notices.map((n) => n.id)).toEqual(["stranger-joined"]);
  });
});
