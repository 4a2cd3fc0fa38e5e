import { describe, expect, it } from "vitest";
import { createPolicyEngine } from "../../engine/engine.ts";
import {
  NOW,
  adult,
  child,
  helpRequest,
  nlDefault,
  teen13,
} from "../../../test/support/fixtures.ts";
import { helpForNeed } from "./help-for-need.ts";

const engine = createPolicyEngine(nlDefault);

describe("help/help-for-need", () => {
  it("does not apply when no need was chosen", () => {
    const facts = {
      personBand: "13-15",
      moment: "general",
      reportCategory: null,
      peerReport: false,
      need: null,
      region: null,
    } as const;
    expect(helpForNeed.evaluate(facts, nlDefault)).toBeNull();
  });

  it("puts Helpwanted first for a teen whose picture is being shared (take-down help)", () => {
    const decision = engine.decide(helpRequest({ need: "picture-shared" }), NOW);
    expect(decision.help).toEqual(["helpwanted", "kindertelefoon"]);
    expect(decision.need).toBe("picture-shared");
    expect(decision.reasons).toEqual(["help/help-for-need", "help/kindertelefoon-for-minors"]);
  });

  it("gives a child who just wants to talk the Kindertelefoon only", () => {
    const decision = engine.decide(
      helpRequest({ person: child, need: "want-to-talk", moment: "after-report" }),
      NOW,
    );
    expect(decision.help).toEqual(["kindertelefoon"]);
  });

  it("offers each band the needs its pack has help for", () => {
    expect(engine.decide(helpRequest({ person: teen13 }), NOW).needs).toEqual([
      "asked-for-pictures",
      "picture-shared",
      "threatened",
      "at-home",
      "want-to-talk",
    ]);
    // An adult has no "I just want to talk" line in nl-default (the Kindertelefoon is 8-18).
    expect(engine.decide(helpRequest({ person: adult }), NOW).needs).not.toContain("want-to-talk");
  });

  it("adds the category's help after a report on top of the need's", () => {
    const decision = engine.decide(
      helpRequest({
        need: "at-home",
        moment: "after-report",
        reportCategory: "threat-or-violence",
      }),
      NOW,
    );
    expect(decision.help.slice(0, 2)).toEqual(["veilig-thuis", "kindertelefoon"]);
    expect(decision.help).toContain("politie");
  });
});
