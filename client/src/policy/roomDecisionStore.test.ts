// The session's one store of room decisions: decided once per change of
// facts, and nothing a stranger controls leaves it unless the decision says so.

import type { PersonFacts, RoomDecision, RoomRequest } from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { createRoomDecisionStore, strangerTag } from "./roomDecisionStore.ts";
import { member, roomSnapshot, testRooms } from "./testKit.ts";

const NOOR = "@noor:hs";
const LOTTE = "@lotte:hs";
const ALEX = "@alex:hs";
const BANDS = new Map<string, PersonFacts>([
  [NOOR, { ageBand: "13-15", ageVerified: true }],
  [LOTTE, { ageBand: "13-15", ageVerified: true }],
  [ALEX, { ageBand: "18+", ageVerified: true }],
]);

function store(rooms: Parameters<typeof testRooms>[0]["rooms"]) {
  return testRooms({ self: NOOR, bands: BANDS, contacts: new Map([[LOTTE, "Lotte"]]), rooms });
}

describe("roomDecisionStore", () => {
  it("asks the engine once per change of facts, not on every sync", () => {
    const { gateway } = store([]);
    const decideRoom = vi.fn((request: RoomRequest): RoomDecision => gateway.decideRoom(request));
    const dm = roomSnapshot({ roomId: "!dm", isDirect: true, members: [member(ALEX, "Alex")] });
    let rooms = [dm];
    const listeners = new Set<() => void>();
    const rooms$ = createRoomDecisionStore(
      {
        rooms: () => rooms,
        subscribe: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      { ...gateway, decideRoom },
    );
    const sync = () => {
      for (const listener of listeners) listener();
    };
    const first = rooms$.room("!dm")?.decision;
    sync();
    rooms = [{ ...dm, unreadCount: 3, lastActivityTs: dm.lastActivityTs + 1 }];
    sync();
    expect(decideRoom).toHaveBeenCalledTimes(1);
    // The same decision, and its id, while the facts are the same (the study log pinned it).
    expect(rooms$.room("!dm")?.decision).toBe(first);
    rooms = [{ ...dm, acceptedMembers: [ALEX] }];
    sync();
    expect(decideRoom).toHaveBeenCalledTimes(2);
  });

  it("names a kept-back stranger only with a neutral label and a stable tag", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!dm",
        isDirect: true,
        members: [member(ALEX, "Hoi schatje, ik ben 14")],
        inviteReason: "stuur je nummer",
      }),
    ]);
    const room = rooms.room("!dm");
    expect(room?.inviter?.name).toEqual({ kind: "unknown", tag: strangerTag(ALEX) });
    // A teen who opens the request may read who it is, not what he wrote.
    expect(room?.inviter?.nameWhenOpened).toMatchObject({ kind: "name", userId: ALEX });
    expect(room?.inviteReason).toBeUndefined();
    expect(JSON.stringify(room?.title)).not.toContain("schatje");
  });

  it("shows a room's name and topic only when whoever set them may be shown", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!by-lotte",
        membership: "join",
        members: [member(LOTTE, "Lotte")],
        name: { value: "Klas 2B", setBy: LOTTE },
        topic: { value: "huiswerk", setBy: LOTTE },
      }),
      roomSnapshot({
        roomId: "!by-alex",
        membership: "join",
        members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
        name: { value: "Kindertelefoon", setBy: ALEX },
        topic: { value: "app me", setBy: ALEX },
      }),
    ]);
    expect(rooms.room("!by-lotte")?.title).toEqual({
      kind: "name",
      text: "Klas 2B",
      flagged: false,
    });
    expect(rooms.room("!by-lotte")?.topic).toBe("huiswerk");
    expect(rooms.room("!by-alex")?.title).toEqual({ kind: "hidden" });
    expect(rooms.room("!by-alex")?.topic).toBeUndefined();
  });

  it("counts as unread only the messages of people whose messages it shows", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!group",
        membership: "join",
        members: [member(LOTTE, "Lotte"), member(ALEX, "Alex")],
        name: { value: "Klas 2B", setBy: LOTTE },
        // The server counts all five; three are from Alex, whom the engine keeps back.
        unreadCount: 5,
        unreadSenders: [ALEX, LOTTE, ALEX, LOTTE, ALEX],
      }),
    ]);
    const room = rooms.room("!group");
    expect(room?.members.find((m) => m.userId === ALEX)?.content).not.toBe("shown");
    expect(room?.members.find((m) => m.userId === LOTTE)?.content).toBe("shown");
    expect(room?.unreadCount).toBe(2);
  });

  it("never counts more than the server does (a muted chat stays quiet)", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!lotte",
        membership: "join",
        isDirect: true,
        members: [member(LOTTE, "Lotte")],
        unreadCount: 0,
        unreadSenders: [LOTTE, LOTTE],
      }),
    ]);
    expect(rooms.room("!lotte")?.unreadCount).toBe(0);
  });

  it("keeps a friend who left a direct chat as she was: her name, her messages shown", () => {
    // Lotte left: she is no longer a contact by the rooms both are in, only by this chat.
    const { store: rooms } = testRooms({
      self: NOOR,
      bands: BANDS,
      contacts: new Map(),
      rooms: [
        roomSnapshot({
          roomId: "!dm",
          membership: "join",
          isDirect: true,
          members: [member(LOTTE, "Lotte", { membership: "left" })],
        }),
      ],
    });
    const lotte = rooms.room("!dm")?.members.find((m) => m.userId === LOTTE);
    expect(lotte).toMatchObject({
      membership: "left",
      content: "shown",
      relationship: "contact",
      name: { kind: "name", label: "Lotte" },
    });
  });

  it("does not make someone who left a group a contact", () => {
    const { store: rooms } = testRooms({
      self: NOOR,
      bands: BANDS,
      contacts: new Map(),
      rooms: [
        roomSnapshot({
          roomId: "!group",
          membership: "join",
          members: [member(LOTTE, "Lotte"), member(ALEX, "Alex", { membership: "left" })],
        }),
      ],
    });
    const alex = rooms.room("!group")?.members.find((m) => m.userId === ALEX);
    expect(alex?.relationship).not.toBe("contact");
    expect(alex?.content).not.toBe("shown");
  });

  it("strips bidi, tag and invisible characters from a room name a friend set", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!r",
        membership: "join",
        members: [member(LOTTE, "Lotte")],
        name: { value: "\u202Eb2 ssalK\u200B\u{E0041}", setBy: LOTTE },
      }),
    ]);
    expect(rooms.room("!r")?.title).toEqual({ kind: "name", text: "b2 ssalK", flagged: false });
  });

  it("flags a friend's group named like a help service", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!r",
        membership: "join",
        members: [member(LOTTE, "Lotte")],
        name: { value: "Kindertelefoon", setBy: LOTTE },
      }),
    ]);
    expect(rooms.room("!r")?.title).toMatchObject({ kind: "name", flagged: true });
    expect(rooms.room("!r")?.decision.notices.map((n) => n.id)).toContain(
      "name-resembles-help-service",
    );
  });

  it("judges whoever set the name even after they left the room", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!r",
        membership: "join",
        members: [member(LOTTE, "Lotte")],
        name: { value: "Lotte", setBy: ALEX },
      }),
    ]);
    expect(rooms.room("!r")?.title).toEqual({ kind: "hidden" });
    // Not listed as a member: they are not in the room.
    expect(rooms.room("!r")?.members.map((m) => m.userId)).toEqual([LOTTE]);
  });

  it("shows a look-alike of a friend with its Matrix ID", () => {
    const { store: rooms } = store([
      roomSnapshot({
        roomId: "!r",
        membership: "join",
        members: [member(LOTTE, "Lotte"), member("@l0tte:hs", "Lotte", { since: 1 })],
        acceptedMembers: ["@l0tte:hs"],
      }),
    ]);
    const impostor = rooms.room("!r")?.members.find((m) => m.userId === "@l0tte:hs");
    expect(impostor?.name).toEqual({
      kind: "name",
      label: "Lotte (@l0tte:hs)",
      userId: "@l0tte:hs",
    });
  });
});
