import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import { nlDefault, reportRequest } from "../../../test/support/fixtures.ts";
import { afterReportActions } from "./after-report-actions.ts";

const actions = (target: "message" | "request" | "profile" | "room") =>
  afterReportActions.evaluate(reportFacts(reportRequest({ target }), nlDefault), nlDefault)
    ?.actions;

describe("report/after-report-actions", () => {
  it("offers block, leave and help after reporting a message", () => {
    expect(actions("message")).toEqual(["block", "leave", "get-help"]);
  });

  it("offers no 'leave' for a request (there is nothing to leave yet)", () => {
    expect(actions("request")).toEqual(["block", "get-help"]);
  });
});
