import { describe, expect, it } from "vitest";
import { disclosureFacts } from "../../points/disclosure.ts";
import { adult, disclosureRequest, nlDefault, unverified } from "../../../test/support/fixtures.ts";
import { nothingToDiscloseWhenUnverified } from "./nothing-to-disclose-when-unverified.ts";

const evaluate = (request: ReturnType<typeof disclosureRequest>) =>
  nothingToDiscloseWhenUnverified.evaluate(disclosureFacts(request, nlDefault), nlDefault);

describe("disclosure/nothing-to-disclose-when-unverified", () => {
  it("withholds when there is no verified band, also for an unverified claim", () => {
    expect(evaluate(disclosureRequest({ self: unverified, isContact: true }))).toEqual({
      effect: "withhold",
    });
    const claim = { ageBand: "18+", ageVerified: false } as const;
    expect(evaluate(disclosureRequest({ self: claim }))).toEqual({ effect: "withhold" });
  });

  it("does not apply to a verified band", () => {
    expect(evaluate(disclosureRequest({ self: adult }))).toBeNull();
  });
});
