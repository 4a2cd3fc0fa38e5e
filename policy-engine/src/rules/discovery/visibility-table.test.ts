import { describe, expect, it } from "vitest";
import { discoveryFacts } from "../../points/discovery.ts";
import {
  adult,
  child,
  discoveryRequest,
  nlDefault,
  strict,
  teen13,
  teen16,
} from "../../../test/support/fixtures.ts";
import { visibilityTable } from "./visibility-table.ts";

const evaluate = (pack: typeof nlDefault, request: Parameters<typeof discoveryFacts>[0]) =>
  visibilityTable.evaluate(discoveryFacts(request), pack)?.effect;

describe("discovery/visibility-table", () => {
  it("shows an opted-in teen to a teen peer, and hides one who did not opt in", () => {
    const optedIn = { findableByPeers: true, suggestedToPeers: false };
    expect(evaluate(nlDefault, discoveryRequest({ subjectSettings: optedIn }))).toBe("visible");
    expect(evaluate(nlDefault, discoveryRequest())).toBe("hidden");
  });

  it("lets a pack choose whether 16-17 may be found by 13-15", () => {
    const request = discoveryRequest({
      viewer: teen13,
      subject: teen16,
      subjectSettings: { findableByPeers: true, suggestedToPeers: false },
    });
    expect(evaluate(nlDefault, request)).toBe("visible");
    expect(evaluate(strict, request)).toBe("hidden");
  });

  it("shows contacts-only subjects to contacts alone", () => {
    expect(evaluate(nlDefault, discoveryRequest({ viewer: child, subject: child }))).toBe("hidden");
    const contact = discoveryRequest({ viewer: child, subject: child, isContact: true });
    expect(evaluate(nlDefault, contact)).toBe("visible");
  });

  it("hides minors from adults in the table itself, even when opted in", () => {
    const request = discoveryRequest({
      viewer: adult,
      subject: teen16,
      subjectSettings: { findableByPeers: true, suggestedToPeers: true },
    });
    expect(evaluate(nlDefault, request)).toBe("hidden");
  });
});
