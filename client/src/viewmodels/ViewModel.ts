// View-model base: publishes immutable snapshots that views read through
// useSyncExternalStore. Whoever creates a view model disposes it.

export type Listener = () => void;

export abstract class ViewModel<Snapshot> {
  #snapshot: Snapshot;
  readonly #listeners = new Set<Listener>();
  readonly #disposers: (() => void)[] = [];

  protected constructor(initial: Snapshot) {
    this.#snapshot = initial;
  }

  /** Stable function references, so views can pass them straight to React. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): Snapshot => this.#snapshot;

  protected update(next: Snapshot): void {
    if (Object.is(next, this.#snapshot)) return;
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }

  /** Registers clean-up to run on dispose (unsubscribing from lower layers). */
  protected onDispose(disposer: () => void): void {
    this.#disposers.push(disposer);
  }

  dispose(): void {
    for (const disposer of this.#disposers.splice(0)) disposer();
    this.#listeners.clear();
  }
}
