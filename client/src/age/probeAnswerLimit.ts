// Services layer, age exchange: how many probes this device answers per sender.
// Protocol hygiene, not a safety rule (what an answer says stays the engine's
// decision): without a limit anyone could make a device answer an endless
// stream of contact or discovery probes, to see when it is online or to load
// it with signature checks. A token bucket per sender's Matrix user ID: a
// burst, then one answer per interval, on an injected clock.

export type ProbeAnswerLimit = {
  /** Answers a sender gets at once. */
  readonly burst: number;
  /** After the burst, one more answer per this many ms. */
  readonly refillMs: number;
};

/** A client asks once per chat it starts or search it runs; 5 at once, then 1 per 10 s, is plenty. */
export const DEFAULT_PROBE_ANSWER_LIMIT: ProbeAnswerLimit = { burst: 5, refillMs: 10_000 };

/** Senders remembered at most; a sender whose bucket is full again needs no entry. */
const MAX_TRACKED_SENDERS = 1000;

type Bucket = { tokens: number; at: number };

export class ProbeAnswerBudget {
  readonly #limit: ProbeAnswerLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(limit: ProbeAnswerLimit, now: () => number) {
    if (!(limit.burst >= 1) || !(limit.refillMs > 0)) {
      throw new Error("a probe answer limit needs a burst of at least 1 and a positive interval");
    }
    this.#limit = limit;
    this.#now = now;
  }

  /** How many senders are remembered (for tests and diagnostics). */
  get trackedSenders(): number {
    return this.#buckets.size;
  }

  /** Spends one answer of `sender`'s budget; false when none is left (then drop the probe). */
  take(sender: string): boolean {
    const now = this.#now();
    const bucket = this.#buckets.get(sender);
    const tokens = this.#tokensAt(bucket, now);
    // A clock that went back neither refills nor moves the bucket's time back.
    const at = Math.max(now, bucket?.at ?? now);
    if (tokens < 1) {
      this.#buckets.set(sender, { tokens, at });
      return false;
    }
    this.#buckets.set(sender, { tokens: tokens - 1, at });
    if (this.#buckets.size > MAX_TRACKED_SENDERS) this.#prune(now);
    return true;
  }

  #tokensAt(bucket: Bucket | undefined, now: number): number {
    if (bucket === undefined) return this.#limit.burst;
    const elapsed = Math.max(0, now - bucket.at);
    return Math.min(this.#limit.burst, bucket.tokens + elapsed / this.#limit.refillMs);
  }

  #prune(now: number): void {
    const remaining: [string, number][] = [];
    for (const [sender, bucket] of this.#buckets) {
      const tokens = this.#tokensAt(bucket, now);
      if (tokens >= this.#limit.burst) this.#buckets.delete(sender);
      else remaining.push([sender, tokens]);
    }
    if (this.#buckets.size <= MAX_TRACKED_SENDERS) return;
    // Still too many (many senders probing at once): forget those with the
    // most answers left, so a sender that just flooded stays limited. Down to
    // 90 % so that this sort runs once per hundred new senders, not per probe.
    remaining.sort((a, b) => b[1] - a[1]);
    for (const [sender] of remaining) {
      if (this.#buckets.size <= MAX_TRACKED_SENDERS * 0.9) break;
      this.#buckets.delete(sender);
    }
  }
}
