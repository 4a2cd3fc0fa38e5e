import { describe, expect, it } from "vitest";
import { mediaFacts } from "../../points/media.ts";
import {
  NOW,
  adult,
  baseline,
  child,
  nlDefault,
  teen13,
  unverified,
} from "../../../test/support/fixtures.ts";
import {
  acceptedContact,
  incomingMedia,
  knownContact,
  outgoingMedia,
  strangerCounterpart,
} from "../../../test/support/media.ts";
import { incomingTable } from "./incoming-table.ts";

const evaluate = (pack: typeof nlDefault, request: Parameters<typeof mediaFacts>[0]) =>
  incomingTable.evaluate(mediaFacts(request, pack, NOW), pack);

describe("media/incoming-table", () => {
  it("shows a contact's photo without a notice", () => {
    expect(evaluate(nlDefault, incomingMedia({ sender: knownContact() }))).toEqual({
      effect: "show",
      notices: [],
    });
  });

  it("makes a stranger's photo wait for a tap, with a warning for the reader's band", () => {
    expect(
      evaluate(nlDefault, incomingMedia({ sender: strangerCounterpart(adult) })),
    ).toMatchObject({
      effect: "tap-to-download",
      notices: [{ id: "media-from-stranger", copyKey: "notice.mediaFromStranger.teen13" }],
    });
  });

  it("says 'recently accepted' rather than 'stranger' for someone accepted yesterday", () => {
    expect(
      evaluate(nlDefault, incomingMedia({ sender: acceptedContact(adult, 24) })),
    ).toMatchObject({ effect: "tap-to-download", notices: [{ id: "media-recently-accepted" }] });
  });

  it("keeps a stranger's photo from an 8-12 altogether", () => {
    expect(
      evaluate(nlDefault, incomingMedia({ self: child, sender: strangerCounterpart(unverified) })),
    ).toMatchObject({
      effect: "not-viewable",
      notices: [{ id: "media-not-viewable", copyKey: "notice.mediaNotViewable.child" }],
    });
  });

  it("follows the pack: the control arm shows everything", () => {
    expect(
      evaluate(baseline, incomingMedia({ self: teen13, sender: strangerCounterpart(adult) })),
    ).toEqual({ effect: "show", notices: [] });
  });

  it("is silent for outgoing media", () => {
    expect(evaluate(nlDefault, outgoingMedia())).toBeNull();
  });
});
