// The client's Vite config (the app lives in client/). Sibling packages are
// used from their TypeScript source through the custom export condition.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { serviceWorkerPlugin } from "./client/src/pwa/serviceWorkerPlugin.ts";
import { packCataloguePlugin } from "./client/src/study/packCataloguePlugin.ts";

const appPage = fileURLToPath(new URL("client/index.html", import.meta.url));
// English loads when chosen, but help must work offline in it too: cached at install.
const englishCopy = fileURLToPath(new URL("client/src/i18n/copy.en.ts", import.meta.url));
// Loaded right after first paint (kept out of the sign-in screen's own JS),
// but every start needs them, offline too: also cached at install.
const loadedAfterFirstPaint = [
  "client/src/study/builtPackCatalogue.ts",
  "client/src/study/studyLink.ts",
  "client/src/study/assignment.ts",
].map((module) => fileURLToPath(new URL(module, import.meta.url)));

// The app page's first paint as one chunk ("shell"): what its entry imports
// statically, which would otherwise be cut into many small chunks shared
// with the console page and the lazy chunks. One file compresses better and
// costs one request (client/bench/initial-js.bench.ts measures it).
const appEntry = fileURLToPath(new URL("client/src/main.tsx", import.meta.url));
type ModuleGraph = {
  getModuleInfo(id: string): { readonly importedIds: readonly string[] } | null;
};
// Per build: the graph's module records are new objects each chunking pass.
const firstPaintByEntry = new WeakMap<object, ReadonlySet<string>>();
function beforeFirstPaint(id: string, graph: ModuleGraph): boolean {
  const entry = graph.getModuleInfo(appEntry);
  if (entry === null || id === appEntry) return false;
  let modules = firstPaintByEntry.get(entry);
  if (modules === undefined) {
    const found = new Set<string>();
    const queue = [...entry.importedIds];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (found.has(next)) continue;
      found.add(next);
      queue.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
    }
    modules = found;
    firstPaintByEntry.set(entry, modules);
  }
  return modules.has(id);
}

export default defineConfig({
  root: "client",
  // The service worker (client/src/pwa/): the app shell and help work offline, and installs.
  // The policy packs, validated at build time (client/src/study/packCataloguePlugin.ts).
  plugins: [
    react(),
    serviceWorkerPlugin(appPage, [englishCopy, ...loadedAfterFirstPaint]),
    packCataloguePlugin(),
  ],
  resolve: {
    conditions: ["@safety-by-design/source", "module", "browser", "development|production"],
  },
  // JSON as one JSON.parse of a string, not a module with an export per key:
  // the SDK's look-alike table (unhomoglyph, 100 KB, 6,000 keys) took 40 ms of
  // every start at 4x CPU as a namespace of getters (docs/performance.md).
  json: { namedExports: false, stringify: true },
  // The pre-bundler loses the crypto .wasm file; the SDK loads it itself.
  optimizeDeps: { exclude: ["@matrix-org/matrix-sdk-crypto-wasm"] },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2023",
    sourcemap: true,
    // The one large chunk is matrix-js-sdk, loaded lazily after sign-in; the
    // sign-in screen's own JS is measured by the client bench instead.
    chunkSizeWarningLimit: 1024,
    // Two pages: the app, and the facilitator console for usability studies.
    rolldownOptions: {
      input: {
        main: appPage,
        console: fileURLToPath(new URL("client/console.html", import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [{ name: (id, ctx) => (beforeFirstPaint(id, ctx) ? "shell" : null) }],
        },
      },
    },
  },
});
