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

const always = variant(nlDefault, (pack) => {
  pack.media.unsend["13-15"] = "always";
});

const evaluate = (pack: typeof nlDefault, request: Parameters<typeof mediaFacts>[0]) =>
  unsendWithCaveat.evaluate(mediaFacts(request, pack, NOW), pack);

describe("media/unsend-with-caveat", () => {
  it("in nl-default ('after-think-first'), offers it only where the think-first notice was shown", () => {
    expect(evaluate(nlDefault, outgoingMedia())).toBeNull();
    expect(evaluate(nlDefault, outgoingMedia({ recipients: [acceptedContact(adult, 1)] }))).toEqual(
      { notices: [], unsend: true },
    );
  });

  it("with 'always', offers it after every photo, also to a long-standing contact", () => {
    expect(evaluate(always, outgoingMedia())).toEqual({ notices: [], unsend: true });
  });

  it("offers nothing in the control arm, and nothing for incoming media", () => {
    expect(evaluate(baseline, outgoingMedia({ recipients: [knownContact()] }))).toBeNull();
    expect(evaluate(nlDefault, incomingMedia())).toBeNull();
  });
});
