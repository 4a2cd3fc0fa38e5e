import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import { baseline, nlDefault, reportRequest, strict } from "../../../test/support/fixtures.ts";
import { evidenceFromHeldAsideRequest } from "./evidence-from-held-aside-request.ts";

const count = (pack: typeof nlDefault, request: ReturnType<typeof reportRequest>) =>
  evidenceFromHeldAsideRequest.evaluate(reportFacts(request, pack), pack)?.requestMessages;

describe("report/evidence-from-held-aside-request", () => {
  it("sends a reported request's ten newest messages under nl-default and strict", () => {
    expect(count(nlDefault, reportRequest({ target: "request" }))).toBe(10);
    expect(count(strict, reportRequest({ target: "request" }))).toBe(10);
  });

  it("sends none in the baseline control arm (as a plain Matrix client)", () => {
    expect(count(baseline, reportRequest({ target: "request" }))).toBe(0);
  });

  it("does not apply to a message, profile or room", () => {
    for (const target of ["message", "profile", "room"] as const) {
      expect(count(nlDefault, reportRequest({ target }))).toBeUndefined();
    }
  });
});
