import {
  createPolicyEngine,
  loadBundledPack,
  type AgeBand,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { helpDecider } from "../policy/decideHelp.ts";
import { HelpViewModel } from "./HelpViewModel.ts";
import { whyAudienceOf, whyViewOf } from "./whyView.ts";

const engine = createPolicyEngine(loadBundledPack("nl-default"));
const NOW = Date.UTC(2026, 11, 1);
const person = (ageBand: AgeBand): PersonFacts => ({
  ageBand,
  ageVerified: ageBand !== "unverified",
});

describe("whyViewOf", () => {
  it("explains a refused setting to an 8-12 in the children's words, with the pack", () => {
    const decision = engine.decide(
      {
        point: "protective-setting-change",
        person: person("8-12"),
        setting: "findable-by-peers",
        newValue: true,
      },
      NOW,
    );
    expect(decision.effect).toBe("refuse");
    const why = whyViewOf([decision], "8-12");
    expect(why.audience).toBe("child");
    expect(why.ruleIds).toContain("protective-setting-change/children-cannot-become-findable");
    expect(why.ruleIds).toEqual(decision.reasons);
    expect(why.pack).toBe(`nl-default ${decision.pack.version}`);
  });

  it("lists each rule once, in order, over several decisions", () => {
    const help = (band: AgeBand) =>
      engine.decide(
        { point: "help", person: person(band), moment: "general", locale: "nl-NL" },
        NOW,
      );
    const why = whyViewOf([help("13-15"), help("16-17")], "13-15");
    expect(why.ruleIds).toEqual([...new Set([...help("13-15").reasons, ...help("16-17").reasons])]);
    expect(new Set(why.ruleIds).size).toBe(why.ruleIds.length);
    expect(why.pack).not.toContain(",");
  });

  it("has no rules when there is no decision to explain", () => {
    expect(whyViewOf([], "18+")).toEqual({ audience: "adult", ruleIds: [], pack: "" });
  });
});

describe("whyAudienceOf", () => {
  it("gives 8-12 the children's words, teens and unknown ages the teens', adults the adults'", () => {
    expect(whyAudienceOf("8-12")).toBe("child");
    expect(whyAudienceOf("13-15")).toBe("teen");
    expect(whyAudienceOf("16-17")).toBe("teen");
    expect(whyAudienceOf("unverified")).toBe("teen");
    expect(whyAudienceOf("18+")).toBe("adult");
  });
});

describe("help explains its choice", () => {
  const decide = (band: AgeBand) =>
    helpDecider(
      engine,
      () => NOW,
      () => person(band),
      () => "nl-NL",
    );
  const close = { close: () => undefined };

  it("tells an 8-12, in children's words, why De Kindertelefoon is there", () => {
    const help = new HelpViewModel(decide("8-12"), "general", close, undefined, undefined, "8-12");
    const { why, resources } = help.getSnapshot();
    expect(resources).toContain("kindertelefoon");
    expect(why.audience).toBe("child");
    expect(why.ruleIds).toContain("help/moment-table");
  });

  it("writes for someone whose age is unknown (before sign-in) in the general words", () => {
    const help = new HelpViewModel(decide("unverified"), "general", close);
    expect(help.getSnapshot().why.audience).toBe("teen");
  });
});
