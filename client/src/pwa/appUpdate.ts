// PWA layer: registers the service worker and knows whether a new version of
// the app is waiting. Plain TypeScript with the browser's service worker API
// passed in, so it is tested with fakes (appUpdate.test.ts); the update
// notice (ui/UpdateNotice.tsx) renders its snapshot.
//
// A new version never takes over by itself: its worker installs and waits,
// the notice appears, and only a tap on "Vernieuwen" activates it and reloads
// the page. Nobody loses a half-written message to an update.
import { SERVICE_WORKER_FILE, SKIP_WAITING } from "./workerContract.ts";

export type AppUpdateSnapshot =
  /** This is the newest version we know of. */
  | { readonly kind: "current" }
  /** A new version is installed and waits for the person. */
  | { readonly kind: "available" }
  /** The person tapped "Vernieuwen": the new version takes over and the page reloads. */
  | { readonly kind: "applying" };

/** What a view needs: the snapshot and the one action. */
export type AppUpdateModel = {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => AppUpdateSnapshot;
  readonly apply: () => void;
};

// The parts of the browser's service worker API used here, narrowed so tests can fake them.
export type WorkerHandle = {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: "statechange", listener: () => void): void;
};
export type WorkerRegistration = {
  readonly installing: WorkerHandle | null;
  readonly waiting: WorkerHandle | null;
  update(): Promise<unknown>;
  addEventListener(type: "updatefound", listener: () => void): void;
};
export type WorkerContainer = {
  /** The worker that controls this page; null on a first visit (nothing to update yet). */
  readonly controller: unknown;
  register(
    scriptUrl: string,
    options: { readonly scope: string; readonly updateViaCache: "none" },
  ): Promise<WorkerRegistration>;
  addEventListener(type: "controllerchange", listener: () => void): void;
};

export type AppUpdateDeps = {
  readonly container: WorkerContainer;
  readonly scriptUrl: string;
  readonly scope: string;
  readonly reload: () => void;
  /** Calls `check` now and then, so a page left open for days still learns of a new version. */
  readonly every: (intervalMs: number, check: () => void) => void;
  readonly failed: (message: string, error: unknown) => void;
};

/** How often an open app asks whether a new version was deployed. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export class AppUpdate implements AppUpdateModel {
  readonly #deps: AppUpdateDeps;
  readonly #listeners = new Set<() => void>();
  #snapshot: AppUpdateSnapshot = { kind: "current" };
  #registration: WorkerRegistration | undefined;

  constructor(deps: AppUpdateDeps) {
    this.#deps = deps;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): AppUpdateSnapshot => this.#snapshot;

  /** Registers the worker and starts watching for a new version. A failure leaves the app working online. */
  async start(): Promise<void> {
    const { container } = this.#deps;
    container.addEventListener("controllerchange", () => {
      // A first visit's worker also takes control (to work offline at once):
      // reload only when the person asked for the new version.
      if (this.#snapshot.kind === "applying") this.#deps.reload();
    });
    let registration: WorkerRegistration;
    try {
      registration = await container.register(this.#deps.scriptUrl, {
        scope: this.#deps.scope,
        // The browser asks the server for the worker script itself, never its HTTP cache.
        updateViaCache: "none",
      });
    } catch (error) {
      this.#deps.failed("the service worker could not be registered", error);
      return;
    }
    this.#registration = registration;
    if (registration.waiting !== null && container.controller !== null) this.#available();
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      installing?.addEventListener("statechange", () => {
        // "installed" with a controller: an update, waiting. Without one: the first install.
        if (installing.state === "installed" && container.controller !== null) this.#available();
      });
    });
    this.#deps.every(UPDATE_CHECK_INTERVAL_MS, () => {
      registration.update().catch(() => {
        // Offline, or the server is away: expected, and the next check tries again.
      });
    });
  }

  /** "Vernieuwen": the waiting version takes over; the page reloads when it has. */
  readonly apply = (): void => {
    if (this.#snapshot.kind !== "available") return;
    this.#update({ kind: "applying" });
    const waiting = this.#registration?.waiting ?? null;
    // Another tab may have activated it already: then this page only needs the reload.
    if (waiting === null) this.#deps.reload();
    else waiting.postMessage(SKIP_WAITING);
  };

  #available(): void {
    if (this.#snapshot.kind === "current") this.#update({ kind: "available" });
  }

  #update(next: AppUpdateSnapshot): void {
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}

/**
 * The browser's wiring, for main.tsx. Undefined where no worker runs: the
 * development server (it serves unbuilt files) and browsers without service
 * workers, where the app works online as before.
 */
export function browserAppUpdate(failed: AppUpdateDeps["failed"]): AppUpdate | undefined {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return undefined;
  const base = import.meta.env.BASE_URL;
  const update = new AppUpdate({
    container: navigator.serviceWorker,
    scriptUrl: `${base}${SERVICE_WORKER_FILE}`,
    scope: base,
    reload: () => {
      location.reload();
    },
    every: (intervalMs, check) => {
      setInterval(check, intervalMs);
    },
    failed,
  });
  // After the page has loaded, so caching the shell never competes with the first paint.
  const start = (): void => {
    void update.start();
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
  return update;
}
