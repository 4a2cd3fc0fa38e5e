import { describe, expect, it } from "vitest";
import { mediaFacts } from "../../points/media.ts";
import { NOW, adult, baseline, nlDefault, variant } from "../../../test/support/fixtures.ts";
import {
  acceptedContact,
  incomingMedia,
  knownContact,
  outgoingMedia,
} from "../../../test/support/media.ts";
import { unsendWithCaveat } from "./unsend-with-caveat.ts";

const afterThinkFirst = variant(nlDefault, (pack) => {
  pack.media.unsend["13-15"] = "after-think-first";
});

const evaluate = (pack: typeof nlDefault, request: Parameters<typeof mediaFacts>[0]) =>
  unsendWithCaveat.evaluate(mediaFacts(request, pack, NOW), pack);

describe("media/unsend-with-caveat", () => {
  it("offers unsend after every photo in nl-default", () => {
    expect(evaluate(nlDefault, outgoingMedia())).toEqual({ notices: [], unsend: true });
  });

  it("with 'after-think-first', offers it only where the notice was shown", () => {
    expect(evaluate(afterThinkFirst, outgoingMedia())).toBeNull();
    expect(
      evaluate(afterThinkFirst, outgoingMedia({ recipients: [acceptedContact(adult, 1)] })),
    ).toEqual({ notices: [], unsend: true });
  });

  it("offers nothing in the control arm, and nothing for incoming media", () => {
    expect(evaluate(baseline, outgoingMedia({ recipients: [knownContact()] }))).toBeNull();
    expect(evaluate(nlDefault, incomingMedia())).toBeNull();
  });
});
