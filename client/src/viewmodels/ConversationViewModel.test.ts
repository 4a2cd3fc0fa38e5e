import { describe, expect, it, vi } from "vitest";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/chatSession.ts";
import { ConversationViewModel, type ConversationSource } from "./ConversationViewModel.ts";

const me = "@noor:hs";
const message = (eventId: string, over: Partial<TimelineMessage> = {}): TimelineMessage => ({
  eventId,
  sender: "@lotte:hs",
  timestamp: 1,
  kind: "text",
  body: eventId,
  sendState: "sent",
  ...over,
});

function fakeSource(messages: TimelineMessage[]): ConversationSource & { emit: () => void } {
  const listeners = new Set<() => void>();
  const conversation = (): ConversationSnapshot => ({
    roomId: "!r",
    name: "Lotte",
    encrypted: true,
    members: [
      { userId: me, name: "Noor", label: "Noor", disambiguated: false, membership: "join" },
      {
        userId: "@lotte:hs",
        name: "Lotte",
        label: "Lotte",
        disambiguated: false,
        membership: "join",
      },
    ],
    messages,
    canLoadOlder: true,
  });
  return {
    userId: me,
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
  };
}

describe("ConversationViewModel", () => {
  it("shows each run of unreadable messages as one row with its count", () => {
    const vm = new ConversationViewModel(
      fakeSource([
        message("$1", { kind: "undecryptable", body: "" }),
        message("$2", { kind: "undecryptable", body: "" }),
        message("$3"),
        message("$4", { kind: "undecryptable", body: "" }),
      ]),
      "!r",
      vi.fn(),
    );
    expect(vm.getSnapshot().rows.map((r) => [r.kind, r.count])).toEqual([
      ["undecryptable", 2],
      ["text", 1],
      ["undecryptable", 1],
    ]);
  });

  it("clears the draft on send and keeps going when sending fails (the message shows as failed)", async () => {
    const source = fakeSource([]);
    const vm = new ConversationViewModel(source, "!r", vi.fn());
    vm.setDraft("  hoi  ");
    await vm.send();
    expect(source.sendText).toHaveBeenCalledWith("!r", "hoi");
    expect(vm.getSnapshot().draft).toBe("");
  });

  it("sends a read receipt once per newest message", () => {
    const messages = [message("$1")];
    const source = fakeSource(messages);
    new ConversationViewModel(source, "!r", vi.fn());
    source.emit();
    expect(source.markRead).toHaveBeenCalledTimes(1);
    messages.push(message("$2"));
    source.emit();
    expect(source.markRead).toHaveBeenCalledTimes(2);
  });

  it("blocking leaves the conversation and closes it", async () => {
    const source = fakeSource([]);
    const closed = vi.fn();
    const vm = new ConversationViewModel(source, "!r", closed);
    expect(vm.getSnapshot().others.map((o) => o.userId)).toEqual(["@lotte:hs"]);
    await vm.block("@lotte:hs");
    expect(source.block).toHaveBeenCalledWith("@lotte:hs");
    expect(source.leave).toHaveBeenCalledWith("!r");
    expect(closed).toHaveBeenCalled();
  });
});
