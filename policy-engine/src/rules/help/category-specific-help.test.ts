import { describe, expect, it } from "vitest";
import { nlDefault } from "../../../test/support/fixtures.ts";
import { categorySpecificHelp } from "./category-specific-help.ts";

describe("help/category-specific-help", () => {
  it("adds Helpwanted after a sextortion report", () => {
    const facts = {
      personBand: "16-17",
      moment: "after-report",
      reportCategory: "sextortion",
      peerReport: false,
      need: null,
      region: null,
    } as const;
    expect(categorySpecificHelp.evaluate(facts, nlDefault)).toEqual({ help: ["helpwanted"] });
  });

  it("applies only after a report with a category that has extra help", () => {
    const general = {
      personBand: "16-17",
      moment: "general",
      reportCategory: "sextortion",
      peerReport: false,
      need: null,
      region: null,
    } as const;
    expect(categorySpecificHelp.evaluate(general, nlDefault)).toBeNull();
    const spam = { ...general, moment: "after-report", reportCategory: "scam-or-spam" } as const;
    expect(categorySpecificHelp.evaluate(spam, nlDefault)).toBeNull();
  });
});
