import { describe, expect, it } from "vitest";
import { nlDefault } from "../../../test/support/fixtures.ts";
import { momentTable } from "./moment-table.ts";

describe("help/moment-table", () => {
  it("shows an adult who was stopped Stop it Now", () => {
    const facts = {
      personBand: "18+",
      moment: "after-deterrence",
      reportCategory: null,
      peerReport: false,
      need: null,
      region: null,
    } as const;
    expect(momentTable.evaluate(facts, nlDefault)?.help).toEqual(["stop-it-now"]);
  });

  it("lists general help for a child, Kindertelefoon first", () => {
    const facts = {
      personBand: "8-12",
      moment: "general",
      reportCategory: null,
      peerReport: false,
      need: null,
      region: null,
    } as const;
    expect(momentTable.evaluate(facts, nlDefault)?.help[0]).toBe("kindertelefoon");
  });
});
