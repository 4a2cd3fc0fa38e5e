import { createPolicyEngine, loadBundledPack, parsePack } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { InvitationSummary } from "../matrix/chatSession.ts";
import { ageFactsFromVerified } from "../policy/ageFacts.ts";
import { createPolicyGateway } from "../policy/policyGateway.ts";
import { ChatListViewModel, type ChatListSource } from "./ChatListViewModel.ts";

const NOOR = "@noor:localhost";
const LOTTE = "@lotte:localhost";
const ALEX = "@alex:localhost";

const invite = (from: string, name: string): InvitationSummary => ({
  roomId: `!${name}`,
  inviterUserId: from,
  inviterDisplayName: name,
  invitedAt: 1,
  isDirect: true,
  roomName: undefined,
});

function source(invitations: InvitationSummary[]): ChatListSource {
  return {
    userId: NOOR,
    chats: [],
    syncState: "syncing",
    invitations: () => invitations,
    subscribe: () => () => undefined,
    join: vi.fn(() => Promise.resolve()),
  };
}

function gateway(engine = createPolicyEngine(loadBundledPack("nl-default"))) {
  return createPolicyGateway({
    engine,
    clock: () => Date.UTC(2026, 10, 23),
    ages: ageFactsFromVerified(
      NOOR,
      new Map([
        [NOOR, { ageBand: "13-15", ageVerified: true }],
        [ALEX, { ageBand: "18+", ageVerified: true }],
      ]),
    ),
    relationships: {
      userId: NOOR,
      serverName: "localhost",
      contacts: () => [{ userId: LOTTE, displayName: "Lotte", roomId: "!dm" }],
      sharedRoomCount: () => 0,
    },
    helpServiceNames: [],
  });
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
    const vm = new ChatListViewModel(
      source([invite(LOTTE, "Lotte"), invite(ALEX, "Alex")]),
      gateway(),
      actions,
    );
    const view = vm.getSnapshot();
    expect(view.invitations.map((i) => i.inviterUserId)).toEqual([LOTTE]);
    expect(view.requests.map((r) => r.inviterUserId)).toEqual([ALEX]);
    expect(view.policyFailedClosed).toBe(false);
    expect(view.controlArm).toBe(false);
  });

  it("shows a visible warning and holds everything aside when the pack is broken (fail closed)", () => {
    const broken = createPolicyEngine(parsePack("{ this is not a pack"));
    const vm = new ChatListViewModel(
      source([invite(LOTTE, "Lotte"), invite(ALEX, "Alex")]),
      gateway(broken),
      actions,
    );
    const view = vm.getSnapshot();
    expect(view.policyFailedClosed).toBe(true);
    expect(view.invitations).toEqual([]);
    expect(view.requests.map((r) => r.presentation)).toEqual(["filtered", "filtered"]);
  });

  it("labels the baseline control arm", () => {
    const vm = new ChatListViewModel(
      source([]),
      gateway(createPolicyEngine(loadBundledPack("baseline"))),
      actions,
    );
    expect(vm.getSnapshot().controlArm).toBe(true);
  });

  it("offers the moderation screen only once the server says this account is an admin", async () => {
    const open = vi.fn();
    const admin = new ChatListViewModel(source([]), gateway(), {
      ...actions,
      moderation: { isAvailable: () => Promise.resolve(true), open },
    });
    expect(admin.getSnapshot().canModerate).toBe(false);
    await vi.waitFor(() => {
      expect(admin.getSnapshot().canModerate).toBe(true);
    });
    admin.openModeration();
    expect(open).toHaveBeenCalledTimes(1);

    const notAdmin = new ChatListViewModel(source([]), gateway(), {
      ...actions,
      moderation: { isAvailable: () => Promise.resolve(false), open },
    });
    await Promise.resolve();
    expect(notAdmin.getSnapshot().canModerate).toBe(false);
    notAdmin.openModeration();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
