// View-model layer: the loading screen while a session starts, in the stages
// a person waits for: the app's own code, the encryption keys (the crypto
// WASM and this device's key store), the first sync. Stages move on only
// when the session's start reports them (RootViewModel, from main.tsx and
// the Matrix layer), never on a timer: the one timer here says when waiting
// has become unusual, so the screen can say so and offer a retry. Help stays
// in the header all along.

import type { WakeAt } from "./ConversationReminderViewModel.ts";
import { ViewModel } from "./ViewModel.ts";

/** In the order they happen; each starts when the one before is done. */
export const LOADING_STAGES = ["app", "keys", "sync"] as const;
export type LoadingStage = (typeof LOADING_STAGES)[number];

/** After this long, the screen says it takes longer than normal (a slow phone and network manage in far less). */
export const SLOW_AFTER_MS = 20_000;

export type SessionLoadingSnapshot = {
  /** The stage under way; "done" once the session has started (its first screen is opening). */
  readonly stage: LoadingStage | "done";
  /** Waiting has taken longer than normal: the screen says so and offers a retry. */
  readonly slow: boolean;
};

export type SessionLoadingDependencies = {
  readonly now: () => number;
  readonly wakeAt: WakeAt;
  /** Starts over (main.tsx: reloads the page; a stuck SDK cannot be restarted in place). */
  readonly retry: () => void;
  readonly slowAfterMs?: number;
};

export class SessionLoadingViewModel extends ViewModel<SessionLoadingSnapshot> {
  readonly #retry: () => void;

  constructor(deps: SessionLoadingDependencies) {
    super({ stage: "app", slow: false });
    this.#retry = deps.retry;
    const cancel = deps.wakeAt(deps.now() + (deps.slowAfterMs ?? SLOW_AFTER_MS), () => {
      if (this.getSnapshot().stage === "done") return;
      this.update({ ...this.getSnapshot(), slow: true });
    });
    this.onDispose(cancel);
  }

  /** The session's start reached `stage`; an earlier or repeated report changes nothing. */
  readonly reached = (stage: LoadingStage | "done"): void => {
    const { stage: current } = this.getSnapshot();
    if (order(stage) <= order(current)) return;
    this.update({ ...this.getSnapshot(), stage });
  };

  readonly retry = (): void => {
    this.#retry();
  };
}

function order(stage: LoadingStage | "done"): number {
  return stage === "done" ? LOADING_STAGES.length : LOADING_STAGES.indexOf(stage);
}
