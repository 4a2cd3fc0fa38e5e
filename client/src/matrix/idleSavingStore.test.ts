// sdkLogging first: SDK modules bind their logging methods when they load.
import { setSdkLogLevel } from "./sdkLogging.ts";
import { IDBFactory } from "fake-indexeddb";
import type { ISyncResponse } from "matrix-js-sdk";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  IDLE_SAVE_TIMEOUT_MS,
  IdleSavingIndexedDBStore,
  laterWhenIdle,
  MIN_SAVE_INTERVAL_MS,
  SAVE_DELAY_MS,
} from "./idleSavingStore.ts";

// The store's progress lines ("connecting to backend", "Persisting sync data") are not this test's.
beforeAll(() => {
  setSdkLogLevel("error");
});

/** A scheduler the test runs by hand: what the page's idle callback would run. */
function manualScheduler(): {
  readonly schedule: (task: () => void, delayMs: number, timeoutMs: number) => void;
  readonly pending: () => number;
  readonly waits: (readonly [number, number])[];
  readonly runAll: () => void;
} {
  const tasks: (() => void)[] = [];
  const waits: (readonly [number, number])[] = [];
  return {
    schedule: (task, delayMs, timeoutMs) => {
      tasks.push(task);
      waits.push([delayMs, timeoutMs]);
    },
    pending: () => tasks.length,
    waits,
    runAll: () => {
      for (const task of tasks.splice(0)) task();
    },
  };
}

function syncResponse(nextBatch: string): ISyncResponse {
  return {
    next_batch: nextBatch,
    account_data: { events: [] },
    presence: { events: [] },
    rooms: { join: {}, invite: {}, leave: {}, knock: {} },
  };
}

const DB_NAME = "idle-save";

async function startedStore(
  scheduler: ReturnType<typeof manualScheduler>,
  indexedDB: IDBFactory,
): Promise<IdleSavingIndexedDBStore> {
  const store = new IdleSavingIndexedDBStore({ indexedDB, dbName: DB_NAME }, scheduler.schedule);
  await store.startup();
  return store;
}

/** The next-batch token on disk (the SDK's own getter answers from memory). */
function savedToken(indexedDB: IDBFactory): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`matrix-js-sdk:${DB_NAME}`);
    open.onerror = () => {
      reject(open.error ?? new Error("open failed"));
    };
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("sync")) {
        db.close();
        resolve(null);
        return;
      }
      // One record ("clobber": always overwritten), under an array key.
      const read = db.transaction("sync").objectStore("sync").getAll();
      read.onsuccess = () => {
        db.close();
        const [record] = read.result as { nextBatch?: string }[];
        resolve(record?.nextBatch ?? null);
      };
      read.onerror = () => {
        db.close();
        reject(read.error ?? new Error("read failed"));
      };
    };
  });
}

async function settled(check: () => Promise<boolean>): Promise<void> {
  await expect.poll(check).toBe(true);
}

describe("IdleSavingIndexedDBStore", () => {
  it("lets the sync loop go on at once and writes the sync later, when the page is idle", async () => {
    const scheduler = manualScheduler();
    const indexedDB = new IDBFactory();
    const store = await startedStore(scheduler, indexedDB);
    await store.setSyncData(syncResponse("s1"));

    await store.save();
    expect(scheduler.pending()).toBe(1);
    expect(scheduler.waits).toEqual([[SAVE_DELAY_MS, IDLE_SAVE_TIMEOUT_MS]]);
    expect(await savedToken(indexedDB)).toBeNull();

    scheduler.runAll();
    await settled(async () => (await savedToken(indexedDB)) === "s1");
    // Saved: the store wants no other save for its usual interval.
    expect(store.wantsSave()).toBe(false);
  });

  it("writes again once the last write is MIN_SAVE_INTERVAL_MS old, not every five minutes", async () => {
    const scheduler = manualScheduler();
    const indexedDB = new IDBFactory();
    const store = await startedStore(scheduler, indexedDB);
    await store.setSyncData(syncResponse("s1"));
    await store.save();
    scheduler.runAll();
    await settled(async () => (await savedToken(indexedDB)) === "s1");

    const now = vi.spyOn(Date, "now");
    const savedAt = Date.now();
    now.mockReturnValue(savedAt + MIN_SAVE_INTERVAL_MS - 1_000);
    expect(store.wantsSave()).toBe(false);
    now.mockReturnValue(savedAt + MIN_SAVE_INTERVAL_MS + 1_000);
    expect(store.wantsSave()).toBe(true);
    await store.setSyncData(syncResponse("s2"));
    await store.save();
    scheduler.runAll();
    now.mockRestore();
    await settled(async () => (await savedToken(indexedDB)) === "s2");
  });

  it("schedules one write for the saves asked while it waits", async () => {
    const scheduler = manualScheduler();
    const indexedDB = new IDBFactory();
    const store = await startedStore(scheduler, indexedDB);
    await store.setSyncData(syncResponse("s1"));
    await store.save();
    await store.setSyncData(syncResponse("s2"));
    await store.save();
    expect(scheduler.pending()).toBe(1);

    scheduler.runAll();
    // The one write takes what was accumulated by then.
    await settled(async () => (await savedToken(indexedDB)) === "s2");
  });

  it("writes at once when the save is forced", async () => {
    const scheduler = manualScheduler();
    const indexedDB = new IDBFactory();
    const store = await startedStore(scheduler, indexedDB);
    await store.setSyncData(syncResponse("s1"));
    await store.save(true);
    expect(scheduler.pending()).toBe(0);
    expect(await savedToken(indexedDB)).toBe("s1");
  });

  it("does not write after the store was deleted (sign-out)", async () => {
    const scheduler = manualScheduler();
    const indexedDB = new IDBFactory();
    const store = await startedStore(scheduler, indexedDB);
    await store.setSyncData(syncResponse("s1"));
    await store.save();
    await store.destroy();

    scheduler.runAll();
    // Give a wrongly made write the time to land.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await savedToken(indexedDB)).toBeNull();
  });
});

describe("laterWhenIdle", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** A page's idle callbacks, handed out by hand with the time they leave. */
  function idlePeriods(): { readonly next: (timeRemaining: number) => void } {
    const waiting: IdleRequestCallback[] = [];
    vi.stubGlobal("requestIdleCallback", (callback: IdleRequestCallback) => {
      waiting.push(callback);
      return waiting.length;
    });
    return {
      next: (timeRemaining) => {
        const callback = waiting.shift();
        callback?.({ didTimeout: false, timeRemaining: () => timeRemaining });
      },
    };
  }

  it("waits out the delay, then passes over short gaps between frames for a really idle moment", () => {
    vi.useFakeTimers();
    const idle = idlePeriods();
    let ran = 0;
    laterWhenIdle(() => (ran += 1), 1_000, 3_000);
    idle.next(49);
    expect(ran).toBe(0);
    vi.advanceTimersByTime(1_000);
    // Between two frames of the chat list being drawn: a few ms, not the write's moment.
    idle.next(6);
    expect(ran).toBe(0);
    idle.next(49);
    expect(ran).toBe(1);
  });

  it("writes after the longest wait even if the page is never really idle", () => {
    vi.useFakeTimers();
    const idle = idlePeriods();
    let ran = 0;
    laterWhenIdle(() => (ran += 1), 1_000, 3_000);
    vi.advanceTimersByTime(1_000);
    idle.next(6);
    vi.advanceTimersByTime(3_000);
    idle.next(6);
    expect(ran).toBe(1);
  });
});
