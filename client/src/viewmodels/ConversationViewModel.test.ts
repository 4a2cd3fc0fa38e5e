import type { PersonFacts } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { ConversationSnapshot, RoomSnapshot, TimelineMessage } from "../matrix/chatSession.ts";
import { TEST_NOW, member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import {
  ConversationViewModel,
  type ConversationSource,
  type MessageRow,
} from "./ConversationViewModel.ts";

const me = "@noor:hs";
const LOTTE = "@lotte:hs";
const ALEX = "@alex:hs";
const SAM = "@sam:hs";
const BANDS = new Map<string, PersonFacts>([
  [me, { ageBand: "13-15", ageVerified: true }],
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
): ConversationSource & { emit: () => void } {
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
    acceptMembers: vi.fn(() => Promise.resolve()),
  };
}

function open(
  source: ConversationSource,
  rooms: readonly RoomSnapshot[] = [dm],
  onClosed = vi.fn(),
) {
  const test = testRooms({
    self: source.userId,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    rooms,
  });
  // The session's changes reach the view model through the store, as in the app.
  const vm = new ConversationViewModel(source, test.store, "!r", onClosed);
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

  it("blocking leaves the conversation and closes it", async () => {
    const source = fakeSource([]);
    const closed = vi.fn();
    const { vm } = open(source, [dm], closed);
    const others = vm.getSnapshot().others;
    expect(others.map((o) => o.name)).toEqual([{ kind: "name", label: "Lotte", userId: LOTTE }]);
    await vm.block(others[0]?.handle ?? "");
    expect(source.block).toHaveBeenCalledWith(LOTTE);
    expect(source.leave).toHaveBeenCalledWith("!r");
    expect(closed).toHaveBeenCalled();
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
    expect(view.rows.map((row) => row.type)).toEqual(["message", "newcomer", "message"]);
    const newcomer = view.rows[1];
    expect(JSON.stringify(view)).not.toContain(ALEX);
    expect(newcomer).toMatchObject({
      type: "newcomer",
      relationship: "adult-stranger",
      canView: true,
      name: { kind: "unknown" },
    });
    expect(newcomer?.type === "newcomer" && newcomer.help).toContain("kindertelefoon");
    expect(messages(view.rows)[1]).toMatchObject({ kind: "hidden", body: "", canView: true });

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
  });

  it("keeps back messages from someone the room does not list", () => {
    const { vm } = open(fakeSource([message("ghost", { sender: "@ghost:hs" })]));
    expect(messages(vm.getSnapshot().rows)[0]).toMatchObject({ kind: "hidden", body: "" });
  });
});
