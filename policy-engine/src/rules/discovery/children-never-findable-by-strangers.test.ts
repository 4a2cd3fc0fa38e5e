import { describe, expect, it } from "vitest";
import { discoveryFacts } from "../../points/discovery.ts";
import {
  child,
  discoveryRequest,
  nlDefault,
  teen13,
  unguarded,
} from "../../../test/support/fixtures.ts";
import { childrenNeverFindableByStrangers } from "./children-never-findable-by-strangers.ts";

const optedIn = { findableByPeers: true, suggestedToPeers: true };

describe("discovery/children-never-findable-by-strangers", () => {
  it("hides an 8-12 from every stranger, even another child, even when opted in", () => {
    for (const viewer of [child, teen13]) {
      const request = discoveryRequest({ viewer, subject: child, subjectSettings: optedIn });
      expect(childrenNeverFindableByStrangers.evaluate(discoveryFacts(request), nlDefault)).toEqual(
        { effect: "hidden" },
      );
    }
  });

  it("leaves contacts and older subjects to the other rules", () => {
    const contact = discoveryRequest({ viewer: child, subject: child, isContact: true });
    expect(
      childrenNeverFindableByStrangers.evaluate(discoveryFacts(contact), nlDefault),
    ).toBeNull();
    const teen = discoveryRequest({ subject: teen13, subjectSettings: optedIn });
    expect(childrenNeverFindableByStrangers.evaluate(discoveryFacts(teen), nlDefault)).toBeNull();
  });

  it("is off in a control arm without the guard", () => {
    const request = discoveryRequest({ viewer: child, subject: child });
    expect(
      childrenNeverFindableByStrangers.evaluate(discoveryFacts(request), unguarded),
    ).toBeNull();
  });
});
