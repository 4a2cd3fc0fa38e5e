// PWA layer: what the page, the service worker and the build agree on.
// One place, so the three cannot drift apart.

/** The worker's file in the build, at the app's base URL (its scope is the whole app). */
export const SERVICE_WORKER_FILE = "sw.js";

/** "Take over now": sent to the waiting worker when the person taps "Vernieuwen". */
export const SKIP_WAITING = "safety-by-design:skip-waiting";
