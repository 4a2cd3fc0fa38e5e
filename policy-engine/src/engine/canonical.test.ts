import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.ts";

describe("canonicalJson", () => {
  it("ignores key order", () => {
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe(canonicalJson({ a: [true, null], b: 1 }));
  });

  it("accepts anything without throwing: cycles, throwing getters, odd primitives", () => {
    const cyclic: Record<string, unknown> = { n: Number.NaN, big: 1n, u: undefined };
    cyclic["self"] = cyclic;
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no keys for you");
        },
      },
    );
    expect(canonicalJson(cyclic)).toBe(
      '{"big":"[bigint 1]","n":"[number NaN]","self":"[circular]","u":"[undefined]"}',
    );
    expect(canonicalJson(hostile)).toBe('"[unreadable]"');
    expect(canonicalJson(Symbol("s"))).toBe('"[symbol]"');
  });
});
