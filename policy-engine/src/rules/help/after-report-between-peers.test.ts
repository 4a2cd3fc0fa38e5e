import { describe, expect, it } from "vitest";
import { nlDefault } from "../../../test/support/fixtures.ts";
import { afterReportBetweenPeers } from "./after-report-between-peers.ts";
import { categorySpecificHelp } from "./category-specific-help.ts";

const facts = (peerReport: boolean) =>
  ({
    personBand: "13-15",
    moment: "after-report",
    reportCategory: "sexual-content-to-minor",
    peerReport,
    need: null,
    region: null,
  }) as const;

describe("help/after-report-between-peers", () => {
  it("gives removal help (Helpwanted) after a report between peers, and the category's police help does not apply", () => {
    expect(afterReportBetweenPeers.evaluate(facts(true), nlDefault)?.help).toEqual([
      "helpwanted",
      "kindertelefoon",
    ]);
    expect(categorySpecificHelp.evaluate(facts(true), nlDefault)).toBeNull();
  });

  it("does not apply to a report that is not between peers", () => {
    expect(afterReportBetweenPeers.evaluate(facts(false), nlDefault)).toBeNull();
    expect(categorySpecificHelp.evaluate(facts(false), nlDefault)?.help).toEqual(["politie"]);
  });
});
