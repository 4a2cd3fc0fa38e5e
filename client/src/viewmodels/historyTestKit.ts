// View-model layer: the browser's session history in memory, for unit tests
// (only *.test.ts files import this). Like a browser, `go` moves nothing at
// once: the traversal waits until the test calls `settle()` (the browser's
// next task), then popstate fires with the state of the entry it lands on.

import type { BrowserHistory, HistoryPort } from "./navigation.ts";

export type FakeBrowserHistory = {
  readonly browser: BrowserHistory;
  /** Every entry's state, oldest first. */
  readonly entries: () => readonly unknown[];
  /** The index of the current entry. */
  readonly index: () => number;
  /** The person presses the browser's back button (delivered on `settle`). */
  readonly pressBack: () => void;
  /** The person presses the browser's forward button (delivered on `settle`). */
  readonly pressForward: () => void;
  /** Delivers every waiting traversal, with its popstate. */
  readonly settle: () => void;
  /** How often back went past the first entry: the browser left the app. */
  readonly leftTheApp: () => number;
};

/** `before`: states of entries that exist before the app loads (a reload, an earlier page). */
export function fakeBrowserHistory(before: readonly unknown[] = []): FakeBrowserHistory {
  const entries: unknown[] = [...before, null];
  let index = entries.length - 1;
  let left = 0;
  const waiting: number[] = [];
  const listeners = new Set<(state: unknown) => void>();

  const history: HistoryPort = {
    get state() {
      return entries[index];
    },
    pushState(data) {
      entries.splice(index + 1, entries.length, data);
      index += 1;
    },
    replaceState(data) {
      entries[index] = data;
    },
    go(delta) {
      waiting.push(delta);
    },
  };

  return {
    browser: {
      history,
      onPopState: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    entries: () => entries,
    index: () => index,
    pressBack: () => waiting.push(-1),
    pressForward: () => waiting.push(1),
    settle: () => {
      for (let delta = waiting.shift(); delta !== undefined; delta = waiting.shift()) {
        const target = index + delta;
        if (target < 0) {
          left += 1;
          continue;
        }
        if (target >= entries.length || delta === 0) continue;
        index = target;
        for (const listener of [...listeners]) listener(entries[index]);
      }
    },
    leftTheApp: () => left,
  };
}
