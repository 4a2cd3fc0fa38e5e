// Protocol, age format: the verifier's nonce memory: once per carrier, bounded, never forgetful.
import { describe, expect, it } from "vitest";
import { createMemoryReplayCache } from "./replayCache.ts";

describe("memory replay cache", () => {
  it("accepts a key once, and again only from the same carrier", () => {
    const cache = createMemoryReplayCache();
    expect(cache.claim("k", "$e1", 100, 0)).toBe("accepted");
    expect(cache.claim("k", "$e1", 100, 1)).toBe("accepted");
    expect(cache.claim("k", "$e2", 100, 1)).toBe("replayed");
    expect(cache.claim("k", undefined, 100, 1)).toBe("replayed");
  });

  it("treats every repeat as a replay when the carrier is unknown", () => {
    const cache = createMemoryReplayCache();
    expect(cache.claim("k", undefined, 100, 0)).toBe("accepted");
    expect(cache.claim("k", undefined, 100, 1)).toBe("replayed");
  });

  it("forgets a key after its keep-until time", () => {
    const cache = createMemoryReplayCache();
    cache.claim("k", undefined, 100, 0);
    expect(cache.claim("k", undefined, 200, 100)).toBe("replayed");
    expect(cache.claim("k", undefined, 300, 101)).toBe("accepted");
  });

  it("is bounded: prunes expired keys, then refuses instead of forgetting live ones", () => {
    const cache = createMemoryReplayCache({ maxEntries: 2 });
    expect(cache.claim("a", undefined, 10, 0)).toBe("accepted");
    expect(cache.claim("b", undefined, 100, 0)).toBe("accepted");
    expect(cache.claim("c", undefined, 100, 5)).toBe("full");
    expect(cache.claim("c", undefined, 100, 11)).toBe("accepted");
    expect(cache.claim("b", undefined, 100, 11)).toBe("replayed");
  });

  it("survives a reload through its snapshot, without expired entries", () => {
    const cache = createMemoryReplayCache();
    cache.claim("old", undefined, 10, 0);
    cache.claim("live", "$e", 100, 0);
    const snapshot = cache.snapshot(50);
    expect(snapshot).toEqual([{ key: "live", carrier: "$e", keepUntil: 100 }]);
    const restored = createMemoryReplayCache({ entries: snapshot });
    expect(restored.claim("live", "$other", 100, 60)).toBe("replayed");
    expect(restored.claim("live", "$e", 100, 60)).toBe("accepted");
  });
});
