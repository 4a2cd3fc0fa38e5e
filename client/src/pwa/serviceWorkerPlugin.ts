// Build tooling (runs in Node during `vite build`, never in the browser):
// after the app is built, builds the service worker (serviceWorker.ts) into
// dist/sw.js as one self-contained classic script, with this build's file
// lists (buildFiles.ts) and a version written into it. Each build whose files
// differ gives a sw.js whose bytes differ, which is how a browser learns that
// a new version was deployed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin, type ResolvedConfig, type Rolldown } from "vite";
import { appBuildFiles, type BundleFile } from "./buildFiles.ts";
import { SERVICE_WORKER_FILE } from "./workerContract.ts";

const WORKER_SOURCE = fileURLToPath(new URL("serviceWorker.ts", import.meta.url));

/**
 * @param page the app's HTML page (absolute path); other pages of the build are not part of the installable app.
 * @param atInstall modules (absolute paths) the app loads with import() whose chunks are cached at install all the same, because offline help needs them.
 */
export function serviceWorkerPlugin(page: string, atInstall: readonly string[] = []): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: "safety-by-design:service-worker",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(output, bundle) {
      if (config === undefined || output.dir === undefined) return;
      const publicFiles = config.publicDir === "" ? [] : listFiles(config.publicDir);
      const files = appBuildFiles({
        page: relative(config.root, page),
        entry: entryChunk(bundle, page),
        atInstall: atInstall.map((module) => chunkOf(bundle, module)),
        chunks: bundleGraph(bundle),
        publicFiles,
      });
      // The version names this build's caches: a hash of every file the worker may cache.
      const hash = createHash("sha256");
      for (const name of [...files.precache, ...files.onFirstUse]) {
        const item = bundle[name];
        const bytes =
          item === undefined
            ? readFileSync(join(config.publicDir, name))
            : item.type === "chunk"
              ? item.code
              : item.source;
        hash.update(name).update("\0").update(bytes).update("\0");
      }
      await build({
        configFile: false,
        envDir: false,
        root: config.root,
        publicDir: false,
        logLevel: "warn",
        define: {
          __BUILD_FILES__: JSON.stringify(files),
          __BUILD_VERSION__: JSON.stringify(hash.digest("hex").slice(0, 16)),
        },
        build: {
          outDir: output.dir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: config.build.target,
          // Left readable: anyone can see in the browser what the worker does.
          minify: false,
          sourcemap: false,
          lib: {
            entry: WORKER_SOURCE,
            formats: ["iife"],
            name: "serviceWorker",
            fileName: () => SERVICE_WORKER_FILE,
          },
        },
      });
    },
  };
}

function entryChunk(bundle: Rolldown.OutputBundle, page: string): string {
  const entry = Object.values(bundle).find(
    (item) => item.type === "chunk" && item.isEntry && item.facadeModuleId === resolve(page),
  );
  if (entry === undefined) throw new Error(`the build has no entry chunk for ${page}`);
  return entry.fileName;
}

function chunkOf(bundle: Rolldown.OutputBundle, module: string): string {
  const chunk = Object.values(bundle).find(
    (item) => item.type === "chunk" && item.facadeModuleId === resolve(module),
  );
  if (chunk === undefined) throw new Error(`the build has no chunk of its own for ${module}`);
  return chunk.fileName;
}

function bundleGraph(bundle: Rolldown.OutputBundle): Map<string, BundleFile> {
  const chunks = new Map<string, BundleFile>();
  for (const item of Object.values(bundle)) {
    if (item.type !== "chunk") continue;
    chunks.set(item.fileName, {
      fileName: item.fileName,
      imports: item.imports,
      dynamicImports: item.dynamicImports,
      assets: [
        ...(item.viteMetadata?.importedCss ?? []),
        ...(item.viteMetadata?.importedAssets ?? []),
      ],
    });
  }
  return chunks;
}

/** Every file under a folder, as paths relative to it with "/" separators; none when it does not exist. */
function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"));
}
