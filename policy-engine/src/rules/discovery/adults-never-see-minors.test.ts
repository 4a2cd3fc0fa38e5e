import { describe, expect, it } from "vitest";
import { discoveryFacts } from "../../points/discovery.ts";
import {
  adult,
  discoveryRequest,
  nlDefault,
  teen13,
  teen16,
  unguarded,
  unverified,
} from "../../../test/support/fixtures.ts";
import { adultsNeverSeeMinors } from "./adults-never-see-minors.ts";

const everything = { findableByPeers: true, suggestedToPeers: true };

describe("discovery/adults-never-see-minors", () => {
  it("hides a minor from an adult and from an unverified account, even a contact", () => {
    for (const viewer of [adult, unverified]) {
      const request = discoveryRequest({
        viewer,
        subject: teen16,
        isContact: true,
        subjectSettings: everything,
      });
      expect(adultsNeverSeeMinors.evaluate(discoveryFacts(request), nlDefault)).toEqual({
        effect: "hidden",
      });
    }
  });

  it("treats an unverified claim of being a teen as unverified", () => {
    const request = discoveryRequest({ viewer: { ageBand: "13-15", ageVerified: false } });
    expect(adultsNeverSeeMinors.evaluate(discoveryFacts(request), nlDefault)).not.toBeNull();
  });

  it("does not apply between teens or to adult subjects", () => {
    const teens = discoveryRequest({ viewer: teen13, subject: teen16 });
    expect(adultsNeverSeeMinors.evaluate(discoveryFacts(teens), nlDefault)).toBeNull();
    const adults = discoveryRequest({ viewer: adult, subject: adult });
    expect(adultsNeverSeeMinors.evaluate(discoveryFacts(adults), nlDefault)).toBeNull();
  });

  it("is switched off only by a control-arm pack's guard", () => {
    const request = discoveryRequest({ viewer: adult, subject: teen16 });
    expect(adultsNeverSeeMinors.evaluate(discoveryFacts(request), unguarded)).toBeNull();
  });
});
