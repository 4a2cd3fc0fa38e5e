// PWA layer (runs at build time): which files of a build the service worker
// caches at install and which only on first use. Pure: the bundle's module
// graph in, two lists out (serviceWorkerPlugin.ts reads the graph from Vite).
//
// What the sign-in screen loads before first paint (index.html's entry chunk
// and everything it imports statically, with their CSS and assets) is the app
// shell: it holds the sign-in screen, all copy (i18n) and the help screen with
// its resources, so it is cached at install. Everything reached only through a
// dynamic `import()` (matrix-js-sdk, the crypto WASM, reporting, ...) is
// cached when the app first loads it, except what offline help needs though
// it loads later (`atInstall`: the English copy), which is cached at install
// too. Pages other than the app (the facilitator console) are in neither list.

import type { BuildFiles } from "./cacheRoutes.ts";

/** One output file of the bundle and what it pulls in. Paths are relative to the build's base. */
export type BundleFile = {
  readonly fileName: string;
  /** Chunks it imports statically: loaded with it. */
  readonly imports: readonly string[];
  /** Chunks it imports with `import()`: loaded later, when used. */
  readonly dynamicImports: readonly string[];
  /** CSS and other assets (images, WASM) it references. */
  readonly assets: readonly string[];
};

export type AppBundle = {
  /** The app's page, "index.html". */
  readonly page: string;
  /** The page's entry chunk. */
  readonly entry: string;
  /** Chunks loaded with import() that are cached at install all the same (with what they import). */
  readonly atInstall?: readonly string[];
  /** Every chunk of the build, by file name. */
  readonly chunks: ReadonlyMap<string, BundleFile>;
  /** Files copied as they are from the public folder (the manifest, icons). */
  readonly publicFiles: readonly string[];
};

export function appBuildFiles(bundle: AppBundle): BuildFiles {
  const shell = reachable(
    bundle.chunks,
    [bundle.entry, ...(bundle.atInstall ?? [])],
    (chunk) => chunk.imports,
  );
  const lazyRoots = [...shell].flatMap((name) => bundle.chunks.get(name)?.dynamicImports ?? []);
  const lazy = reachable(bundle.chunks, lazyRoots, (chunk) => [
    ...chunk.imports,
    ...chunk.dynamicImports,
  ]);
  const precache = new Set([
    bundle.page,
    ...withAssets(bundle.chunks, shell),
    ...bundle.publicFiles,
  ]);
  const onFirstUse = withAssets(bundle.chunks, lazy).filter((name) => !precache.has(name));
  return { precache: [...precache].sort(), onFirstUse: [...new Set(onFirstUse)].sort() };
}

/** The chunks reachable from the roots along the given edges (roots included). */
function reachable(
  chunks: ReadonlyMap<string, BundleFile>,
  roots: readonly string[],
  edges: (chunk: BundleFile) => readonly string[],
): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    const chunk = chunks.get(name);
    if (chunk === undefined) throw new Error(`the bundle has no chunk ${name}`);
    seen.add(name);
    pending.push(...edges(chunk));
  }
  return seen;
}

function withAssets(chunks: ReadonlyMap<string, BundleFile>, names: Set<string>): string[] {
  return [...names].flatMap((name) => [name, ...(chunks.get(name)?.assets ?? [])]);
}
