import { describe, expect, it, vi } from "vitest";
import type { WakeAt } from "./ConversationReminderViewModel.ts";
import { SessionLoadingViewModel, SLOW_AFTER_MS } from "./SessionLoadingViewModel.ts";

/** A clock and a WakeAt that fire only when the test moves time on. */
function fakeTime(): { now: () => number; wakeAt: WakeAt; advance: (ms: number) => void } {
  let now = 1_000;
  let wakes: { time: number; callback: () => void }[] = [];
  return {
    now: () => now,
    wakeAt: (time, callback) => {
      const wake = { time, callback };
      wakes.push(wake);
      return () => {
        wakes = wakes.filter((other) => other !== wake);
      };
    },
    advance: (ms) => {
      now += ms;
      const due = wakes.filter((wake) => wake.time <= now);
      wakes = wakes.filter((wake) => wake.time > now);
      for (const wake of due) wake.callback();
    },
  };
}

describe("SessionLoadingViewModel", () => {
  it("starts with the app's own code and moves on only when a stage is reported", () => {
    const time = fakeTime();
    const loading = new SessionLoadingViewModel({ ...time, retry: vi.fn() });
    expect(loading.getSnapshot()).toEqual({ stage: "app", slow: false });
    time.advance(5_000);
    expect(loading.getSnapshot().stage).toBe("app");
    loading.reached("keys");
    expect(loading.getSnapshot().stage).toBe("keys");
    loading.reached("sync");
    expect(loading.getSnapshot().stage).toBe("sync");
  });

  it("never goes back to an earlier stage", () => {
    const time = fakeTime();
    const loading = new SessionLoadingViewModel({ ...time, retry: vi.fn() });
    loading.reached("sync");
    loading.reached("keys");
    loading.reached("app");
    expect(loading.getSnapshot().stage).toBe("sync");
  });

  it("says it takes longer than normal once 20 seconds have passed, whatever the stage", () => {
    const time = fakeTime();
    const loading = new SessionLoadingViewModel({ ...time, retry: vi.fn() });
    loading.reached("keys");
    time.advance(SLOW_AFTER_MS - 1);
    expect(loading.getSnapshot().slow).toBe(false);
    time.advance(1);
    expect(loading.getSnapshot()).toEqual({ stage: "keys", slow: true });
    // A stage reached late still shows: the person sees it is moving.
    loading.reached("sync");
    expect(loading.getSnapshot()).toEqual({ stage: "sync", slow: true });
  });

  it("does not call a start that finished in time slow", () => {
    const time = fakeTime();
    const loading = new SessionLoadingViewModel({ ...time, retry: vi.fn() });
    loading.reached("done");
    time.advance(SLOW_AFTER_MS * 2);
    expect(loading.getSnapshot()).toEqual({ stage: "done", slow: false });
  });

  it("retries through its dependency, and stops its timer when disposed", () => {
    const time = fakeTime();
    const retry = vi.fn();
    const loading = new SessionLoadingViewModel({ ...time, retry });
    loading.retry();
    expect(retry).toHaveBeenCalledOnce();
    loading.dispose();
    time.advance(SLOW_AFTER_MS);
    expect(loading.getSnapshot().slow).toBe(false);
  });
});
