// View-model layer: images and files in a conversation follow the engine's
// `media` decision from the session's store (the real engine and nl-default
// here): a contact's picture loads when on screen; an accepted stranger's
// waits for the tap and comes blurred; a kept-back stranger's is not even a
// row with media; nothing is ever fetched before the decision allows it.
import type { PersonFacts } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { MediaDisplay } from "../media/mediaDisplay.ts";
import type { TimelineMedia } from "../matrix/mediaTypes.ts";
import type {
  ConversationSnapshot,
  RoomSnapshot,
  TimelineMessage,
} from "../matrix/sessionTypes.ts";
import { TEST_NOW, member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import {
  ConversationViewModel,
  type ConversationSource,
  type MessageRow,
} from "./ConversationViewModel.ts";

const me = "@noor:hs";
const LOTTE = "@lotte:hs";
const PEER = "@peer:hs";
const ALEX = "@alex:hs";
const BANDS = new Map<string, PersonFacts>([
  [me, { ageBand: "13-15", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [PEER, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);

const photo: TimelineMedia = {
  kind: "image",
  display: "picture",
  mimetype: "image/jpeg",
  size: 50_000,
  width: 800,
  height: 600,
  name: "foto.jpg",
  problem: undefined,
};

const image = (eventId: string, sender: string): TimelineMessage => ({
  eventId,
  sender,
  timestamp: TEST_NOW - 10_000,
  kind: "text",
  body: "foto.jpg",
  sendState: "sent",
  media: photo,
});

function open(messages: TimelineMessage[], room: RoomSnapshot) {
  const downloads: string[] = [];
  const source: ConversationSource = {
    userId: me,
    conversation: (): ConversationSnapshot => ({
      roomId: "!r",
      name: "",
      encrypted: true,
      members: [],
      messages,
      canLoadOlder: false,
    }),
    subscribe: () => () => undefined,
    sendText: vi.fn(() => Promise.resolve("$sent")),
    retry: vi.fn(() => Promise.resolve()),
    loadOlder: vi.fn(() => Promise.resolve(false)),
    markRead: vi.fn(() => Promise.resolve()),
    leave: vi.fn(() => Promise.resolve()),
    block: vi.fn(() => Promise.resolve()),
    unblock: vi.fn(() => Promise.resolve()),
    blockedUsers: [],
    acceptMembers: vi.fn(() => Promise.resolve()),
    downloadMedia: (_roomId, eventId) => {
      downloads.push(eventId);
      return Promise.resolve({ bytes: new Uint8Array([1]), mimetype: "image/jpeg" });
    },
  };
  const display: MediaDisplay = {
    picture: () => Promise.resolve({ bitmap: {} as ImageBitmap, width: 400, height: 300 }),
    release: () => undefined,
    save: () => undefined,
  };
  const steps: string[] = [];
  const { store } = testRooms({
    self: me,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    // Friends for a month, made in person: a long-standing contact.
    origins: new Map([[LOTTE, { origin: "in-person", acceptedAt: TEST_NOW - 30 * 86_400_000 }]]),
    rooms: [room],
  });
  const vm = new ConversationViewModel(
    source,
    store,
    "!r",
    () => undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    display,
    undefined,
    (back) => {
      steps.push("open");
      backs.push(back);
      return { leave: () => steps.push("leave") };
    },
  );
  const backs: (() => void)[] = [];
  const row = (eventId: string): MessageRow | undefined =>
    vm.getSnapshot().rows.find((r): r is MessageRow => r.type === "message" && r.id === eventId);
  return { vm, row, downloads, steps, backs };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("images in a conversation, as the media decision allows", () => {
  it("loads a contact's photo once it is on screen, without a tap or a warning", async () => {
    const dm = roomSnapshot({
      roomId: "!r",
      membership: "join",
      isDirect: true,
      members: [member(LOTTE, "Lotte")],
    });
    const { vm, row, downloads } = open([image("$l", LOTTE)], dm);
    expect(row("$l")?.media?.state).toEqual({ kind: "waiting", tap: false });
    expect(row("$l")?.media?.notices).toEqual([]);
    expect(downloads).toEqual([]);
    vm.mediaVisible("$l");
    await settle();
    expect(downloads).toEqual(["$l"]);
    expect(row("$l")?.media?.state).toMatchObject({ kind: "picture", blurred: false });
    vm.dispose();
  });

  it("keeps an accepted stranger's photo until the tap, with a warning, then shows it blurred", async () => {
    const group = roomSnapshot({
      roomId: "!r",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(PEER, "Peer")],
      acceptedMembers: [PEER],
    });
    const { vm, row, downloads } = open([image("$p", PEER)], group);
    const before = row("$p")?.media;
    expect(before?.state).toEqual({ kind: "waiting", tap: true });
    expect(before?.notices.length).toBeGreaterThan(0);
    expect(before?.help).toContain("helpwanted");
    expect(before?.why?.ruleIds.some((id) => id.startsWith("media/"))).toBe(true);
    vm.mediaVisible("$p");
    await settle();
    expect(downloads).toEqual([]);
    vm.tapMedia("$p");
    await settle();
    expect(downloads).toEqual(["$p"]);
    expect(row("$p")?.media?.state).toMatchObject({ kind: "picture", blurred: true });
    // Still blurred: it does not open full screen (the viewer never goes around the warning).
    vm.openMedia("$p");
    expect(vm.getSnapshot().viewer).toBeUndefined();
    vm.unblurMedia("$p");
    expect(row("$p")?.media?.state).toMatchObject({ kind: "picture", blurred: false });
    vm.dispose();
  });

  it("opens a shown photo full screen with its line, one history step, closed by back or close", async () => {
    const dm = roomSnapshot({
      roomId: "!r",
      membership: "join",
      isDirect: true,
      members: [member(LOTTE, "Lotte")],
    });
    const { vm, row, downloads, steps, backs } = open([image("$l", LOTTE)], dm);
    vm.mediaVisible("$l");
    await settle();
    vm.openMedia("$l");
    await settle();
    expect(downloads).toEqual(["$l", "$l"]);
    expect(vm.getSnapshot().viewer).toMatchObject({
      eventId: "$l",
      state: { kind: "picture" },
      mine: false,
      sender: { kind: "name", label: "Lotte" },
      timestamp: row("$l")?.timestamp,
    });
    expect(steps).toEqual(["open"]);
    // The browser's back: the viewer closes, its step is already gone.
    backs[0]?.();
    expect(vm.getSnapshot().viewer).toBeUndefined();
    expect(steps).toEqual(["open"]);
    // Opened again and closed with its button: the step goes too.
    vm.openMedia("$l");
    vm.closeMedia();
    expect(vm.getSnapshot().viewer).toBeUndefined();
    expect(steps).toEqual(["open", "open", "leave"]);
    vm.dispose();
  });

  it("never fetches the photo of a stranger the room keeps back, not even on a tap", async () => {
    const group = roomSnapshot({
      roomId: "!r",
      membership: "join",
      members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
    });
    const { vm, row, downloads } = open([image("$a", ALEX)], group);
    expect(row("$a")?.kind).toBe("hidden");
    expect(row("$a")?.media).toBeUndefined();
    expect(row("$a")?.body).toBe("");
    vm.mediaVisible("$a");
    vm.tapMedia("$a");
    await settle();
    expect(downloads).toEqual([]);
    vm.dispose();
  });
});
