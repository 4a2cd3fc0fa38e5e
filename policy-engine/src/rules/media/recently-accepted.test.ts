import { describe, expect, it } from "vitest";
import { mediaFacts } from "../../points/media.ts";
import { HOUR, NOW, adult, nlDefault, teen16 } from "../../../test/support/fixtures.ts";
import {
  acceptedContact,
  incomingMedia,
  knownContact,
  outgoingMedia,
} from "../../../test/support/media.ts";
import { recentlyAccepted } from "./recently-accepted.ts";

const evaluate = (request: Parameters<typeof mediaFacts>[0], now = NOW) =>
  recentlyAccepted.evaluate(mediaFacts(request, nlDefault, now), nlDefault);

describe("media/recently-accepted", () => {
  it("says until when someone accepted yesterday counts as recently accepted (7 days for 13-15)", () => {
    expect(evaluate(incomingMedia({ sender: acceptedContact(adult, 24) }))).toEqual({
      notices: [],
      until: NOW - 24 * HOUR + 168 * HOUR,
    });
  });

  it("uses the reader's own window: 72 hours for 16-17", () => {
    expect(
      evaluate(incomingMedia({ self: teen16, sender: acceptedContact(adult, 80) })),
    ).toBeNull();
    expect(
      evaluate(incomingMedia({ self: teen16, sender: acceptedContact(adult, 70) }))?.until,
    ).toBe(NOW + 2 * HOUR);
  });

  it("takes the earliest end among a group's recipients", () => {
    const recipients = [acceptedContact(adult, 100), acceptedContact(adult, 10), knownContact()];
    expect(evaluate(outgoingMedia({ recipients }))?.until).toBe(NOW - 100 * HOUR + 168 * HOUR);
  });

  it("is silent for contacts known from before, and where the table treats both alike (adults)", () => {
    expect(evaluate(incomingMedia({ sender: knownContact() }))).toBeNull();
    expect(evaluate(incomingMedia({ self: adult, sender: acceptedContact(adult, 1) }))).toBeNull();
  });
});
