// View-model layer: the browser's (and Android's) back button. Every screen
// above the first and every open dialog (help, the report sheet) is one
// step, with one entry in the browser's history, so back goes back one step,
// as in any chat app, instead of leaving the app. The view models own what is
// on screen: they push a step when they open something and say how to go back
// from it; this keeps the browser's history in step with them and runs that
// back when the person presses the browser's back button.
//
// An entry holds only its depth and the page load it belongs to, never a
// screen, a room or a name: reload lands on the first screen, and the
// browser's history holds nothing about whom the person talked to. The
// browser's `history` is injected (main.tsx passes `window.history`, tests a
// fake), so this runs without a browser.

/** The part of the History API this uses; `window.history` satisfies it. */
export type HistoryPort = {
  readonly state: unknown;
  pushState(data: unknown, unused: string): void;
  replaceState(data: unknown, unused: string): void;
  /** A traversal: the browser moves later and then fires popstate. */
  go(delta: number): void;
};

export type BrowserHistory = {
  readonly history: HistoryPort;
  /** Calls `listener` on each popstate with the now current entry's state; returns the unsubscribe. */
  readonly onPopState: (listener: (state: unknown) => void) => () => void;
};

/** One step back: a screen above the first, or an open dialog. */
export type BackStep = {
  /**
   * The app left this step itself (its own back or close button, or it moved
   * on): its browser entry goes too. Leaving a step twice, or one the browser's
   * back already took, does nothing.
   */
  readonly leave: () => void;
};

/** The key of this app's mark in a history entry's state. */
const MARK = "safetyByDesignStep";

type Mark = { readonly load: string; readonly depth: number };

export class Navigation {
  readonly #history: HistoryPort;
  readonly #load: string;
  readonly #unsubscribe: () => void;
  /** The open steps, bottom first; each one's `back` runs when the browser goes back past it. */
  readonly #steps: { readonly back: () => void }[] = [];
  /** The depth of the browser's current entry, as far as this knows. */
  #browserDepth = 0;
  /** A traversal this asked for has not arrived yet: nothing else moves until it does. */
  #traversing = false;
  /** The browser's back is being applied: the steps it takes may not sync on their own. */
  #goingBack = false;
  /** Quick exit: the app is leaving; a traversal now could cancel that navigation. */
  #suspended = false;

  /** `load`: unique per page load, so entries left from an earlier load are told apart. */
  constructor(browser: BrowserHistory, load: string) {
    this.#history = browser.history;
    this.#load = load;
    // Whatever entry the app loads on is its first screen (reload lands on the chat list).
    this.#history.replaceState(this.#mark(0), "");
    this.#unsubscribe = browser.onPopState((state) => {
      this.#popped(state);
    });
  }

  /** Opens a step on top: the browser's back runs `back` (close the dialog, go back a screen). */
  push(back: () => void): BackStep {
    const step = { back };
    this.#steps.push(step);
    this.#sync();
    return {
      leave: () => {
        const index = this.#steps.indexOf(step);
        if (index < 0) return;
        this.#steps.splice(index, 1);
        this.#sync();
      },
    };
  }

  /**
   * For the quick exit, just before the app leaves for another site: from now
   * on steps close without touching the browser's history (the app's current
   * entry is being replaced). The next popstate, if the person comes back,
   * resumes.
   */
  suspend(): void {
    this.#suspended = true;
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #popped(state: unknown): void {
    const ours = this.#traversing;
    this.#traversing = false;
    this.#suspended = false;
    const mark = readMark(state, this.#load);
    if (mark === undefined) {
      // An entry from before this page load: the person went back past the
      // first screen. It becomes the first screen, and back goes on, out of
      // the app, instead of stopping at entries of an earlier visit.
      this.#history.replaceState(this.#mark(0), "");
      this.#browserDepth = 0;
      this.#backTo(0);
      this.#history.go(-1);
      return;
    }
    this.#browserDepth = mark.depth;
    // A traversal this asked for only brings the browser in step; any other is the person's back.
    if (!ours) this.#backTo(mark.depth);
    this.#sync();
  }

  /** Runs the back of every step above `depth`, top first. */
  #backTo(depth: number): void {
    this.#goingBack = true;
    try {
      while (this.#steps.length > depth) this.#steps.pop()?.back();
    } finally {
      this.#goingBack = false;
    }
  }

  /** Moves the browser's history to as many entries as there are steps. */
  #sync(): void {
    if (this.#traversing || this.#goingBack || this.#suspended) return;
    const depth = this.#steps.length;
    if (this.#browserDepth > depth) {
      this.#traversing = true;
      this.#history.go(depth - this.#browserDepth);
      return;
    }
    while (this.#browserDepth < depth) {
      this.#browserDepth += 1;
      this.#history.pushState(this.#mark(this.#browserDepth), "");
    }
  }

  #mark(depth: number): Record<string, Mark> {
    return { [MARK]: { load: this.#load, depth } };
  }
}

/** This load's mark in an entry's state; undefined for any other entry. */
function readMark(state: unknown, load: string): Mark | undefined {
  if (typeof state !== "object" || state === null) return undefined;
  const mark: unknown = (state as Record<string, unknown>)[MARK];
  if (typeof mark !== "object" || mark === null) return undefined;
  const { load: markLoad, depth } = mark as Record<string, unknown>;
  return markLoad === load && typeof depth === "number" && Number.isInteger(depth) && depth >= 0
    ? { load, depth }
    : undefined;
}
