import { createPolicyEngine, loadBundledPack, parsePack } from "@safety-by-design/policy-engine";
import type { PersonFacts, PolicyEngine } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { RoomSnapshot } from "../matrix/chatSession.ts";
import { member, roomSnapshot, testRooms } from "../policy/testKit.ts";
import { ChatListViewModel, type ChatListSource } from "./ChatListViewModel.ts";

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
  subscribe: () => () => undefined,
  join: vi.fn(() => Promise.resolve()),
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
  signOut: vi.fn(),
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
});
