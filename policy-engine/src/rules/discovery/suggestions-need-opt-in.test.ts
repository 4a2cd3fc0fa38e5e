import { describe, expect, it } from "vitest";
import { discoveryFacts } from "../../points/discovery.ts";
import {
  adult,
  baseline,
  discoveryRequest,
  nlDefault,
  strict,
  teen13,
} from "../../../test/support/fixtures.ts";
import { suggestionsNeedOptIn } from "./suggestions-need-opt-in.ts";

const suggest = (findable: boolean, suggested: boolean) =>
  discoveryRequest({
    surface: "suggestions",
    subject: teen13,
    subjectSettings: { findableByPeers: findable, suggestedToPeers: suggested },
  });

describe("discovery/suggestions-need-opt-in", () => {
  it("in nl-default, needs the separate suggestions opt-in", () => {
    expect(suggestionsNeedOptIn.evaluate(discoveryFacts(suggest(true, false)), nlDefault)).toEqual({
      effect: "hidden",
    });
    expect(
      suggestionsNeedOptIn.evaluate(discoveryFacts(suggest(true, true)), nlDefault),
    ).toBeNull();
  });

  it("in strict, never suggests a minor to a stranger", () => {
    expect(suggestionsNeedOptIn.evaluate(discoveryFacts(suggest(true, true)), strict)).toEqual({
      effect: "hidden",
    });
  });

  it("in the baseline control arm, suggests like search", () => {
    expect(
      suggestionsNeedOptIn.evaluate(discoveryFacts(suggest(false, false)), baseline),
    ).toBeNull();
  });

  it("does not apply to search, contacts or adult subjects", () => {
    const search = discoveryRequest({ subject: teen13 });
    expect(suggestionsNeedOptIn.evaluate(discoveryFacts(search), strict)).toBeNull();
    const contact = { ...suggest(false, false), isContact: true };
    expect(suggestionsNeedOptIn.evaluate(discoveryFacts(contact), strict)).toBeNull();
    const adultSubject = { ...suggest(false, false), subject: adult };
    expect(suggestionsNeedOptIn.evaluate(discoveryFacts(adultSubject), strict)).toBeNull();
  });
});
