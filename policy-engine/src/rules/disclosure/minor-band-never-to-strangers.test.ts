import { describe, expect, it } from "vitest";
import { disclosureFacts } from "../../points/disclosure.ts";
import {
  adult,
  child,
  disclosureRequest,
  nlDefault,
  teen16,
  unguarded,
  unverified,
} from "../../../test/support/fixtures.ts";
import { minorBandNeverToStrangers } from "./minor-band-never-to-strangers.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof disclosureRequest>) =>
  minorBandNeverToStrangers.evaluate(disclosureFacts(request, pack), pack);

describe("disclosure/minor-band-never-to-strangers", () => {
  it("withholds a minor's band from an unknown adult or unverified account, even in an accepted conversation", () => {
    for (const audience of [adult, unverified]) {
      const request = disclosureRequest({ self: child, audience, conversationAccepted: true });
      expect(evaluate(nlDefault, request)).toEqual({ effect: "withhold" });
    }
  });

  it("does not apply to contacts, to peers, or to adults' own bands", () => {
    expect(evaluate(nlDefault, disclosureRequest({ audience: adult, isContact: true }))).toBeNull();
    expect(evaluate(nlDefault, disclosureRequest({ audience: teen16 }))).toBeNull();
    expect(evaluate(nlDefault, disclosureRequest({ self: adult, audience: adult }))).toBeNull();
  });

  it("is off without the guard", () => {
    expect(evaluate(unguarded, disclosureRequest({ audience: adult }))).toBeNull();
  });
});
