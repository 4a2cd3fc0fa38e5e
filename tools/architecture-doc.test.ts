// docs/architecture.md is where a reader learns what each folder is and what
// it may import, so it must name every package, every folder of the client's
// source and of tools/, and every entry point the client exports. A folder
// added without a word there fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./lib/homeserver.ts";

const doc = readFileSync(join(repoRoot, "docs", "architecture.md"), "utf8");

function readJson(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(repoRoot, ...path), "utf8"));
}

function folders(...path: string[]): string[] {
  return readdirSync(join(repoRoot, ...path), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => name !== "node_modules" && !name.startsWith("."));
}

function notNamed(paths: readonly string[]): string[] {
  return paths.filter((path) => !doc.includes(`\`${path}`));
}

describe("docs/architecture.md", () => {
  it("names every workspace package", () => {
    const { workspaces } = readJson("package.json") as { workspaces: string[] };
    expect(workspaces.length).toBeGreaterThan(0);
    expect(notNamed(workspaces.map((name) => `${name}/`))).toEqual([]);
  });

  it("names every folder and top-level file of the client's source", () => {
    const files = readdirSync(join(repoRoot, "client", "src"), { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => entry.name)
      .filter((name) => !name.endsWith(".d.ts") && !/\.test\.tsx?$/.test(name));
    const paths = [
      ...folders("client", "src").map((name) => `client/src/${name}/`),
      ...files.map((name) => `client/src/${name}`),
    ];
    expect(paths).toContain("client/src/main.tsx");
    expect(notNamed(paths)).toEqual([]);
  });

  it("names every folder of tools/", () => {
    expect(notNamed(folders("tools").map((name) => `tools/${name}/`))).toEqual([]);
  });

  it("names every entry point of the client", () => {
    const { exports } = readJson("client", "package.json") as { exports: Record<string, unknown> };
    const entries = Object.keys(exports).map((key) =>
      key.replace(/^\./, "@safety-by-design/client"),
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(notNamed(entries)).toEqual([]);
  });
});
