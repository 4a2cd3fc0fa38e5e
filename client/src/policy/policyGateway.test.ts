import {
  createPolicyEngine,
  failClosedDecision,
  loadBundledPack,
  type DecisionFor,
  type DecisionRequest,
  type PersonFacts,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { ContactSummary, InvitationSummary } from "../matrix/sessionTypes.ts";
import { ageFactsFromVerified } from "./ageFacts.ts";
import { enforceIncomingContacts } from "./enforceIncomingContacts.ts";
import { createPolicyGateway, type RelationshipFacts } from "./policyGateway.ts";
import { member, roomSnapshot, testRooms } from "./testKit.ts";

const NOOR = "@noor:localhost";
const SAM = "@sam:localhost";
const LOTTE = "@lotte:localhost";
const ALEX = "@alex:localhost";
const band = (ageBand: PersonFacts["ageBand"]): PersonFacts => ({ ageBand, ageVerified: true });

function relationships(self: string, contacts: ContactSummary[] = []): RelationshipFacts {
  return {
    userId: self,
    serverName: "localhost",
    contacts: () => contacts,
    sharedRoomCount: () => 0,
  };
}

function invitation(inviterUserId: string, inviterDisplayName: string): InvitationSummary {
  return {
    roomId: `!from-${inviterUserId}`,
    inviterUserId,
    inviterDisplayName,
    invitedAt: 1,
    isDirect: true,
    roomName: undefined,
  };
}

function gatewayFor(self: string, pack: "nl-default" | "strict", contacts: ContactSummary[] = []) {
  return createPolicyGateway({
    engine: createPolicyEngine(loadBundledPack(pack)),
    clock: () => Date.UTC(2026, 10, 23),
    ages: ageFactsFromVerified(
      self,
      new Map([
        [NOOR, band("13-15")],
        [SAM, band("8-12")],
        [LOTTE, band("13-15")],
        [ALEX, band("18+")],
      ]),
    ),
    relationships: relationships(self, contacts),
    helpServiceNames: ["Kindertelefoon"],
  });
}

describe("policy gateway (real nl-default and strict packs)", () => {
  it("never presents an unknown adult's invitation to a minor as a normal chat", () => {
    const decision = gatewayFor(NOOR, "nl-default").presentInvitation(invitation(ALEX, "Alex"));
    expect(decision.effect).not.toBe("normal");
    expect(decision.preview).toBe("hidden");
    expect(decision.reasons.length).toBeGreaterThan(0);
  });

  it("presents a contact's invitation as a normal chat", () => {
    const contacts = [{ userId: LOTTE, displayName: "Lotte", roomId: "!dm" }];
    expect(
      gatewayFor(NOOR, "nl-default", contacts).presentInvitation(invitation(LOTTE, "Lotte")).effect,
    ).toBe("normal");
  });

  it("passes the impersonation facts the client computed from display names", () => {
    const contacts = [{ userId: LOTTE, displayName: "Lotte", roomId: "!dm" }];
    const gateway = gatewayFor(NOOR, "nl-default", contacts);
    const helpLike = gateway.presentInvitation(invitation("@x:evil.example", "Kinder Telefoon"));
    expect(helpLike.notices.map((n) => n.id)).toContain("name-resembles-help-service");
    const friendLike = gateway.presentInvitation(invitation("@y:evil.example", "L0tte"));
    expect(friendLike.notices.map((n) => n.id)).toContain("name-resembles-contact");
  });

  it("refuses, sender side, an adult starting a chat with a minor, with Stop it Now", async () => {
    const decision = await gatewayFor(ALEX, "nl-default").startChat(NOOR);
    expect(decision.effect).toBe("refused");
    expect(decision.help).toContain("stop-it-now");
  });
});

describe("a different engine plugged in through the PolicyEngine type", () => {
  it("gets the same facts and its decision is used as it is", () => {
    const seen: DecisionRequest[] = [];
    // An independent engine: records what it is asked and answers every
    // request with its point's most protective decision.
    const independent: PolicyEngine = {
      pack: { id: "test-independent", version: "1", purpose: "control-arm" },
      problems: [],
      decide: <R extends DecisionRequest>(request: R, now: number): DecisionFor<R> => {
        seen.push(request);
        return failClosedDecision(
          request.point,
          request,
          [],
          independent.pack,
          now,
        ) as DecisionFor<R>;
      },
    };
    const gateway = createPolicyGateway({
      engine: independent,
      clock: () => 1_000,
      ages: ageFactsFromVerified(NOOR, new Map([[NOOR, band("13-15")]])),
      relationships: relationships(NOOR),
      helpServiceNames: [],
    });
    const decision = gateway.presentInvitation(invitation(ALEX, "Alex"));
    expect(decision.pack.id).toBe("test-independent");
    expect(decision.effect).toBe("filtered");
    expect(seen).toEqual([
      {
        point: "incoming-contact",
        recipient: band("13-15"),
        sender: { ageBand: "unverified", ageVerified: false },
        isContact: false,
        sharedRoomCount: 0,
        sameServer: true,
        nameResemblesContact: false,
        nameResemblesHelpService: false,
      },
    ]);
  });
});

describe("enforceIncomingContacts", () => {
  it("declines on the child's own device what the strict pack declines, and only that", async () => {
    const leave = vi.fn(() => Promise.resolve());
    const declined = vi.fn();
    const { store } = testRooms({
      self: SAM,
      bands: new Map([
        [SAM, band("8-12")],
        [LOTTE, band("8-12")],
        [ALEX, band("18+")],
      ]),
      contacts: new Map([[LOTTE, "Lotte"]]),
      engine: createPolicyEngine(loadBundledPack("strict")),
      rooms: [
        roomSnapshot({ roomId: `!from-${ALEX}`, isDirect: true, members: [member(ALEX, "Alex")] }),
        roomSnapshot({
          roomId: `!from-${LOTTE}`,
          isDirect: true,
          members: [member(LOTTE, "Lotte")],
        }),
      ],
    });
    const stop = enforceIncomingContacts({ leave }, store, { declined, failed: vi.fn() });
    await vi.waitFor(() => {
      expect(declined).toHaveBeenCalledTimes(1);
    });
    expect(leave).toHaveBeenCalledWith(`!from-${ALEX}`);
    expect(leave).toHaveBeenCalledTimes(1);
    stop();
  });

  it("holds a friend's group aside, never declines it, when someone the pack declines waits inside", () => {
    const { store } = testRooms({
      self: SAM,
      bands: new Map([
        [SAM, band("8-12")],
        [LOTTE, band("8-12")],
        [ALEX, band("18+")],
      ]),
      contacts: new Map([[LOTTE, "Lotte"]]),
      engine: createPolicyEngine(loadBundledPack("strict")),
      rooms: [
        roomSnapshot({
          roomId: "!group",
          members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
        }),
      ],
    });
    // A friend invited: the group is never declined for her sake, but nothing of Alex shows.
    expect(store.room("!group")?.decision.effect).toBe("filtered");
  });
});

describe("the deployment's own moderators", () => {
  it("are not flagged as looking like a help service; an impostor with the same name is", () => {
    const gateway = createPolicyGateway({
      engine: createPolicyEngine(loadBundledPack("nl-default")),
      clock: () => Date.UTC(2026, 10, 23),
      ages: ageFactsFromVerified(NOOR, new Map([[NOOR, band("13-15")]])),
      relationships: relationships(NOOR),
      helpServiceNames: ["Kindertelefoon", "Moderatie"],
      moderationAccounts: ["@moderation:localhost"],
    });
    const flagged = (userId: string) =>
      gateway.roomFacts(
        roomSnapshot({ roomId: "!r", isDirect: true, members: [member(userId, "Moderatie")] }),
      ).request.members[0]?.nameResemblesHelpService;
    expect(flagged("@moderation:localhost")).toBe(false);
    expect(flagged("@moderatie-team:localhost")).toBe(true);
  });
});

describe("the facts of every room at once (the decision store's pass)", () => {
  it("are the facts of each room on its own, with the session asked once per person", () => {
    const contacts: ContactSummary[] = [
      { userId: LOTTE, displayName: "Lotte", roomId: "!dm-lotte" },
      { userId: SAM, displayName: "Sam", roomId: "!dm-sam" },
    ];
    const shared = vi.fn((userId: string) => (userId === LOTTE ? 3 : 1));
    const contactsAsked = vi.fn(() => contacts);
    const gateway = createPolicyGateway({
      engine: createPolicyEngine(loadBundledPack("nl-default")),
      clock: () => Date.UTC(2026, 10, 23),
      ages: ageFactsFromVerified(NOOR, new Map([[NOOR, band("13-15")]])),
      relationships: {
        userId: NOOR,
        serverName: "localhost",
        contacts: contactsAsked,
        sharedRoomCount: shared,
      },
      helpServiceNames: ["Kindertelefoon"],
    });
    const snapshots = [
      roomSnapshot({ roomId: "!dm-lotte", isDirect: true, members: [member(LOTTE, "Lotte")] }),
      roomSnapshot({
        roomId: "!group",
        isDirect: false,
        name: { value: "Lotte & Sam", setBy: ALEX },
        members: [member(LOTTE, "Lotte"), member(SAM, "Sam"), member(ALEX, "Lotte")],
      }),
      roomSnapshot({ roomId: "!help", isDirect: true, members: [member(ALEX, "Kinder telefoon")] }),
    ];
    const oneByOne = snapshots.map((snapshot) => gateway.roomFacts(snapshot));
    shared.mockClear();
    contactsAsked.mockClear();

    expect(gateway.roomsFacts(snapshots)).toEqual(oneByOne);
    // Lotte, Sam and Alex: each person's shared rooms asked once; the contacts once in all.
    expect(shared.mock.calls.map(([userId]) => userId).sort()).toEqual([ALEX, LOTTE, SAM]);
    expect(contactsAsked).toHaveBeenCalledTimes(1);
  });
});
