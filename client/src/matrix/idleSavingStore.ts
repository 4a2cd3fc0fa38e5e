// Matrix layer: the SDK's IndexedDB sync store, saving when the page is idle
// instead of inside the sync loop.
//
// The SDK's sync loop writes its whole accumulated sync to IndexedDB right
// after the first sync (and then every five minutes), and waits for it: one
// structured clone of every room's state and timeline, on the main thread,
// between "the first sync is processed" and the app's first look at it. For
// an account of 1,000 chats that was about 400 ms (plus its garbage) in front
// of the chat list (docs/performance.md). This store says yes to the loop at
// once and does the same write a moment later: SAVE_DELAY_MS after it was
// wanted, in the first idle period that is really idle (nothing else to do
// for IDLE_REMAINING_MS, so not the short gaps between the frames that draw
// the chat list, nor those while its code and words arrive, where a plain
// idle callback put it in front of the chat list all the same; and not
// while the person scrolls, taps or types), or after IDLE_SAVE_TIMEOUT_MS at
// the latest. Not at once when the page is hidden or left: a write the
// closing page cuts off fails, and the SDK answers a failed write by
// deleting the whole store (its "degraded" path), which the next start then
// waited on (seen in the cold-start bench, whose pages close right after
// their start).
//
// The stored sync is what the next start shows before it is online: a start
// without it does a full first sync, and offline shows nothing. So the write
// waits seconds, not minutes. And it is written again as often as it is
// cheap: the SDK writes at most every five minutes, so an app reopened
// offline showed the chats as they were minutes ago (messages read since
// counted as unread again: seen in the walkthrough). Here at most every
// MIN_SAVE_INTERVAL_MS, but never more than a thousandth of the main
// thread: a write that blocks it 0.35 s (1,000 chats) waits six minutes.

import { IndexedDBStore } from "matrix-js-sdk";

/** How long a wanted save waits before it looks for an idle moment: the first screen's time. */
export const SAVE_DELAY_MS = 1_000;
/**
 * The longest it then waits for an idle moment. Long: the write is one long
 * task (200 ms for 1,000 chats), and someone scrolling through their chats
 * right after signing in should not feel it; they stop sooner than this.
 */
export const IDLE_SAVE_TIMEOUT_MS = 20_000;
/** The shortest time between two writes: what an app reopened offline shows is at most this old. */
export const MIN_SAVE_INTERVAL_MS = 30_000;
/** Between two writes at least this many times as long as the last write held the main thread. */
const SAVE_INTERVAL_FACTOR = 1_000;

/** An idle period with this much time left has nothing else queued (50 ms is the most there is). */
const IDLE_REMAINING_MS = 40;
/** Not while the person scrolls, taps or types: this long after their last touch, key or scroll. */
const QUIET_AFTER_INPUT_MS = 1_000;

/** When the person last scrolled, touched or typed in this page (performance.now()). */
let lastInputAt = Number.NEGATIVE_INFINITY;
let listeningForInput = false;
function listenForInput(): void {
  if (listeningForInput || typeof window === "undefined") return;
  listeningForInput = true;
  const noted = (): void => {
    lastInputAt = performance.now();
  };
  for (const type of ["scroll", "wheel", "touchmove", "pointerdown", "keydown"]) {
    window.addEventListener(type, noted, { capture: true, passive: true });
  }
}

/** Runs `task` after `delayMs`, when the main thread is idle (at most `timeoutMs` later). */
export type IdleScheduler = (task: () => void, delayMs: number, timeoutMs: number) => void;

export const laterWhenIdle: IdleScheduler = (task, delayMs, timeoutMs) => {
  listenForInput();
  setTimeout(() => {
    const requestIdle = globalThis.requestIdleCallback as typeof requestIdleCallback | undefined;
    if (requestIdle === undefined) {
      task();
      return;
    }
    const giveUpAt = performance.now() + timeoutMs;
    const whenReallyIdle = (deadline: IdleDeadline): void => {
      const quiet =
        deadline.timeRemaining() >= IDLE_REMAINING_MS &&
        performance.now() - lastInputAt >= QUIET_AFTER_INPUT_MS;
      if (deadline.didTimeout || quiet || performance.now() >= giveUpAt) {
        task();
      } else {
        requestIdle(whenReallyIdle, { timeout: Math.max(0, giveUpAt - performance.now()) });
      }
    };
    requestIdle(whenReallyIdle, { timeout: timeoutMs });
  }, delayMs);
};

type IndexedDBStoreOptions = ConstructorParameters<typeof IndexedDBStore>[0];

export class IdleSavingIndexedDBStore extends IndexedDBStore {
  readonly #schedule: IdleScheduler;
  /** A save is waiting for an idle moment. */
  #saveScheduled = false;
  /** Deleted (sign-out): a waiting save must not write again. */
  #destroyed = false;
  /** When this store last wrote (Date.now()), and how long that held the main thread. */
  #lastSaveAt = Number.NEGATIVE_INFINITY;
  #lastSaveMs = 0;

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
        this.#saveNow();
      },
      SAVE_DELAY_MS,
      IDLE_SAVE_TIMEOUT_MS,
    );
    return Promise.resolve();
  }

  /** Wants a write when the last one is MIN_SAVE_INTERVAL_MS old, or longer for a costly one (above). */
  override wantsSave(): boolean {
    const interval = Math.max(MIN_SAVE_INTERVAL_MS, SAVE_INTERVAL_FACTOR * this.#lastSaveMs);
    return Date.now() - this.#lastSaveAt > interval;
  }

  override destroy(): Promise<void> {
    this.#destroyed = true;
    return super.destroy();
  }

  /** Writes the waiting save. */
  #saveNow(): void {
    if (!this.#saveScheduled || this.#destroyed) return;
    this.#saveScheduled = false;
    const started = performance.now();
    const writing = super.save(true);
    // The clone of everything is the synchronous part: what the main thread paid.
    this.#lastSaveMs = performance.now() - started;
    this.#lastSaveAt = Date.now();
    // The stored sync is a cache: a failed write only means a full sync next start.
    writing.catch(() => undefined);
  }
}
