import type { PersonFacts } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import { RequestViewModel, type RequestSource } from "./RequestViewModel.ts";
import type { TimelineMessage } from "../matrix/sessionTypes.ts";

/** What an unknown person's held-aside request said (the person never saw it). */
const UNSEEN: readonly TimelineMessage[] = [
  {
    eventId: "$unseen1",
    sender: "@sanne:hs",
    timestamp: 1,
    kind: "text",
    body: "Stuur een foto van jezelf",
    sendState: "sent",
  },
];

const NOOR = "@noor:hs";
const SAM = "@sam:hs";
const LOTTE = "@lotte:hs";
const ALEX = "@alex:hs";
const BANDS = new Map<string, PersonFacts>([
  [NOOR, { ageBand: "13-15", ageVerified: true }],
  ["@classmate:hs", { ageBand: "13-15", ageVerified: true }],
  [SAM, { ageBand: "8-12", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);

// Sanne is unverified: a request Noor may accept after reading.
const direct = roomSnapshot({
  roomId: "!req",
  isDirect: true,
  members: [member("@sanne:hs", "Sanne")],
});

function setUp(
  recordConversationOrigin: RequestSource["recordConversationOrigin"],
  options: { self?: string; rooms?: Parameters<typeof testRooms>[0]["rooms"] } = {},
) {
  const calls: string[] = [];
  const source: RequestSource = {
    join: vi.fn((roomId: string) => {
      calls.push(`join ${roomId}`);
      return Promise.resolve();
    }),
    acceptMembers: vi.fn((roomId: string, userIds: readonly string[]) => {
      calls.push(`accept ${roomId} ${userIds.join(",")}`);
      return Promise.resolve();
    }),
    recordConversationOrigin: vi.fn((roomId: string, origin: "accepted-request") => {
      calls.push(`record ${roomId} ${origin}`);
      return recordConversationOrigin(roomId, origin);
    }),
    leave: vi.fn((roomId: string) => {
      calls.push(`leave ${roomId}`);
      return Promise.resolve();
    }),
    block: vi.fn((userId: string) => {
      calls.push(`block ${userId}`);
      return Promise.resolve();
    }),
    declinedRequestMessages: vi.fn((roomId: string) => {
      calls.push(`read ${roomId}`);
      return Promise.resolve(UNSEEN);
    }),
  };
  const { store } = testRooms({
    self: options.self ?? NOOR,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    rooms: options.rooms ?? [direct],
  });
  const openConversation = vi.fn();
  const roomId = (options.rooms ?? [direct])[0]?.roomId ?? "!req";
  const vm = new RequestViewModel(source, store, roomId, { back: vi.fn(), openConversation });
  return { vm, calls, openConversation };
}

const group = roomSnapshot({
  roomId: "!group",
  name: { value: "Klas 2B", setBy: LOTTE },
  members: [member(LOTTE, "Lotte"), member(ALEX, "Alex 35"), member("@mark:hs", "Mark")],
});

describe("RequestViewModel", () => {
  it("on accept, joins, records whom the person chose to see, then that the request was accepted", async () => {
    const t = setUp(() => Promise.resolve());
    const view = t.vm.getSnapshot();
    expect(view.found && view.choices).toContain("accept");
    await t.vm.accept();
    expect(t.calls).toEqual(["join !req", "accept !req @sanne:hs", "record !req accepted-request"]);
    expect(t.openConversation).toHaveBeenCalledWith("!req");
  });

  it("opens the conversation even if recording the origin fails (it then reads as unknown)", async () => {
    const t = setUp(() => Promise.reject(new Error("offline")));
    await t.vm.accept();
    expect(t.openConversation).toHaveBeenCalledWith("!req");
  });

  it("offers the engine's help with the request (the compact help row renders these)", () => {
    const view = setUp(() => Promise.resolve()).vm.getSnapshot();
    expect(view.found && view.help).toContain("kindertelefoon");
  });

  it("shows a 13-15 the group safety overview: who invited, who made it, who is unknown", () => {
    const view = setUp(() => Promise.resolve(), { rooms: [group] }).vm.getSnapshot();
    if (!view.found) throw new Error("no request");
    expect(view.presentation).toBe("overview");
    expect(view.inviter).toEqual({ kind: "name", label: "Lotte", userId: LOTTE });
    expect(view.overview?.title).toEqual({ kind: "name", text: "Klas 2B", flagged: false });
    expect(view.overview?.creator).toEqual({ kind: "name", label: "Lotte", userId: LOTTE });
    // Strangers first, with what the engine knows about them; names readable once opened.
    expect(view.overview?.members.map((m) => m.relationship)).toEqual([
      "adult-stranger",
      "unverified-stranger",
      "contact",
    ]);
    expect(view.notices.map((n) => n.id)).toContain("group-with-strangers");
    expect(view.choices).toContain("accept");
  });

  it("holds the same group aside for an 8-12: no join, no stranger's name", () => {
    const samsGroup = roomSnapshot({
      roomId: "!group",
      name: { value: "Klas 6", setBy: ALEX },
      members: [member(LOTTE, "Lotte"), member(ALEX, "Hoi lieverd, ik ben 12")],
    });
    const view = setUp(() => Promise.resolve(), {
      self: SAM,
      rooms: [samsGroup],
    }).vm.getSnapshot();
    if (!view.found) throw new Error("no request");
    expect(view.presentation).toBe("filtered");
    expect(view.choices).not.toContain("accept");
    expect(JSON.stringify(view)).not.toContain("lieverd");
    // The adult named the group: that name is his content, and stays hidden.
    expect(view.overview?.title).toEqual({ kind: "hidden" });
  });

  it("explains the group overview in words for the reader's band: a child's for Sam, a teen's for Noor", () => {
    const noor = setUp(() => Promise.resolve(), { rooms: [group] }).vm.getSnapshot();
    const sam = setUp(() => Promise.resolve(), { self: SAM, rooms: [group] }).vm.getSnapshot();
    if (!noor.found || !sam.found) throw new Error("no request");
    expect(noor.why.audience).toBe("teen");
    expect(sam.why.audience).toBe("child");
    for (const view of [noor, sam]) {
      expect(view.why.ruleIds).toContain("room/strangers-inside-need-overview");
      expect(view.why.pack).toMatch(/^nl-default /);
    }
  });

  it("where the engine asks to read before accepting, saying no leads and accepting comes last", () => {
    // Sanne's age is not verified: Noor (13-15) may accept only after reading.
    const view = setUp(() => Promise.resolve()).vm.getSnapshot();
    if (!view.found) throw new Error("no request");
    expect(view.offered).toContain("accept-after-reading");
    expect(view.primary).toBe("decline");
    expect(view.choices).toEqual(["ignore", "block", "accept"]);
  });

  it("where the engine offers accepting plainly, accepting leads", () => {
    // Lotte's classmate, a verified 13-15 Noor does not know: accept is offered as is.
    const peer = roomSnapshot({
      roomId: "!peer",
      isDirect: true,
      members: [member("@classmate:hs", "Mila")],
    });
    const t = setUp(() => Promise.resolve(), { rooms: [peer] });
    const view = t.vm.getSnapshot();
    if (!view.found) throw new Error("no request");
    expect(view.offered).toContain("accept");
    expect(view.primary).toBe("accept");
    expect(view.choices[0]).toBe("accept");
  });

  it("for an 8-12 without accept: only the ways to say no, the gentlest first", () => {
    const sams = roomSnapshot({ roomId: "!sam", isDirect: true, members: [member(ALEX, "Alex")] });
    const view = setUp(() => Promise.resolve(), { self: SAM, rooms: [sams] }).vm.getSnapshot();
    if (!view.found) throw new Error("no request");
    expect(view.primary).toBe("decline");
    // Reporting is not wired up in this test: no "report" without somewhere to send it.
    expect(view.choices).toEqual(["ignore", "block"]);
  });

  it("offers report where the engine offers block-and-report and reporting is wired up", () => {
    const { store } = testRooms({ self: NOOR, bands: BANDS, rooms: [direct] });
    const vm = new RequestViewModel(
      {
        join: vi.fn(),
        acceptMembers: vi.fn(),
        recordConversationOrigin: vi.fn(),
        leave: vi.fn(),
        block: vi.fn(),
        declinedRequestMessages: vi.fn(),
      },
      store,
      "!req",
      { back: vi.fn(), openConversation: vi.fn(), report: vi.fn() },
    );
    const view = vm.getSnapshot();
    expect(view.found && view.choices).toEqual(["ignore", "block", "report", "accept"]);
  });

  it("reports a request with what it said: declined, read, then blocked, and the messages go to the sheet only", async () => {
    const { store } = testRooms({ self: NOOR, bands: BANDS, rooms: [direct] });
    const calls: string[] = [];
    const report = vi.fn();
    const vm = new RequestViewModel(
      {
        join: vi.fn(),
        acceptMembers: vi.fn(),
        recordConversationOrigin: vi.fn(),
        leave: vi.fn(() => {
          calls.push("leave");
          return Promise.resolve();
        }),
        block: vi.fn(() => {
          calls.push("block");
          return Promise.resolve();
        }),
        declinedRequestMessages: vi.fn(() => {
          calls.push("read");
          return Promise.resolve(UNSEEN);
        }),
      },
      store,
      "!req",
      { back: vi.fn(), openConversation: vi.fn(), report },
    );
    await vm.blockAndReport();
    // An invited account may read nothing; a blocked sender's messages are hidden.
    expect(calls).toEqual(["leave", "read", "block"]);
    expect(report).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "request", roomId: "!req", unseen: UNSEEN }),
    );
    expect(JSON.stringify(vm.getSnapshot())).not.toContain("Stuur een foto");
  });

  it("still blocks and reports when the messages cannot be read", async () => {
    const { store } = testRooms({ self: NOOR, bands: BANDS, rooms: [direct] });
    const block = vi.fn(() => Promise.resolve());
    const report = vi.fn();
    const vm = new RequestViewModel(
      {
        join: vi.fn(),
        acceptMembers: vi.fn(),
        recordConversationOrigin: vi.fn(),
        leave: vi.fn(() => Promise.resolve()),
        block,
        declinedRequestMessages: vi.fn(() => Promise.reject(new Error("offline"))),
      },
      store,
      "!req",
      { back: vi.fn(), openConversation: vi.fn(), report },
    );
    await vm.blockAndReport();
    expect(block).toHaveBeenCalled();
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ unseen: [] }));
  });
});
