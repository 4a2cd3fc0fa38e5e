import { describe, expect, it } from "vitest";
import { decisionId, fnv1a64 } from "./decision-id.ts";

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64-bit test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("spreads nearby inputs", () => {
    expect(fnv1a64("13-15:v|18+:v")).not.toBe(fnv1a64("13-15:v|18+:u"));
  });
});

describe("decisionId", () => {
  it("names the pack, its version and the point, then the hash", () => {
    const pack = { id: "nl-default", version: "1.2.3", purpose: "production" } as const;
    expect(decisionId(pack, "help", "0", "x")).toMatch(/^nl-default@1\.2\.3\/help\/[0-9a-f]{16}$/);
  });
});
