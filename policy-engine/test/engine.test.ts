import { describe, expect, expectTypeOf, it } from "vitest";
import { REPORT_CATEGORIES, createPolicyEngine, decide, parsePack } from "../src/index.ts";
import { FAIL_CLOSED_EFFECTS } from "../src/engine/fail-closed.ts";
import type {
  CompiledPack,
  DecisionRequest,
  IncomingContactDecision,
  ReportDecision,
} from "../src/index.ts";
import {
  NOW,
  adult,
  helpRequest,
  incomingRequest,
  nlDefault,
  reportRequest,
  teen13,
} from "./support/fixtures.ts";
import { crashingPack } from "./support/crashing-pack.ts";

describe("decide", () => {
  it("types the decision after the request's point", () => {
    const incoming = decide(incomingRequest(), { pack: nlDefault, now: NOW });
    expectTypeOf(incoming).toEqualTypeOf<IncomingContactDecision>();
    expect(incoming.point).toBe("incoming-contact");
    expectTypeOf(
      decide(reportRequest(), { pack: nlDefault, now: NOW }),
    ).toEqualTypeOf<ReportDecision>();
  });

  it("accepts a load result as well as a compiled pack", () => {
    const fromResult = decide(helpRequest(), { pack: { ok: true, pack: nlDefault }, now: NOW });
    expect(fromResult).toEqual(decide(helpRequest(), { pack: nlDefault, now: NOW }));
  });

  it("gives deterministic decision ids that change with the facts and with now, not with key order", () => {
    const request = incomingRequest({ sender: adult });
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as typeof request;
    const a = decide(request, { pack: nlDefault, now: NOW });
    expect(decide(reordered, { pack: nlDefault, now: NOW }).decisionId).toBe(a.decisionId);
    expect(decide(request, { pack: nlDefault, now: NOW + 1 }).decisionId).not.toBe(a.decisionId);
    expect(decide(incomingRequest(), { pack: nlDefault, now: NOW }).decisionId).not.toBe(
      a.decisionId,
    );
    expect(a.decisionId).toMatch(/^nl-default@1\.2\.0\/incoming-contact\/[0-9a-f]{16}$/);
  });

  it("returns plain data that survives JSON", () => {
    const decision = decide(reportRequest({ reported: adult }), { pack: nlDefault, now: NOW });
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it("fails closed on a missing fact, naming it", () => {
    const request = { ...incomingRequest(), sameServer: undefined } as unknown as DecisionRequest;
    const decision = decide(request, { pack: nlDefault, now: NOW });
    expect(decision).toMatchObject({
      point: "incoming-contact",
      effect: "filtered",
      preview: "hidden",
      failedClosed: true,
      reasons: ["engine/fail-closed"],
      errors: [{ code: "invalid-request", path: "/sameServer" }],
    });
    expect(decision.notices.map((notice) => notice.copyKey)).toEqual(["notice.policyError.teen13"]);
    expect(decision.actions).not.toContain("accept");
  });

  it("fails closed on a report with the evidence window the bundled packs set", () => {
    const request = { ...reportRequest(), target: "everything" } as unknown as DecisionRequest;
    const decision = decide(request, { pack: nlDefault, now: NOW });
    expect(decision).toMatchObject({ point: "report", failedClosed: true, contextMessages: 5 });
    // Every category stays a choice: a failing engine takes no word away from the reporter.
    expect(decision).toMatchObject({ categoryChoices: REPORT_CATEGORIES });
    expect(decide(reportRequest(), { pack: nlDefault, now: NOW })).toMatchObject({
      failedClosed: false,
      contextMessages: nlDefault.source.report.evidence.contextMessages,
    });
  });

  it("fails closed on a clock that is not a number", () => {
    const decision = decide(helpRequest(), { pack: nlDefault, now: Number.NaN });
    expect(decision.errors).toEqual([
      { code: "invalid-clock", message: "now must be a finite number of ms since the Unix epoch" },
    ]);
    expect(decision.help[0]).toBe("kindertelefoon");
  });

  it("fails closed, recording the rule, when a rule throws (unlike Cedar, which would skip it)", () => {
    const { pack } = crashingPack(nlDefault, 8);
    const decision = decide(incomingRequest({ sender: adult }), { pack, now: NOW });
    expect(decision.failedClosed).toBe(true);
    expect(decision.effect).toBe(FAIL_CLOSED_EFFECTS["incoming-contact"]);
    expect(decision.errors[0]?.code).toBe("rule-failed");
    expect(decision.errors[0]?.ruleId).toMatch(/^incoming-contact\//);
  });

  it("fails closed on input whose point is not a decision point", () => {
    const decision = decide({ point: "teleport" } as unknown as DecisionRequest, {
      pack: nlDefault,
      now: NOW,
    });
    expect(decision).toMatchObject({
      point: "invalid-request",
      effect: "refused",
      failedClosed: true,
    });
  });

  it("fails closed when the context itself cannot be read", () => {
    const context = new Proxy({} as { pack: CompiledPack; now: number }, {
      get() {
        throw new Error("hostile context");
      },
    });
    expect(decide(helpRequest(), context)).toMatchObject({
      failedClosed: true,
      effect: "show-help",
    });
  });

  it("fails closed with every problem of an invalid pack", () => {
    const result = parsePack('{"id": "Broken Pack"}');
    const decision = decide(incomingRequest({ recipient: teen13 }), { pack: result, now: NOW });
    expect(decision.pack).toEqual({ id: "none", version: "0.0.0", purpose: "none" });
    expect(decision.effect).toBe("filtered");
    expect(decision.errors.length).toBeGreaterThan(5);
    expect(decision.errors).toContainEqual(
      expect.objectContaining({ code: "invalid-pack", path: "/id" }),
    );
  });
});

describe("createPolicyEngine", () => {
  it("reports the pack it decides with", () => {
    const engine = createPolicyEngine(nlDefault);
    expect(engine.pack).toEqual({ id: "nl-default", version: "1.2.0", purpose: "production" });
    expect(engine.problems).toEqual([]);
    expect(engine.decide(helpRequest(), NOW).pack.id).toBe("nl-default");
  });

  it("says what the pack is about, in its own words, only when a pack loaded", () => {
    expect(createPolicyEngine(nlDefault).about?.label).toEqual({
      nl: "Standaard (Nederland)",
      en: "Default (Netherlands)",
    });
    expect(createPolicyEngine(nlDefault).about?.description.nl).toMatch(/preventief ontwerp/);
    expect(createPolicyEngine(parsePack("not json")).about).toBeUndefined();
  });

  it("from a failed load, reports the problems and fails closed everywhere", () => {
    const engine = createPolicyEngine(parsePack("not json"));
    expect(engine.pack.purpose).toBe("none");
    expect(engine.problems[0]?.message).toMatch(/^not valid JSON/);
    expect(engine.decide(incomingRequest(), NOW).effect).toBe("filtered");
  });
});
