// The update notice's state: a new version waits until the person taps
// "Vernieuwen"; a first install never shows it and never reloads the page.
import { describe, expect, it, vi } from "vitest";
import {
  AppUpdate,
  UPDATE_CHECK_INTERVAL_MS,
  type WorkerContainer,
  type WorkerHandle,
  type WorkerRegistration,
} from "./appUpdate.ts";
import { SKIP_WAITING } from "./workerContract.ts";

class FakeWorker implements WorkerHandle {
  state = "installing";
  readonly messages: unknown[] = [];
  readonly #listeners: (() => void)[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  addEventListener(_type: "statechange", listener: () => void): void {
    this.#listeners.push(listener);
  }
  become(state: string): void {
    this.state = state;
    for (const listener of this.#listeners) listener();
  }
}

class FakeRegistration implements WorkerRegistration {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  readonly update = vi.fn(() => Promise.resolve());
  readonly #listeners: (() => void)[] = [];
  addEventListener(_type: "updatefound", listener: () => void): void {
    this.#listeners.push(listener);
  }
  /** The browser found a new worker script and starts installing it. */
  found(worker: FakeWorker): void {
    this.installing = worker;
    for (const listener of this.#listeners) listener();
  }
  /** The new worker installed and waits. */
  installed(worker: FakeWorker): void {
    this.installing = null;
    this.waiting = worker;
    worker.become("installed");
  }
}

class FakeContainer implements WorkerContainer {
  controller: object | null;
  readonly registration = new FakeRegistration();
  readonly register = vi.fn(() => Promise.resolve<WorkerRegistration>(this.registration));
  readonly #listeners: (() => void)[] = [];
  constructor(controlled: boolean) {
    this.controller = controlled ? {} : null;
  }
  addEventListener(_type: "controllerchange", listener: () => void): void {
    this.#listeners.push(listener);
  }
  /** A new worker took control of this page. */
  controllerChanged(): void {
    this.controller = {};
    for (const listener of this.#listeners) listener();
  }
}

function setUp(options: { controlled: boolean }) {
  const container = new FakeContainer(options.controlled);
  const reload = vi.fn();
  const failed = vi.fn();
  const checks: (() => void)[] = [];
  const update = new AppUpdate({
    container,
    scriptUrl: "/sw.js",
    scope: "/",
    reload,
    every: (intervalMs, check) => {
      expect(intervalMs).toBe(UPDATE_CHECK_INTERVAL_MS);
      checks.push(check);
    },
    failed,
  });
  return { container, registration: container.registration, reload, failed, checks, update };
}

describe("AppUpdate", () => {
  it("registers the worker for the whole app, bypassing the HTTP cache for its script", async () => {
    const { container, update } = setUp({ controlled: false });
    await update.start();
    expect(container.register).toHaveBeenCalledWith("/sw.js", {
      scope: "/",
      updateViaCache: "none",
    });
  });

  it("shows nothing on a first install, and does not reload when that worker takes control", async () => {
    const { container, registration, reload, update } = setUp({ controlled: false });
    await update.start();
    const first = new FakeWorker();
    registration.found(first);
    first.become("installed");
    container.controllerChanged();
    expect(update.getSnapshot()).toEqual({ kind: "current" });
    expect(reload).not.toHaveBeenCalled();
  });

  it("shows the notice when a new version has installed and waits", async () => {
    const { registration, update } = setUp({ controlled: true });
    const listener = vi.fn();
    update.subscribe(listener);
    await update.start();
    const next = new FakeWorker();
    registration.found(next);
    expect(update.getSnapshot()).toEqual({ kind: "current" });
    registration.installed(next);
    expect(update.getSnapshot()).toEqual({ kind: "available" });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("shows the notice at once when a new version was already waiting at start", async () => {
    const { registration, update } = setUp({ controlled: true });
    registration.waiting = new FakeWorker();
    await update.start();
    expect(update.getSnapshot()).toEqual({ kind: "available" });
  });

  it("on Vernieuwen, asks the waiting worker to take over and reloads once it has", async () => {
    const { container, registration, reload, update } = setUp({ controlled: true });
    await update.start();
    const next = new FakeWorker();
    registration.found(next);
    registration.installed(next);

    update.apply();
    expect(update.getSnapshot()).toEqual({ kind: "applying" });
    expect(next.messages).toEqual([SKIP_WAITING]);
    expect(reload).not.toHaveBeenCalled();

    container.controllerChanged();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("only reloads when another tab already switched to the new version", async () => {
    const { registration, reload, update } = setUp({ controlled: true });
    registration.waiting = new FakeWorker();
    await update.start();
    registration.waiting = null;
    update.apply();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("does nothing on apply when no new version waits", async () => {
    const { reload, update } = setUp({ controlled: true });
    await update.start();
    update.apply();
    expect(update.getSnapshot()).toEqual({ kind: "current" });
    expect(reload).not.toHaveBeenCalled();
  });

  it("asks the server for a new version now and then, and shrugs off a failed check", async () => {
    const { registration, checks, update } = setUp({ controlled: true });
    await update.start();
    expect(checks).toHaveLength(1);
    registration.update.mockRejectedValueOnce(new Error("offline"));
    checks[0]?.();
    expect(registration.update).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(update.getSnapshot()).toEqual({ kind: "current" });
  });

  it("reports a failed registration and leaves the app as it is", async () => {
    const { container, failed, update } = setUp({ controlled: false });
    const error = new Error("insecure origin");
    container.register.mockRejectedValueOnce(error);
    await update.start();
    expect(failed).toHaveBeenCalledWith("the service worker could not be registered", error);
    expect(update.getSnapshot()).toEqual({ kind: "current" });
  });
});
