// Matrix layer: the SDK's IndexedDB sync store, saving when the page is idle
// instead of inside the sync loop.
//
// The SDK's sync loop writes its whole accumulated sync to IndexedDB right
// after the first sync (and then every five minutes), and waits for it: one
// structured clone of every room's state and timeline, on the main thread,
// between "the first sync is processed" and the app's first look at it. For
// an account of 1,000 chats that was about 400 ms (plus its garbage) in front
// of the chat list (docs/performance.md). This store says yes to the loop at
// once and does the same write later: SAVE_DELAY_MS after it was wanted, at
// the next idle moment (at most IDLE_SAVE_TIMEOUT_MS more). Idle alone is too
// soon: the page is idle while the chat list's code and words load, and the
// write then landed in front of the chat list all the same. The stored sync
// is a cache for the next start: a save a few seconds later loses nothing the
// SDK's own five-minute interval does not already risk, and a start without
// it does a full first sync.

import { IndexedDBStore } from "matrix-js-sdk";

/** How long a wanted save waits before it looks for an idle moment: the first screen's time. */
export const SAVE_DELAY_MS = 5_000;
/** The longest it then waits for an idle moment. */
export const IDLE_SAVE_TIMEOUT_MS = 5_000;

/** Runs `task` after `delayMs`, when the main thread is idle (at most `timeoutMs` later). */
export type IdleScheduler = (task: () => void, delayMs: number, timeoutMs: number) => void;

const laterWhenIdle: IdleScheduler = (task, delayMs, timeoutMs) => {
  setTimeout(() => {
    if (typeof globalThis.requestIdleCallback === "function") {
      globalThis.requestIdleCallback(task, { timeout: timeoutMs });
    } else {
      task();
    }
  }, delayMs);
};

type IndexedDBStoreOptions = ConstructorParameters<typeof IndexedDBStore>[0];

export class IdleSavingIndexedDBStore extends IndexedDBStore {
  readonly #schedule: IdleScheduler;
  /** A save is waiting for an idle moment. */
  #saveScheduled = false;
  /** Deleted (sign-out): a waiting save must not write again. */
  #destroyed = false;

  constructor(options: IndexedDBStoreOptions, schedule: IdleScheduler = laterWhenIdle) {
    super(options);
    this.#schedule = schedule;
  }

  /**
   * A forced save writes now, as before; an ordinary one the store wants is
   * done later (see above), and the sync loop goes on at once.
   */
  override save(force = false): Promise<void> {
    if (force) return super.save(true);
    if (this.#saveScheduled || !this.wantsSave()) return Promise.resolve();
    this.#saveScheduled = true;
    this.#schedule(
      () => {
        this.#saveScheduled = false;
        if (this.#destroyed) return;
        // The stored sync is a cache: a failed write only means a full sync next start.
        super.save(true).catch(() => undefined);
      },
      SAVE_DELAY_MS,
      IDLE_SAVE_TIMEOUT_MS,
    );
    return Promise.resolve();
  }

  override destroy(): Promise<void> {
    this.#destroyed = true;
    return super.destroy();
  }
}
