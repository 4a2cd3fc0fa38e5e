// The room point: every member judged, the strictest one shaping an
// invitation, and each member's content shown only as their judgement allows.
// One file for the point's seven rules, through the public engine, because
// they only mean something together (a group is its members).

import { describe, expect, it } from "vitest";
import { createPolicyEngine } from "../index.ts";
import type { AgeBand, RoomMemberFacts, RoomRequest } from "../index.ts";
import { baseline, nlDefault, strict } from "../../test/support/fixtures.ts";

const NOW = Date.UTC(2026, 11, 6, 12);
const person = (ageBand: AgeBand) => ({ ageBand, ageVerified: ageBand !== "unverified" });

function member(ageBand: AgeBand, overrides: Partial<RoomMemberFacts> = {}): RoomMemberFacts {
  return {
    person: person(ageBand),
    isContact: false,
    sharedRoomCount: 0,
    sameServer: true,
    nameResemblesContact: false,
    nameResemblesHelpService: false,
    roles: [],
    acceptedHere: false,
    ...overrides,
  };
}

const friend = (overrides: Partial<RoomMemberFacts> = {}) =>
  member("13-15", { isContact: true, roles: ["inviter", "creator"], ...overrides });

function room(self: AgeBand, members: RoomMemberFacts[], overrides: Partial<RoomRequest> = {}) {
  const request: RoomRequest = {
    point: "room",
    self: person(self),
    membership: "invite",
    isDirect: false,
    membersKnown: true,
    members,
    profileSetBy: [],
    roomNameResemblesContact: false,
    roomNameResemblesHelpService: false,
    ...overrides,
  };
  return createPolicyEngine(nlDefault).decide(request, NOW);
}

describe("room: invitations", () => {
  it("a friend's group with only friends is a normal chat", () => {
    const decision = room("13-15", [friend(), member("13-15", { isContact: true })]);
    expect(decision.effect).toBe("normal");
    expect(decision.members.map((m) => m.content)).toEqual(["shown", "shown"]);
    expect(decision.notices).toEqual([]);
  });

  it("a friend's group with an unknown adult inside shows the overview to a 13-15, whoever invited", () => {
    const decision = room("13-15", [friend(), member("18+")]);
    expect(decision.effect).toBe("overview");
    expect(decision.reasons).toContain("room/strangers-inside-need-overview");
    expect(decision.notices.map((n) => n.id)).toEqual(
      expect.arrayContaining(["group-with-strangers"]),
    );
    expect(decision.members[1]).toMatchObject({
      relationship: "adult-stranger",
      content: "on-request",
    });
    expect(decision.actions).toContain("accept-after-reading");
    expect(decision.help).toContain("kindertelefoon");
    expect(decision.protectsMinor).toBe(true);
  });

  it("holds the same group aside for an 8-12, with nothing of the adult viewable", () => {
    const decision = room("8-12", [friend({ person: person("8-12") }), member("18+")]);
    expect(decision.effect).toBe("filtered");
    expect(decision.members[1]?.content).toBe("hidden");
    expect(decision.actions).not.toContain("accept");
    expect(decision.actions).not.toContain("accept-after-reading");
    // The group's name is the friend's, who set it; the adult's name and words stay hidden.
    expect(decision.profile).toBe("shown");
  });

  it("an unverified account inside counts like an unknown adult", () => {
    expect(room("13-15", [friend(), member("unverified")]).effect).toBe("overview");
  });

  it("judges the inviter as a first contact: an unknown adult's invitation is a request", () => {
    const decision = room("13-15", [member("18+", { roles: ["inviter", "creator"] })], {
      isDirect: true,
    });
    expect(decision.effect).toBe("overview");
    expect(decision.reasons).toContain("room/inviter-judged-as-first-contact");
  });

  it("an invitation whose inviter is not among the members is held aside", () => {
    expect(room("16-17", [member("16-17", { isContact: true })]).effect).toBe("filtered");
  });

  it("a group whose members the server did not share is never normal for a minor", () => {
    const decision = room("13-15", [friend()], { membersKnown: false });
    expect(decision.effect).toBe("overview");
    expect(decision.notices.map((n) => n.id)).toContain("group-members-unknown");
    expect(room("8-12", [friend({ person: person("8-12") })], { membersKnown: false }).effect).toBe(
      "filtered",
    );
    expect(room("18+", [friend({ person: person("18+") })], { membersKnown: false }).effect).toBe(
      "normal",
    );
  });

  it("the room's name follows whoever set it", () => {
    const decision = room("13-15", [friend(), member("18+")], { profileSetBy: [1] });
    expect(decision.profile).toBe("on-request");
    expect(room("13-15", [friend()], { profileSetBy: [0] }).profile).toBe("shown");
  });

  it("flags a room named like a contact or a help service", () => {
    const decision = room("13-15", [friend()], {
      roomNameResemblesHelpService: true,
      roomNameResemblesContact: true,
    });
    expect(decision.notices.map((n) => n.id)).toEqual(
      expect.arrayContaining(["name-resembles-help-service", "name-resembles-contact"]),
    );
  });

  it("adults in a friend's group see no overview under nl-default, but strict shows one", () => {
    const adults = [friend({ person: person("18+") }), member("18+")];
    expect(room("18+", adults).effect).toBe("normal");
    const strictDecision = createPolicyEngine(strict).decide(
      {
        point: "room",
        self: person("18+"),
        membership: "invite",
        isDirect: false,
        membersKnown: true,
        members: adults,
        profileSetBy: [],
        roomNameResemblesContact: false,
        roomNameResemblesHelpService: false,
      },
      NOW,
    );
    expect(strictDecision.effect).toBe("overview");
  });
});

describe("room: joined rooms", () => {
  it("is a chat, and a stranger the person did not choose to see is announced with help", () => {
    const decision = room("13-15", [friend(), member("18+")], {
      membership: "join",
    });
    expect(decision.effect).toBe("normal");
    expect(decision.members[1]).toMatchObject({ announce: true, content: "on-request" });
    expect(decision.members[0]?.announce).toBe(false);
    expect(decision.notices.map((n) => n.id)).toContain("stranger-joined");
    expect(decision.help).toContain("kindertelefoon");
    expect(decision.actions).toEqual(["view", "leave", "block", "report", "get-help", "why"]);
  });

  it("an unknown peer who joins is announced too, but what they write is shown to a teen", () => {
    const decision = room("13-15", [friend(), member("13-15")], {
      membership: "join",
    });
    expect(decision.members[1]).toMatchObject({ announce: true, content: "shown" });
  });

  it("shows a stranger's messages once the person chose to see them, except to an 8-12", () => {
    const teen = room("13-15", [friend(), member("18+", { acceptedHere: true })], {
      membership: "join",
    });
    expect(teen.members[1]?.content).toBe("shown");
    // Chosen: no announcement any more.
    expect(teen.members[1]?.announce).toBe(false);
    const child = room(
      "8-12",
      [friend({ person: person("8-12") }), member("18+", { acceptedHere: true })],
      {
        membership: "join",
      },
    );
    expect(child.members[1]?.content).toBe("hidden");
  });

  it("a quiet room with only contacts offers no extra actions", () => {
    const decision = room("13-15", [friend()], { membership: "join" });
    expect(decision.actions).toEqual([]);
    expect(decision.help).toEqual([]);
  });
});

describe("room: control arm and failure", () => {
  it("baseline shows everything, as a study's control arm must", () => {
    const decision = createPolicyEngine(baseline).decide(
      {
        point: "room",
        self: person("13-15"),
        membership: "invite",
        isDirect: false,
        membersKnown: true,
        members: [friend(), member("18+")],
        profileSetBy: [1],
        roomNameResemblesContact: false,
        roomNameResemblesHelpService: false,
      },
      NOW,
    );
    expect(decision.effect).toBe("normal");
  });

  it("a malformed member fails closed: held aside, every member hidden", () => {
    const engine = createPolicyEngine(nlDefault);
    const decision = engine.decide(
      {
        point: "room",
        self: person("13-15"),
        membership: "join",
        isDirect: false,
        membersKnown: true,
        members: [friend(), { ...member("18+"), sharedRoomCount: -1 }],
        profileSetBy: [],
        roomNameResemblesContact: false,
        roomNameResemblesHelpService: false,
      },
      NOW,
    );
    expect(decision.failedClosed).toBe(true);
    expect(decision.effect).toBe("filtered");
    expect(decision.members.map((m) => m.content)).toEqual(["hidden", "hidden"]);
    expect(decision.errors[0]?.path).toBe("/members/1/sharedRoomCount");
  });

  it("a profile index outside the member list fails closed", () => {
    const decision = room("13-15", [friend()], { profileSetBy: [3] });
    expect(decision.failedClosed).toBe(true);
  });
});

describe("room: notifications", () => {
  const joined = { membership: "join" } as const;

  it("an adult's notification of a friend's message shows sender and text", () => {
    const decision = room("18+", [member("18+", { isContact: true })], joined);
    expect(decision.members.map((m) => m.notification)).toEqual(["sender-and-text"]);
    expect(decision.reasons).not.toContain("room/notification-content");
  });

  it("a minor's notification says only 'new message', and the rule says why", () => {
    const decision = room("13-15", [friend()], joined);
    expect(decision.members.map((m) => m.notification)).toEqual(["new-message"]);
    expect(decision.reasons).toContain("room/notification-content");
  });

  it("someone whose messages the chat does not show never causes a notification", () => {
    const teen = room("13-15", [friend(), member("18+")], joined);
    expect(teen.members.map((m) => m.content)).toEqual(["shown", "on-request"]);
    expect(teen.members.map((m) => m.notification)).toEqual(["new-message", "none"]);
    const child = room("8-12", [friend({ person: person("8-12") }), member("18+")], joined);
    expect(child.members.map((m) => m.content)).toEqual(["shown", "hidden"]);
    expect(child.members.map((m) => m.notification)).toEqual(["new-message", "none"]);
  });

  it("an invitation, a request or an overview never notifies, not even for an adult", () => {
    expect(room("18+", [member("18+", { isContact: true })]).members[0]?.notification).toBe("none");
    expect(room("13-15", [friend(), member("18+")]).members.map((m) => m.notification)).toEqual([
      "none",
      "none",
    ]);
  });

  it("the control arm lets a minor's notifications show sender and text", () => {
    const decision = createPolicyEngine(baseline).decide(
      {
        point: "room",
        self: person("13-15"),
        membership: "join",
        isDirect: true,
        membersKnown: true,
        members: [friend()],
        profileSetBy: [],
        roomNameResemblesContact: false,
        roomNameResemblesHelpService: false,
      },
      NOW,
    );
    expect(decision.members[0]?.notification).toBe("sender-and-text");
  });

  it("fails closed to no notification at all", () => {
    const decision = room("18+", [member("18+", { isContact: true })], {
      ...joined,
      profileSetBy: [3],
    });
    expect(decision.failedClosed).toBe(true);
    expect(decision.members.map((m) => m.notification)).toEqual(["none"]);
  });
});
