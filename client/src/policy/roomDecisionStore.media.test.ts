// The decision store's media decisions: read from one place, decided once per
// change of facts, and decided again when a decision stops holding (the end
// of "recently accepted"), with subscribers told.

import type {
  IncomingMediaDecision,
  IncomingMediaRequest,
  PersonFacts,
} from "@safety-by-design/policy-engine";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConversationOriginRecord } from "../matrix/sessionTypes.ts";
import { createRoomDecisionStore } from "./roomDecisionStore.ts";
import { TEST_NOW, member, roomSnapshot, testRooms } from "./testKit.ts";

const NOOR = "@noor:hs";
const SAM = "@sam:hs";
const LOTTE = "@lotte:hs";
const ALEX = "@alex:hs";
const HOUR = 3_600_000;
const BANDS = new Map<string, PersonFacts>([
  [NOOR, { ageBand: "13-15", ageVerified: true }],
  [SAM, { ageBand: "8-12", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);
const dm = (userId: string, name: string) =>
  roomSnapshot({
    roomId: `!dm-${userId}`,
    membership: "join",
    isDirect: true,
    members: [member(userId, name)],
  });
const group = roomSnapshot({
  roomId: "!group",
  membership: "join",
  members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
});
const longAgo: ConversationOriginRecord = {
  origin: "in-person",
  acceptedAt: TEST_NOW - 400 * 24 * HOUR,
};

function session(self: string, options: { contacts?: readonly string[]; now?: () => number } = {}) {
  const contacts = new Map((options.contacts ?? [LOTTE]).map((id) => [id, id.slice(1, 5)]));
  return testRooms({
    self,
    bands: BANDS,
    contacts,
    rooms: [dm(LOTTE, "Lotte"), dm(ALEX, "Alex"), group],
    origins: new Map([
      [LOTTE, longAgo],
      [ALEX, { origin: "accepted-request", acceptedAt: TEST_NOW - HOUR }],
    ]),
    ...(options.now === undefined ? {} : { clock: options.now }),
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("roomDecisionStore: media", () => {
  it("Noor and Lotte are contacts: Lotte's photo shows, Noor's is sent without a notice (and without an unsend tray)", () => {
    const { store } = session(NOOR);
    expect(store.incomingMedia(`!dm-${LOTTE}`, LOTTE, "image")).toMatchObject({
      effect: "show",
      actions: [],
    });
    expect(store.outgoingMedia(`!dm-${LOTTE}`, "image")).toMatchObject({
      effect: "send",
      unsend: false,
      unsendCaveat: null,
    });
  });

  it("a stranger's photo waits for Noor's tap; Sam (8-12) cannot view it at all", () => {
    const noor = session(NOOR, { contacts: [LOTTE] }).store;
    expect(noor.incomingMedia("!group", ALEX, "image")).toMatchObject({
      effect: "tap-to-download",
      blurred: true,
      relationship: "adult-stranger",
    });
    const sam = session(SAM, { contacts: [LOTTE] }).store;
    expect(sam.incomingMedia("!group", ALEX, "image")).toMatchObject({
      effect: "not-viewable",
      actions: ["block", "report", "get-help", "why"],
    });
  });

  it("Noor sends a photo to Alex, accepted an hour ago: think first", () => {
    const { store } = session(NOOR, { contacts: [LOTTE, ALEX] });
    expect(store.outgoingMedia(`!dm-${ALEX}`, "image")).toMatchObject({
      effect: "think-first",
      relationships: ["recently-accepted"],
      notices: [{ id: "media-think-first", copyKey: "notice.mediaThinkFirst.teen13" }],
    });
  });

  it("asks the engine once per change of facts, per room, sender and kind", () => {
    const { gateway, set } = session(NOOR);
    const decideIncomingMedia = vi.fn((request: IncomingMediaRequest): IncomingMediaDecision =>
      gateway.decideIncomingMedia(request),
    );
    let rooms = [dm(LOTTE, "Lotte"), group];
    const listeners = new Set<() => void>();
    const store = createRoomDecisionStore(
      {
        rooms: () => rooms,
        subscribe: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      { ...gateway, decideIncomingMedia },
    );
    const first = store.incomingMedia("!group", ALEX, "image");
    expect(store.incomingMedia("!group", ALEX, "image")).toBe(first);
    expect(decideIncomingMedia).toHaveBeenCalledTimes(1);
    store.incomingMedia("!group", ALEX, "file");
    store.incomingMedia("!group", LOTTE, "image");
    expect(decideIncomingMedia).toHaveBeenCalledTimes(3);
    // A sync that changes nothing about people changes nothing.
    rooms = [dm(LOTTE, "Lotte"), { ...group, unreadCount: 4 }];
    for (const listener of listeners) listener();
    store.incomingMedia("!group", ALEX, "image");
    expect(decideIncomingMedia).toHaveBeenCalledTimes(3);
    // The group turning into a direct chat is a new fact.
    rooms = [dm(LOTTE, "Lotte"), { ...group, isDirect: true }];
    for (const listener of listeners) listener();
    store.incomingMedia("!group", ALEX, "image");
    expect(decideIncomingMedia).toHaveBeenCalledTimes(4);
    set([]);
  });

  it("decides again when 'recently accepted' ends, and tells subscribers then", () => {
    vi.useFakeTimers();
    let now = TEST_NOW;
    const { store } = session(NOOR, { contacts: [LOTTE, ALEX], now: () => now });
    const before = store.incomingMedia(`!dm-${ALEX}`, ALEX, "image");
    expect(before.effect).toBe("tap-to-download");
    expect(before.until).toBe(TEST_NOW - HOUR + 168 * HOUR);
    const told = vi.fn();
    store.subscribe(told);
    now = before.until ?? 0;
    vi.advanceTimersByTime(167 * HOUR);
    expect(told).toHaveBeenCalled();
    expect(store.incomingMedia(`!dm-${ALEX}`, ALEX, "image")).toMatchObject({
      effect: "show",
      until: null,
    });
    store.dispose();
  });

  it("an unknown room fails closed: a think-first notice and the visible policy error", () => {
    const { store } = session(NOOR);
    expect(store.outgoingMedia("!nowhere", "image")).toMatchObject({
      effect: "think-first",
      failedClosed: true,
      notices: [{ id: "policy-error" }],
    });
  });
});
