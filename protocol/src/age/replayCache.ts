// Protocol, age format: the verifier's memory of presentation nonces.
// Holders choose their nonces (Matrix is asynchronous: the verifier may be
// offline when a presentation is made), so the verifier must remember every
// nonce it accepted for as long as the presentation could still be accepted.

export type ReplayClaim = "accepted" | "replayed" | "full";

export type ReplayCache = {
  /**
   * Records `key` as used by `carrier` until `keepUntil` (ms). "accepted" the
   * first time, and again for the same carrier (the verifier re-reading the
   * same Matrix event after a reload is not a replay); "replayed" when another
   * carrier, or an unknown one, used it; "full" when it cannot remember more.
   */
  claim(key: string, carrier: string | undefined, keepUntil: number, now: number): ReplayClaim;
};

export type ReplayCacheEntry = {
  readonly key: string;
  readonly carrier: string | undefined;
  readonly keepUntil: number;
};

export type MemoryReplayCache = ReplayCache & {
  /** The live entries, to persist across reloads and pass back in as `entries`. */
  snapshot(now: number): readonly ReplayCacheEntry[];
};

export const DEFAULT_REPLAY_CACHE_ENTRIES = 10_000;

/**
 * An in-memory replay cache, bounded to `maxEntries`. When it is full of
 * unexpired entries it refuses new ones ("full") rather than forgetting old
 * ones: forgetting would reopen a replay window, refusing only makes the
 * sender look unverified, which is the protective outcome.
 */
export function createMemoryReplayCache(
  options: { readonly maxEntries?: number; readonly entries?: readonly ReplayCacheEntry[] } = {},
): MemoryReplayCache {
  const maxEntries = options.maxEntries ?? DEFAULT_REPLAY_CACHE_ENTRIES;
  const entries = new Map<string, ReplayCacheEntry>();
  for (const entry of options.entries ?? []) entries.set(entry.key, entry);

  const prune = (now: number): void => {
    for (const [key, entry] of entries) if (entry.keepUntil < now) entries.delete(key);
  };

  return {
    claim(key, carrier, keepUntil, now) {
      const existing = entries.get(key);
      if (existing !== undefined && existing.keepUntil >= now) {
        return carrier !== undefined && existing.carrier === carrier ? "accepted" : "replayed";
      }
      if (entries.size >= maxEntries) prune(now);
      if (entries.size >= maxEntries) return "full";
      entries.set(key, { key, carrier, keepUntil });
      return "accepted";
    },
    snapshot(now) {
      prune(now);
      return [...entries.values()];
    },
  };
}
