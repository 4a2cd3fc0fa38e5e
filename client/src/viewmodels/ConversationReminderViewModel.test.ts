import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type {
  ConversationOriginRecord,
  ConversationSnapshot,
  MemberSummary,
} from "../matrix/sessionTypes.ts";
import { ageFactsFromVerified } from "../policy/ageFacts.ts";
import { conversationNoticeDecider } from "../policy/decideConversationNotices.ts";
import {
  ConversationReminderViewModel,
  wakeAtWithTimers,
  type ConversationReminderSource,
  type WakeAt,
} from "./ConversationReminderViewModel.ts";
import { testRooms } from "../policy/testKit.ts";
import { ConversationViewModel, type ConversationSource } from "./ConversationViewModel.ts";

const NOOR = "@noor:hs";
const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 23, 12);

const member = (userId: string, name: string): MemberSummary => ({
  userId,
  name,
  label: name,
  disambiguated: false,
  membership: "join",
});

/** A fake session with a settable origin, and a clock the test moves. */
function setUp(others: MemberSummary[], recorded: ConversationOriginRecord | undefined) {
  let now = START;
  const listeners = new Set<() => void>();
  const state = { recorded, others };
  const source: ConversationReminderSource & { emit: () => void } = {
    userId: NOOR,
    conversation: (roomId): ConversationSnapshot => ({
      roomId,
      name: "chat",
      encrypted: true,
      members: [member(NOOR, "Noor"), ...state.others],
      messages: [],
      canLoadOlder: false,
    }),
    conversationOrigin: () => state.recorded,
    joinedAt: () => START,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: () => {
      for (const listener of listeners) listener();
    },
  };
  // No verified bands (as in the app today): everyone is "unverified"; nl-default keeps
  // the reminder for 72 hours after an unverified reader accepts an unverified account.
  const decide = conversationNoticeDecider({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock: () => now,
    ages: ageFactsFromVerified(NOOR, new Map()),
    resemblesContact: () => false,
    resemblesHelpService: () => false,
  });
  const wakes: { time: number; callback: () => void; cancelled: boolean }[] = [];
  const wakeAt: WakeAt = (time, callback) => {
    const wake = { time, callback, cancelled: false };
    wakes.push(wake);
    return () => {
      wake.cancelled = true;
    };
  };
  return {
    source,
    decide,
    wakeAt,
    wakes,
    state,
    advanceTo: (time: number) => {
      now = time;
    },
  };
}

describe("ConversationReminderViewModel", () => {
  it("shows the engine's reminder, its help and its reasons after accepting a request", () => {
    const t = setUp([member("@alex:hs", "Alex")], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    const view = vm.getSnapshot();
    expect(view.notices).toEqual([
      {
        id: "recently-accepted-unknown-adult",
        severity: "caution",
        copyKey: "notice.recentlyAcceptedUnknownAdult.general",
      },
    ]);
    expect(view.help).toContain("kindertelefoon");
    expect(view.why.ruleIds).toEqual(["conversation-notice/recently-accepted-stranger"]);
    expect(view.why.pack).toMatch(/^nl-default /);
    vm.dispose();
  });

  it("writes its 'why' for the reader's band (unknown: the general words)", () => {
    const t = setUp([member("@alex:hs", "Alex")], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    const child = new ConversationReminderViewModel(
      t.source,
      t.decide,
      "!r",
      t.wakeAt,
      undefined,
      () => "8-12",
    );
    expect(child.getSnapshot().why.audience).toBe("child");
    const unknown = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    expect(unknown.getSnapshot().why.audience).toBe("teen");
    child.dispose();
    unknown.dispose();
  });

  it("goes away by itself when the engine's window ends", () => {
    const t = setUp([member("@alex:hs", "Alex")], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    const listener = vi.fn();
    vm.subscribe(listener);
    const wake = t.wakes.at(-1);
    expect(wake?.time).toBe(START + 72 * HOUR);
    t.advanceTo(START + 72 * HOUR);
    wake?.callback();
    expect(vm.getSnapshot().notices).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(1);
    vm.dispose();
  });

  it("counts the window from when a stranger appeared, not from when the chat began", () => {
    // Noor accepted a group eight days ago; someone unknown was added an hour ago.
    const appeared = START + 8 * 24 * HOUR;
    const t = setUp([{ ...member("@alex:hs", "Alex"), since: appeared }], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    t.advanceTo(appeared + HOUR);
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    expect(vm.getSnapshot().notices.map((notice) => notice.id)).toEqual([
      "recently-accepted-unknown-adult",
    ]);
    expect(t.wakes.at(-1)?.time).toBe(appeared + 72 * HOUR);
    vm.dispose();
  });

  it("shows nothing in a chat the person started", () => {
    const t = setUp([member("@alex:hs", "Alex")], {
      origin: "started-by-me",
      acceptedAt: START,
    });
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    expect(vm.getSnapshot().notices).toEqual([]);
    expect(t.wakes).toEqual([]);
    vm.dispose();
  });

  it("treats a conversation with no recorded origin protectively, and updates when one arrives", () => {
    const t = setUp([member("@alex:hs", "Alex")], undefined);
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    expect(vm.getSnapshot().notices).toHaveLength(1);
    t.state.recorded = { origin: "started-by-me", acceptedAt: START };
    t.source.emit();
    expect(vm.getSnapshot().notices).toEqual([]);
    expect(t.wakes.every((w) => w.cancelled)).toBe(true);
    vm.dispose();
  });

  it("in a group, asks about each other person and shows each notice once", () => {
    const t = setUp([member("@a:hs", "A"), member("@b:hs", "B")], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    expect(vm.getSnapshot().notices.map((n) => n.id)).toEqual(["recently-accepted-unknown-adult"]);
    expect(vm.getSnapshot().help).toEqual([...new Set(vm.getSnapshot().help)]);
    vm.dispose();
  });

  it("does not publish a new snapshot when nothing shown changed", () => {
    const t = setUp([member("@alex:hs", "Alex")], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    const vm = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    const listener = vi.fn();
    vm.subscribe(listener);
    t.source.emit();
    expect(listener).not.toHaveBeenCalled();
    vm.dispose();
  });

  it("is disposed with its conversation, cancelling its wake-up", () => {
    const t = setUp([member("@alex:hs", "Alex")], {
      origin: "accepted-request",
      acceptedAt: START,
    });
    const reminder = new ConversationReminderViewModel(t.source, t.decide, "!r", t.wakeAt);
    const conversationSource = {
      ...t.source,
      sendText: () => Promise.resolve("$1"),
      retry: () => Promise.resolve(),
      loadOlder: () => Promise.resolve(false),
      markRead: () => Promise.resolve(),
      leave: () => Promise.resolve(),
      block: () => Promise.resolve(),
      unblock: () => Promise.resolve(),
      blockedUsers: [],
      acceptMembers: () => Promise.resolve(),
    } satisfies ConversationSource;
    const { store } = testRooms({ self: "@noor:hs", bands: new Map(), rooms: [] });
    const conversation = new ConversationViewModel(
      conversationSource,
      store,
      "!r",
      () => undefined,
      reminder,
    );
    expect(conversation.reminder).toBe(reminder);
    conversation.dispose();
    expect(t.wakes.at(-1)?.cancelled).toBe(true);
  });
});

describe("wakeAtWithTimers", () => {
  it("calls back when the time comes, and not after cancel", () => {
    vi.useFakeTimers();
    try {
      let now = 1_000;
      const wakeAt = wakeAtWithTimers(() => now);
      const first = vi.fn();
      const second = vi.fn();
      wakeAt(6_000, first);
      const cancel = wakeAt(6_000, second);
      cancel();
      now = 5_999;
      vi.advanceTimersByTime(4_999);
      expect(first).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(first).toHaveBeenCalledOnce();
      expect(second).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
