import { describe, expect, it } from "vitest";
import type { AgeBand, RoomRequest } from "../../index.ts";
import { roomFacts } from "../../points/room.ts";
import { baseline, nlDefault, strict } from "../../../test/support/fixtures.ts";
import { notificationContent } from "./notification-content.ts";

function request(self: AgeBand, membership: RoomRequest["membership"]): RoomRequest {
  return {
    point: "room",
    self: { ageBand: self, ageVerified: self !== "unverified" },
    membership,
    isDirect: true,
    membersKnown: true,
    members: [
      {
        person: { ageBand: "13-15", ageVerified: true },
        isContact: true,
        sharedRoomCount: 1,
        sameServer: true,
        nameResemblesContact: false,
        nameResemblesHelpService: false,
        roles: [],
        acceptedHere: false,
      },
    ],
    profileSetBy: [],
    roomNameResemblesContact: false,
    roomNameResemblesHelpService: false,
  };
}

const evaluate = (pack: typeof nlDefault, self: AgeBand, membership: RoomRequest["membership"]) =>
  notificationContent.evaluate(roomFacts(request(self, membership), pack), pack);

describe("room/notification-content", () => {
  it("keeps sender and text out of a minor's notifications, in every production pack", () => {
    for (const pack of [nlDefault, strict]) {
      for (const band of ["8-12", "13-15", "16-17"] as const) {
        expect(evaluate(pack, band, "join"), `${pack.ref.id} ${band}`).toEqual({
          notices: [],
          notification: "new-message",
        });
      }
    }
  });

  it("treats an account without a verified age as a possible minor", () => {
    expect(evaluate(nlDefault, "unverified", "join")?.notification).toBe("new-message");
  });

  it("does not restrict an adult's notifications, nor anyone's under the control arm", () => {
    expect(evaluate(nlDefault, "18+", "join")).toBeNull();
    expect(evaluate(baseline, "13-15", "join")).toBeNull();
  });

  it("says nothing about an invitation: only a room the person is in notifies", () => {
    expect(evaluate(nlDefault, "13-15", "invite")).toBeNull();
  });
});
