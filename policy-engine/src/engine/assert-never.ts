/**
 * Ends every switch over a union of kinds: adding a kind makes the switch fail
 * to compile until it is handled. At run time (only reachable when types were
 * bypassed) it throws, and the engine turns that into a fail-closed decision.
 */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
