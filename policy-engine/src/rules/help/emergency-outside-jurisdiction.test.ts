import { describe, expect, it } from "vitest";
import { helpFacts } from "../../points/help.ts";
import { helpRequest, nlDefault } from "../../../test/support/fixtures.ts";
import { emergencyOutsideJurisdiction } from "./emergency-outside-jurisdiction.ts";

const evaluate = (locale: string | undefined) =>
  emergencyOutsideJurisdiction.evaluate(helpFacts(helpRequest({ locale })), nlDefault);

describe("help/emergency-outside-jurisdiction", () => {
  it("adds 112 when the device region is outside the pack's country", () => {
    expect(evaluate("de-DE")).toEqual({ help: ["emergency-112"] });
    expect(evaluate("en-gb")).toEqual({ help: ["emergency-112"] });
  });

  it("does nothing in the pack's country or when no region is known", () => {
    expect(evaluate("nl-NL")).toBeNull();
    expect(evaluate("en")).toBeNull();
    expect(evaluate(undefined)).toBeNull();
  });
});
