import type { PersonFacts } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { member, roomSnapshot, TEST_NOW, testRooms } from "../policy/testKit.ts";
import { avatarColour } from "./avatar.ts";
import { ProfileViewModel, type ProfileSource } from "./ProfileViewModel.ts";

const NOOR = "@noor:localhost";
const LOTTE = "@lotte:localhost";
const ALEX = "@alex:localhost";

const BANDS = new Map<string, PersonFacts>([
  [NOOR, { ageBand: "13-15", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);

const lotteChat = roomSnapshot({
  roomId: "!lotte",
  membership: "join",
  isDirect: true,
  members: [member(LOTTE, "Lotte")],
});
// A class group Noor is in, with Lotte and an unknown adult someone added.
const classGroup = roomSnapshot({
  roomId: "!class",
  membership: "join",
  name: { value: "Klas 2B", setBy: LOTTE },
  members: [member(LOTTE, "Lotte"), member(ALEX, "Alex de Vries")],
});

function profile(userId: string, roomId: string, over: Partial<ProfileSource> = {}) {
  const { store, gateway } = testRooms({
    self: NOOR,
    bands: BANDS,
    contacts: new Map([[LOTTE, "Lotte"]]),
    rooms: [lotteChat, classGroup],
  });
  let blocked: readonly string[] = [];
  const listeners = new Set<() => void>();
  const source: ProfileSource = {
    userId: NOOR,
    get blockedUsers() {
      return blocked;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    block: vi.fn((id: string) => {
      blocked = [...blocked, id];
      for (const listener of listeners) listener();
      return Promise.resolve();
    }),
    unblock: vi.fn((id: string) => {
      blocked = blocked.filter((other) => other !== id);
      for (const listener of listeners) listener();
      return Promise.resolve();
    }),
    directChatWith: (id) => (id === LOTTE ? "!lotte" : undefined),
    conversationOrigin: (id) =>
      id === "!lotte" ? { origin: "in-person", acceptedAt: TEST_NOW - 86_400_000 } : undefined,
    joinedAt: () => TEST_NOW - 600_000,
    ...over,
  };
  const navigation = { back: vi.fn(), report: vi.fn(), help: vi.fn() };
  const vm = new ProfileViewModel({
    source,
    rooms: store,
    gateway,
    roomId,
    userId,
    navigation,
  });
  return { vm, source, navigation };
}

describe("ProfileViewModel", () => {
  it("shows a friend as the app knows her: contact, checked age, groups together, how it started", () => {
    const view = profile(LOTTE, "!lotte").vm.getSnapshot();
    expect(view).toMatchObject({
      name: { kind: "name", label: "Lotte", userId: LOTTE },
      avatar: { kind: "initials", initials: "L", colour: avatarColour(LOTTE) },
      relationship: "contact",
      age: { kind: "verified", band: "13-15" },
      sharedGroups: [{ roomId: "!class", title: { kind: "name", text: "Klas 2B" } }],
      conversation: { origin: "in-person", since: TEST_NOW - 86_400_000 },
      blocked: false,
    });
    // Noor's own band is shown to a friend her age (the disclosure decision).
    expect(view.myAgeShown).toBe(true);
  });

  it("keeps an unknown adult's name, ID and age back, and says what he is to her", () => {
    const view = profile(ALEX, "!class").vm.getSnapshot();
    expect(view.name.kind).toBe("unknown");
    expect(view.avatar.kind).toBe("unknown");
    expect(view.relationship).toBe("adult-stranger");
    expect(view.age).toEqual({ kind: "not-known" });
    expect(view.myAgeShown).toBe(false);
    expect(view.conversation).toBeUndefined();
    const json = JSON.stringify(view);
    expect(json).not.toContain("Vries");
    expect(json).not.toContain("alex");
  });

  it("says since when they chat when how it started was not recorded", () => {
    const view = profile(LOTTE, "!lotte", { conversationOrigin: () => undefined }).vm.getSnapshot();
    expect(view.conversation).toEqual({ origin: "unknown", since: TEST_NOW - 600_000 });
  });

  it("blocks and unblocks, and says so", async () => {
    const { vm, source } = profile(ALEX, "!class");
    await vm.block();
    expect(source.block).toHaveBeenCalledWith(ALEX);
    expect(vm.getSnapshot()).toMatchObject({ blocked: true, busy: false, failed: false });
    await vm.unblock();
    expect(source.unblock).toHaveBeenCalledWith(ALEX);
    expect(vm.getSnapshot().blocked).toBe(false);
  });

  it("says when blocking failed, and lets the person try again", async () => {
    const block = vi.fn(() => Promise.reject(new Error("offline")));
    const { vm } = profile(ALEX, "!class", { block });
    await vm.block();
    expect(vm.getSnapshot()).toMatchObject({ blocked: false, busy: false, failed: true });
  });

  it("reports the profile from the room it was opened in, opens help, goes back", () => {
    const { vm, navigation } = profile(ALEX, "!class");
    vm.report();
    expect(navigation.report).toHaveBeenCalledWith({
      kind: "profile",
      roomId: "!class",
      userId: ALEX,
    });
    vm.help();
    expect(navigation.help).toHaveBeenCalledTimes(1);
    vm.back();
    expect(navigation.back).toHaveBeenCalledTimes(1);
  });
});
