// What the service worker answers from its caches and what it leaves to the
// network: the allow-list, the Matrix API never cached, caches per version.
import { describe, expect, it } from "vitest";
import {
  cacheNames,
  routeRequest,
  staleCaches,
  staleOnFirstUseCaches,
  type BuildFiles,
  type RequestFacts,
} from "./cacheRoutes.ts";

const scope = "https://chat.example.nl/";
const files: BuildFiles = {
  precache: [
    "assets/main-abc.js",
    "assets/ViewModel-def.css",
    "icons/icon-192.png",
    "index.html",
    "manifest.webmanifest",
  ],
  onFirstUse: ["assets/chatSession-123.js", "assets/matrix_sdk_crypto_wasm_bg-456.wasm"],
};

const get = (url: string, mode = "cors"): RequestFacts => ({ url, method: "GET", mode });
const open = (url: string): RequestFacts => get(url, "navigate");

describe("routeRequest", () => {
  it("opens the app from the cached index.html, whatever the query", () => {
    const shell = { kind: "app-shell", cacheKey: "https://chat.example.nl/index.html" };
    expect(routeRequest(open("https://chat.example.nl/"), scope, files)).toEqual(shell);
    expect(routeRequest(open("https://chat.example.nl/index.html"), scope, files)).toEqual(shell);
    expect(routeRequest(open("https://chat.example.nl/?source=pwa"), scope, files)).toEqual(shell);
  });

  it("answers the sign-in screen's files, the manifest and the icons from the install cache", () => {
    for (const path of files.precache) {
      expect(routeRequest(get(`${scope}${path}`), scope, files)).toEqual({
        kind: "precached",
        cacheKey: `${scope}${path}`,
      });
    }
  });

  it("caches the Matrix SDK and the crypto WASM only when the app first uses them", () => {
    for (const path of files.onFirstUse) {
      expect(routeRequest(get(`${scope}${path}`), scope, files)).toEqual({
        kind: "on-first-use",
        cacheKey: `${scope}${path}`,
      });
    }
  });

  it("never answers the Matrix API or media, on the homeserver or on the app's own origin", () => {
    const matrix = [
      "https://matrix.example.nl/_matrix/client/v3/sync?since=s1",
      "https://matrix.example.nl/_matrix/client/v1/media/download/example.nl/abc",
      "https://matrix.example.nl/_synapse/admin/v1/event_reports",
      "https://chat.example.nl/_matrix/client/v3/rooms/!r:example.nl/messages",
      "https://chat.example.nl/_matrix/media/v3/thumbnail/example.nl/abc",
      "https://chat.example.nl/.well-known/matrix/client",
    ];
    for (const url of matrix) {
      expect(routeRequest(get(url), scope, files)).toEqual({
        kind: "network-only",
        reason: "matrix",
      });
    }
    // Even if a build file were ever named like one, the Matrix rule comes first.
    const tricky: BuildFiles = { precache: ["_matrix/client/versions"], onFirstUse: [] };
    expect(routeRequest(get(`${scope}_matrix/client/versions`), scope, tricky).kind).toBe(
      "network-only",
    );
  });

  it("never answers anything but GET", () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      expect(
        routeRequest({ url: `${scope}assets/main-abc.js`, method, mode: "cors" }, scope, files),
      ).toEqual({ kind: "network-only", reason: "not-get" });
    }
  });

  it("leaves other origins and paths outside the app's scope to the network", () => {
    const app = "https://chat.example.nl/app/";
    const inApp: BuildFiles = { precache: ["index.html", "assets/main-abc.js"], onFirstUse: [] };
    expect(routeRequest(get("https://age.example.nl/attestation"), app, inApp)).toEqual({
      kind: "network-only",
      reason: "outside-app",
    });
    expect(routeRequest(get("https://chat.example.nl/assets/main-abc.js"), app, inApp)).toEqual({
      kind: "network-only",
      reason: "outside-app",
    });
    expect(routeRequest(open("https://chat.example.nl/app/"), app, inApp)).toEqual({
      kind: "app-shell",
      cacheKey: "https://chat.example.nl/app/index.html",
    });
  });

  it("leaves the facilitator console and files not in this build to the network", () => {
    const notInBuild = { kind: "network-only", reason: "not-in-build" };
    expect(routeRequest(open(`${scope}console.html`), scope, files)).toEqual(notInBuild);
    expect(routeRequest(get(`${scope}assets/console-789.js`), scope, files)).toEqual(notInBuild);
    // An older build's file: not ours to serve any more.
    expect(routeRequest(get(`${scope}assets/main-old.js`), scope, files)).toEqual(notInBuild);
    // A build file asked for with a query is something else.
    expect(routeRequest(get(`${scope}assets/main-abc.js?v=2`), scope, files)).toEqual(notInBuild);
    // The worker script itself is never cached by the worker.
    expect(routeRequest(get(`${scope}sw.js`), scope, files)).toEqual(notInBuild);
  });
});

describe("caches per version", () => {
  it("names each version's caches apart", () => {
    expect(cacheNames("v1")).toEqual({
      shell: "veilig-chatten-shell-v1",
      onFirstUse: "veilig-chatten-on-first-use-v1",
    });
    expect(cacheNames("v2").shell).not.toBe(cacheNames("v1").shell);
  });

  it("deletes this app's caches of other versions and nothing else", () => {
    const existing = [
      "veilig-chatten-shell-v1",
      "veilig-chatten-on-first-use-v1",
      "veilig-chatten-shell-v2",
      "veilig-chatten-on-first-use-v2",
      "another-app-cache",
    ];
    expect(staleCaches(existing, "v2")).toEqual([
      "veilig-chatten-shell-v1",
      "veilig-chatten-on-first-use-v1",
    ]);
    expect(staleOnFirstUseCaches(existing, "v2")).toEqual(["veilig-chatten-on-first-use-v1"]);
  });
});
