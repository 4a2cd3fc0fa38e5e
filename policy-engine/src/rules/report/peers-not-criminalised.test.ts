import { describe, expect, it } from "vitest";
import { createPolicyEngine } from "../../engine/engine.ts";
import { reportFacts } from "../../points/report.ts";
import {
  NOW,
  adult,
  child,
  nlDefault,
  reportRequest,
  teen16,
  unverified,
} from "../../../test/support/fixtures.ts";
import { peersNotCriminalised } from "./peers-not-criminalised.ts";

const engine = createPolicyEngine(nlDefault);

const advice = (request: ReturnType<typeof reportRequest>) =>
  peersNotCriminalised.evaluate(reportFacts(request, nlDefault), nlDefault)?.destinations;

describe("report/peers-not-criminalised", () => {
  it("advises Helpwanted, not the police, for sexual content between two verified 13-15s", () => {
    const request = reportRequest({ category: "sexual-content-to-minor", isContact: true });
    expect(advice(request)).toEqual([{ id: "helpwanted", delivery: "advice" }]);
  });

  it("holds for two children of 8-12 too", () => {
    const request = reportRequest({
      reporter: child,
      reported: child,
      category: "asking-for-images",
    });
    expect(advice(request)).toEqual([{ id: "helpwanted", delivery: "advice" }]);
  });

  it("does not apply near the band (13-15 and 16-17), to an adult, or to an unverified account", () => {
    for (const reported of [teen16, adult, unverified]) {
      const request = reportRequest({ reported, category: "sexual-content-to-minor" });
      expect(advice(request), reported.ageBand).toBeUndefined();
    }
  });

  it("leaves categories the pack does not route differently between peers alone (sextortion)", () => {
    expect(advice(reportRequest({ category: "sextortion" }))).toBeUndefined();
  });

  it("never lets the police advice through in the whole decision between peers", () => {
    const decision = engine.decide(reportRequest({ category: "sexual-content-to-minor" }), NOW);
    expect(decision.destinations.map((d) => d.id)).toEqual(["moderators", "helpwanted"]);
    expect(decision.help).not.toContain("politie");
    expect(decision.help).toContain("helpwanted");
    expect(decision.reasons).toContain("report/peers-not-criminalised");
    expect(decision.reasons).not.toContain("report/advice-for-material-in-chats");
  });

  it("keeps the police for the same report about an adult", () => {
    const decision = engine.decide(
      reportRequest({ reported: adult, category: "sexual-content-to-minor" }),
      NOW,
    );
    expect(decision.destinations.map((d) => d.id)).toContain("politie");
  });
});
