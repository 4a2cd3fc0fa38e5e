import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import { baseline, nlDefault, reportRequest } from "../../../test/support/fixtures.ts";
import { moderatorsAlways } from "./moderators-always.ts";

describe("report/moderators-always", () => {
  it("sends every report to the moderators, sealed, under every pack", () => {
    for (const pack of [nlDefault, baseline]) {
      expect(moderatorsAlways.evaluate(reportFacts(reportRequest(), pack), pack)).toEqual({
        effect: "file",
        destinations: [{ id: "moderators", delivery: "sealed-to-moderators" }],
      });
    }
  });
});
