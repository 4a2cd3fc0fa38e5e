import { describe, expect, it } from "vitest";
import { AGE_BANDS } from "../../model/bands.ts";
import { baseline } from "../../../test/support/fixtures.ts";
import { kindertelefoonForMinors } from "./kindertelefoon-for-minors.ts";

describe("help/kindertelefoon-for-minors", () => {
  it("adds Kindertelefoon for minors and unverified people, whatever the pack says", () => {
    for (const personBand of AGE_BANDS) {
      const facts = {
        personBand,
        moment: "after-deterrence",
        reportCategory: null,
        peerReport: false,
        need: null,
        region: null,
      } as const;
      const expected = personBand === "18+" ? null : { help: ["kindertelefoon"] };
      expect(kindertelefoonForMinors.evaluate(facts, baseline)).toEqual(expected);
    }
  });
});
