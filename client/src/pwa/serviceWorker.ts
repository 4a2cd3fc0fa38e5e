// PWA layer: the service worker. It makes the app start with no network: the
// app shell (sign-in, all copy, the help screen and its resources) is cached
// when the worker installs, so help opens offline even on a cold start.
//
// What it never does: cache or even read anything of the Matrix API or media
// (cacheRoutes.ts sends those to the network untouched). Messages and keys
// stay where the Matrix layer keeps them (IndexedDB, encrypted at rest by the
// crypto store); the worker only ever holds this build's own files.
//
// Updates: a new version installs beside the old one and waits. The app shows
// "Nieuwe versie beschikbaar" (appUpdate.ts); when the person taps it, the
// app tells the waiting worker to take over and reloads.
//
// Built by serviceWorkerPlugin.ts into dist/sw.js as one classic script; the
// two constants below are written in at build time.
import {
  cacheNames,
  routeRequest,
  staleCaches,
  staleOnFirstUseCaches,
  type BuildFiles,
} from "./cacheRoutes.ts";
import { SKIP_WAITING } from "./workerContract.ts";

declare const __BUILD_FILES__: BuildFiles;
declare const __BUILD_VERSION__: string;

// The few parts of the service worker global scope used here. The client is
// type-checked with the DOM library, which cannot be combined with the
// WebWorker library in one project, so they are named here instead.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
};
type MessageFromPage = ExtendableEvent & { readonly data: unknown };
type ServiceWorkerScope = {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageFromPage) => void): void;
};

const worker = self as unknown as ServiceWorkerScope;
const files = __BUILD_FILES__;
const version = __BUILD_VERSION__;
const names = cacheNames(version);
const scope = worker.registration.scope;

// Install: cache the app shell. `cache: "reload"` skips the browser's HTTP
// cache, so the shell is this version's files and not an older copy. If any
// file fails, the install fails and the current version stays.
worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(names.shell);
      await cache.addAll(
        files.precache.map((path) => new Request(new URL(path, scope), { cache: "reload" })),
      );
    })(),
  );
});

// Activate: keep lazily loaded files that this version still uses (the 7.8 MB
// crypto WASM rarely changes), delete every cache of other versions, and take
// control of open pages, so a first visit works offline without a reload.
worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const existing = await caches.keys();
      await carryOverOnFirstUseFiles(staleOnFirstUseCaches(existing, version));
      await Promise.all(staleCaches(existing, version).map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

// The page asks the waiting version to take over when the person taps "Vernieuwen".
worker.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING) void worker.skipWaiting();
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const route = routeRequest(
    { url: request.url, method: request.method, mode: request.mode },
    scope,
    files,
  );
  switch (route.kind) {
    case "network-only":
      // Not answering lets the browser fetch it as if there were no worker.
      return;
    case "app-shell":
    case "precached":
      event.respondWith(fromCache(names.shell, route.cacheKey, request));
      return;
    case "on-first-use":
      event.respondWith(
        cacheOnFirstUse(route.cacheKey, request, (work) => {
          event.waitUntil(work);
        }),
      );
      return;
    default: {
      const unhandled: never = route;
      throw new Error(`unhandled route ${JSON.stringify(unhandled)}`);
    }
  }
});

/** From this version's cache; from the network only if the cache lost it (storage pressure). */
async function fromCache(cacheName: string, key: string, request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  return (await cache.match(key)) ?? fetch(request);
}

/**
 * Hashed file names never change content, so a cached copy is always right.
 * The response goes to the page at once; storing the copy runs beside it.
 */
async function cacheOnFirstUse(
  key: string,
  request: Request,
  keepAlive: (work: Promise<unknown>) => void,
): Promise<Response> {
  const cache = await caches.open(names.onFirstUse);
  const cached = await cache.match(key);
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  if (response.ok) keepAlive(cache.put(key, response.clone()));
  return response;
}

async function carryOverOnFirstUseFiles(oldCaches: readonly string[]): Promise<void> {
  const cache = await caches.open(names.onFirstUse);
  for (const oldName of oldCaches) {
    const old = await caches.open(oldName);
    for (const request of await old.keys()) {
      const route = routeRequest({ url: request.url, method: "GET", mode: "cors" }, scope, files);
      if (route.kind !== "on-first-use") continue;
      const response = await old.match(request);
      if (response !== undefined) await cache.put(route.cacheKey, response);
    }
  }
}
