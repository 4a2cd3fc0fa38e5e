import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { InvitationSummary } from "../matrix/chatSession.ts";
import { ageFactsFromVerified } from "../policy/ageFacts.ts";
import { createPolicyGateway } from "../policy/policyGateway.ts";
import { RequestViewModel, type RequestSource } from "./RequestViewModel.ts";

const NOOR = "@noor:hs";
const invitation: InvitationSummary = {
  roomId: "!req",
  inviterUserId: "@sanne:hs",
  inviterDisplayName: "Sanne",
  invitedAt: 1,
  isDirect: true,
  roomName: undefined,
};

function setUp(recordConversationOrigin: RequestSource["recordConversationOrigin"]) {
  const calls: string[] = [];
  const source: RequestSource = {
    invitations: () => [invitation],
    subscribe: () => () => undefined,
    join: vi.fn((roomId: string) => {
      calls.push(`join ${roomId}`);
      return Promise.resolve();
    }),
    recordConversationOrigin: vi.fn((roomId: string, origin: "accepted-request") => {
      calls.push(`record ${roomId} ${origin}`);
      return recordConversationOrigin(roomId, origin);
    }),
    leave: vi.fn(() => Promise.resolve()),
    block: vi.fn(() => Promise.resolve()),
  };
  const gateway = createPolicyGateway({
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    clock: () => Date.UTC(2026, 10, 23),
    // Noor is a verified 13-15; the sender is unverified: a request she may accept after reading.
    ages: ageFactsFromVerified(
      NOOR,
      new Map<string, PersonFacts>([[NOOR, { ageBand: "13-15", ageVerified: true }]]),
    ),
    relationships: { userId: NOOR, serverName: "hs", contacts: () => [], sharedRoomCount: () => 0 },
    helpServiceNames: [],
  });
  const openConversation = vi.fn();
  const vm = new RequestViewModel(source, gateway, "!req", { back: vi.fn(), openConversation });
  return { vm, calls, openConversation };
}

describe("RequestViewModel", () => {
  it("on accept, joins, then records that the request was accepted (for the reminder)", async () => {
    const t = setUp(() => Promise.resolve());
    const view = t.vm.getSnapshot();
    expect(view.found && view.canAccept).toBe(true);
    await t.vm.accept();
    expect(t.calls).toEqual(["join !req", "record !req accepted-request"]);
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
});
