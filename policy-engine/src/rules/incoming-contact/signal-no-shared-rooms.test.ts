import { describe, expect, it } from "vitest";
import { incomingContactFacts } from "../../points/incoming-contact.ts";
import { baseline, child, incomingRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { signalNoSharedRooms } from "./signal-no-shared-rooms.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof incomingRequest>) =>
  signalNoSharedRooms.evaluate(incomingContactFacts(request, pack), pack);

describe("incoming-contact/signal-no-shared-rooms", () => {
  it("tells the recipient, in their band's copy, that a stranger shares no groups", () => {
    const contribution = evaluate(
      nlDefault,
      incomingRequest({ recipient: child, sender: child, sharedRoomCount: 0 }),
    );
    expect(contribution?.notices).toEqual([
      { id: "no-shared-rooms", severity: "info", copyKey: "notice.noSharedRooms.child" },
    ]);
  });

  it("stays quiet with shared rooms, for contacts, and when the pack switches the signal off", () => {
    expect(evaluate(nlDefault, incomingRequest({ sharedRoomCount: 2 }))).toBeNull();
    expect(
      evaluate(nlDefault, incomingRequest({ sharedRoomCount: 0, isContact: true })),
    ).toBeNull();
    expect(evaluate(baseline, incomingRequest({ sharedRoomCount: 0 }))).toBeNull();
  });
});
