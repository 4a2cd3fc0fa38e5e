// Which files of a build are cached at install (what the sign-in screen and
// help need) and which only when first used (the SDK, the crypto WASM).
import { describe, expect, it } from "vitest";
import { appBuildFiles, type AppBundle, type BundleFile } from "./buildFiles.ts";

const chunk = (
  fileName: string,
  edges: { imports?: string[]; dynamicImports?: string[]; assets?: string[] } = {},
): [string, BundleFile] => [
  fileName,
  {
    fileName,
    imports: edges.imports ?? [],
    dynamicImports: edges.dynamicImports ?? [],
    assets: edges.assets ?? [],
  },
];

// The shape of the real build: the entry and a shared chunk before first
// paint; the SDK, crypto and reporting behind import(); the console apart.
const bundle: AppBundle = {
  page: "index.html",
  entry: "assets/main.js",
  chunks: new Map([
    chunk("assets/main.js", {
      imports: ["assets/shared.js"],
      dynamicImports: ["assets/chatSession.js", "assets/reporting.js"],
    }),
    chunk("assets/shared.js", { assets: ["assets/shared.css"] }),
    chunk("assets/chatSession.js", {
      imports: ["assets/shared.js"],
      dynamicImports: ["assets/rust-crypto.js"],
    }),
    chunk("assets/rust-crypto.js", { assets: ["assets/crypto.wasm"] }),
    chunk("assets/reporting.js", { imports: ["assets/sodium.js"] }),
    chunk("assets/sodium.js"),
    chunk("assets/console.js", { imports: ["assets/shared.js", "assets/consoleOnly.js"] }),
    chunk("assets/consoleOnly.js"),
  ]),
  publicFiles: ["manifest.webmanifest", "icons/icon-192.png"],
};

describe("appBuildFiles", () => {
  const files = appBuildFiles(bundle);

  it("precaches the page, what it loads before first paint, the manifest and the icons", () => {
    expect(files.precache).toEqual([
      "assets/main.js",
      "assets/shared.css",
      "assets/shared.js",
      "icons/icon-192.png",
      "index.html",
      "manifest.webmanifest",
    ]);
  });

  it("caches everything behind import() on first use, the crypto WASM included", () => {
    expect(files.onFirstUse).toEqual([
      "assets/chatSession.js",
      "assets/crypto.wasm",
      "assets/reporting.js",
      "assets/rust-crypto.js",
      "assets/sodium.js",
    ]);
  });

  it("leaves out the facilitator console's own files", () => {
    const all = [...files.precache, ...files.onFirstUse];
    expect(all).not.toContain("assets/console.js");
    expect(all).not.toContain("assets/consoleOnly.js");
  });

  it("never lists a file twice", () => {
    const all = [...files.precache, ...files.onFirstUse];
    expect(new Set(all).size).toBe(all.length);
  });

  it("precaches a chunk behind import() that offline help needs, with what it imports", () => {
    const withCopy = appBuildFiles({
      ...bundle,
      chunks: new Map([
        ...bundle.chunks,
        chunk("assets/main.js", {
          imports: ["assets/shared.js"],
          dynamicImports: ["assets/chatSession.js", "assets/reporting.js", "assets/copy.en.js"],
        }),
        chunk("assets/copy.en.js", { imports: ["assets/why.js"] }),
        chunk("assets/why.js"),
      ]),
      atInstall: ["assets/copy.en.js"],
    });
    expect(withCopy.precache).toEqual(
      expect.arrayContaining(["assets/copy.en.js", "assets/why.js"]),
    );
    expect(withCopy.onFirstUse).not.toContain("assets/copy.en.js");
    expect(withCopy.onFirstUse).toContain("assets/chatSession.js");
  });

  it("fails the build when the graph names a chunk it does not have", () => {
    expect(() =>
      appBuildFiles({
        ...bundle,
        chunks: new Map([chunk("assets/main.js", { imports: ["x.js"] })]),
      }),
    ).toThrow("the bundle has no chunk x.js");
  });
});
