import type { CompiledPack } from "../../src/index.ts";

export type CrashingPack = {
  readonly pack: CompiledPack;
  /** Whether the planned read happened (and threw). */
  readonly thrown: () => boolean;
  /** Stop throwing, so the test can inspect a decision that holds pack objects. */
  readonly disarm: () => void;
};

/**
 * A stand-in for a compiled pack whose `throwAt`-th property read throws: the
 * closest thing to "a rule crashes" without changing the engine for tests.
 * Reads go through unfrozen copies, so the proxies keep JavaScript's invariants.
 */
export function crashingPack(pack: CompiledPack, throwAt: number): CrashingPack {
  let reads = 0;
  let thrown = false;
  let armed = true;
  const wrap = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const copy: Record<string, unknown> = Array.isArray(value)
      ? ([] as unknown as Record<string, unknown>)
      : {};
    for (const key of Object.keys(value)) copy[key] = (value as Record<string, unknown>)[key];
    return new Proxy(copy, {
      get(target, key, receiver) {
        reads += 1;
        if (armed && reads === throwAt) {
          thrown = true;
          throw new Error(`crash at read ${String(throwAt)}`);
        }
        return wrap(Reflect.get(target, key, receiver));
      },
    });
  };
  return {
    pack: wrap(pack) as CompiledPack,
    thrown: () => thrown,
    disarm: () => {
      armed = false;
    },
  };
}
