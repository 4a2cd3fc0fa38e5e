import { describe, expect, it } from "vitest";
import { DISCOVERY_EFFECTS, protectionRank } from "../model/effects.ts";
import type { Notice } from "../model/decisions.ts";
import type { Rule } from "../rules/rule.ts";
import { nlDefault } from "../../test/support/fixtures.ts";
import { RuleFailure, mergeNotices, runRules } from "./run-rules.ts";

type Contribution = {
  readonly effect?: "visible" | "hidden";
  readonly notices?: readonly Notice[];
};
const rank = protectionRank(DISCOVERY_EFFECTS);
const notice = (id: Notice["id"], severity: Notice["severity"]): Notice => ({
  id,
  severity,
  copyKey: `k.${id}`,
});

function rule(
  id: Rule<null, Contribution>["id"],
  contribution: Contribution | null,
): Rule<null, Contribution> {
  return { id, summary: "test", evaluate: () => contribution };
}

describe("runRules", () => {
  it("lets the most protective effect win, whatever the order", () => {
    const open = rule("discovery/visibility-table", { effect: "visible" });
    const shut = rule("discovery/adults-never-see-minors", { effect: "hidden" });
    for (const rules of [
      [open, shut],
      [shut, open],
    ]) {
      const { effect, kept } = runRules(rules, null, nlDefault, rank);
      expect(effect).toBe("hidden");
      expect(kept.map((applied) => applied.ruleId)).toEqual(["discovery/adults-never-see-minors"]);
    }
  });

  it("drops everything an overruled rule contributed, keeps effect-less contributions", () => {
    const overruled = rule("discovery/visibility-table", {
      effect: "visible",
      notices: [notice("unknown-peer", "info")],
    });
    const winner = rule("discovery/adults-never-see-minors", { effect: "hidden" });
    const annotation = rule("discovery/suggestions-need-opt-in", {
      notices: [notice("other-server", "info")],
    });
    const { kept } = runRules([overruled, winner, annotation], null, nlDefault, rank);
    expect(mergeNotices(kept).map((n) => n.id)).toEqual(["other-server"]);
  });

  it("reports no effect when no rule gives one", () => {
    expect(runRules([rule("discovery/visibility-table", null)], null, nlDefault, rank)).toEqual({
      effect: undefined,
      kept: [],
    });
  });

  it("names the rule that threw", () => {
    const broken: Rule<null, Contribution> = {
      id: "discovery/suggestions-need-opt-in",
      summary: "test",
      evaluate: () => {
        throw new TypeError("boom");
      },
    };
    expect(() => runRules([broken], null, nlDefault, rank)).toThrow(RuleFailure);
    try {
      runRules([broken], null, nlDefault, rank);
    } catch (error) {
      expect((error as RuleFailure).ruleId).toBe("discovery/suggestions-need-opt-in");
    }
  });
});

describe("mergeNotices", () => {
  it("keeps one notice per id, most severe first, otherwise in rule order", () => {
    const kept = [
      {
        ruleId: "incoming-contact/presentation-table",
        contribution: { notices: [notice("unknown-peer", "info")] },
      },
      {
        ruleId: "incoming-contact/signal-other-server",
        contribution: { notices: [notice("other-server", "info")] },
      },
      {
        ruleId: "incoming-contact/signal-name-resembles-contact",
        contribution: {
          notices: [notice("name-resembles-contact", "warning"), notice("unknown-peer", "info")],
        },
      },
    ] as const;
    expect(mergeNotices(kept).map((n) => n.id)).toEqual([
      "name-resembles-contact",
      "unknown-peer",
      "other-server",
    ]);
  });
});
