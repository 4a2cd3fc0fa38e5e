import { describe, expect, it } from "vitest";
import { reportFacts } from "../../points/report.ts";
import {
  baseline,
  nlDefault,
  reportRequest,
  strict,
  variant,
} from "../../../test/support/fixtures.ts";
import { evidenceWindow } from "./evidence-window.ts";

const window = (pack: typeof nlDefault, request: ReturnType<typeof reportRequest>) =>
  evidenceWindow.evaluate(reportFacts(request, pack), pack)?.contextMessages;

describe("report/evidence-window", () => {
  it("sends the five messages before a reported message under every bundled pack", () => {
    for (const pack of [nlDefault, strict, baseline]) {
      expect(window(pack, reportRequest({ target: "message" }))).toBe(5);
    }
  });

  it("takes the window from the pack", () => {
    const wider = variant(nlDefault, (pack) => {
      pack.report.evidence.contextMessages = 12;
    });
    const none = variant(nlDefault, (pack) => {
      pack.report.evidence.contextMessages = 0;
    });
    expect(window(wider, reportRequest())).toBe(12);
    expect(window(none, reportRequest())).toBe(0);
  });

  it("does not apply when no message is reported (a request, profile or room)", () => {
    for (const target of ["request", "profile", "room"] as const) {
      expect(window(nlDefault, reportRequest({ target }))).toBeUndefined();
    }
  });
});
