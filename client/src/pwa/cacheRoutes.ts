// PWA layer (runs inside the service worker): which requests the worker
// answers from its caches and which it leaves to the network untouched. Pure:
// a request's address and the build's file lists in, a decision out, so the
// rules are unit tested without a browser (cacheRoutes.test.ts).
//
// The rule is an allow-list. Only files of this build are ever served from a
// cache; everything else, and above all the Matrix API and media, goes to the
// network exactly as if there were no worker.

/** The files of one build, as paths relative to the app's base URL (built by buildFiles.ts). */
export type BuildFiles = {
  /**
   * Cached when the worker installs: the app shell (index.html and the JS and
   * CSS the sign-in screen needs, which hold all copy, the help screen and the
   * help resources), the web app manifest and the icons.
   */
  readonly precache: readonly string[];
  /**
   * The app's lazily loaded files (matrix-js-sdk, the crypto WASM, reporting,
   * ...): cached the first time the app loads them, never at install, so a
   * first visit does not download megabytes the sign-in screen does not need.
   */
  readonly onFirstUse: readonly string[];
};

/** The parts of a `Request` the routing looks at. */
export type RequestFacts = {
  readonly url: string;
  readonly method: string;
  /** `Request.mode`: "navigate" for opening a page. */
  readonly mode: string;
};

export type NetworkOnlyReason =
  /** POST, PUT, ...: never cached. */
  | "not-get"
  /** The Matrix client-server API, Synapse's admin API, media, .well-known: network only, always. */
  | "matrix"
  /** Another origin, or outside the app's scope (the homeserver, the age issuer, ...). */
  | "outside-app"
  /** Same origin, but not a file of this build's app (the facilitator console, a query string, ...). */
  | "not-in-build";

export type RouteDecision =
  /** Opening the app: the cached index.html of this version. */
  | { readonly kind: "app-shell"; readonly cacheKey: string }
  /** A file cached at install. */
  | { readonly kind: "precached"; readonly cacheKey: string }
  /** A lazily loaded file: from the cache if it was used before, else fetched and kept. */
  | { readonly kind: "on-first-use"; readonly cacheKey: string }
  /** Not answered by the worker: the browser fetches it as if there were no worker. */
  | { readonly kind: "network-only"; readonly reason: NetworkOnlyReason };

/**
 * Paths of the Matrix homeserver on any origin. A deployment may serve the
 * client on the homeserver's own origin, so the worker must not rely on
 * these being cross-origin.
 */
const MATRIX_PATHS = ["/_matrix/", "/_synapse/", "/.well-known/matrix/"] as const;

/** The page that opens the app; the app has no other page (the console is not part of it). */
const APP_PAGE = "index.html";

export function routeRequest(
  request: RequestFacts,
  scope: string,
  files: BuildFiles,
): RouteDecision {
  if (request.method !== "GET") return { kind: "network-only", reason: "not-get" };
  const url = new URL(request.url);
  if (MATRIX_PATHS.some((path) => url.pathname.includes(path))) {
    return { kind: "network-only", reason: "matrix" };
  }
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    return { kind: "network-only", reason: "outside-app" };
  }
  const path = url.pathname.slice(base.pathname.length);
  if (request.mode === "navigate") {
    // Any query (a shared link, start_url) opens the same app; the hash never reaches us.
    return path === "" || path === APP_PAGE
      ? { kind: "app-shell", cacheKey: new URL(APP_PAGE, base).href }
      : { kind: "network-only", reason: "not-in-build" };
  }
  // Build files are requested by their plain path; anything with a query is something else.
  if (url.search !== "") return { kind: "network-only", reason: "not-in-build" };
  const cacheKey = new URL(path, base).href;
  if (files.precache.includes(path)) return { kind: "precached", cacheKey };
  if (files.onFirstUse.includes(path)) return { kind: "on-first-use", cacheKey };
  return { kind: "network-only", reason: "not-in-build" };
}

/** Every cache this app creates starts with this, so the worker never deletes another app's caches. */
export const CACHE_PREFIX = "veilig-chatten-";

export type CacheNames = {
  /** The app shell, filled at install. */
  readonly shell: string;
  /** Lazily loaded files, filled on first use. */
  readonly onFirstUse: string;
};

/** The caches of one version. A new version writes new caches, so the old version keeps working until it is replaced. */
export function cacheNames(version: string): CacheNames {
  return {
    shell: `${CACHE_PREFIX}shell-${version}`,
    onFirstUse: `${CACHE_PREFIX}on-first-use-${version}`,
  };
}

/** This app's caches that belong to another version: deleted when a new version activates. */
export function staleCaches(existing: readonly string[], version: string): string[] {
  const current = Object.values(cacheNames(version));
  return existing.filter((name) => name.startsWith(CACHE_PREFIX) && !current.includes(name));
}

/** This app's on-first-use caches of other versions: their files may still be part of this build. */
export function staleOnFirstUseCaches(existing: readonly string[], version: string): string[] {
  const prefix = `${CACHE_PREFIX}on-first-use-`;
  return staleCaches(existing, version).filter((name) => name.startsWith(prefix));
}
