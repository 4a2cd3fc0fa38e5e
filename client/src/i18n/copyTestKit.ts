// client i18n, test kit: which message keys a piece of the app can ask for,
// read from its source. The words are split into areas that load with their
// screens (i18n.ts `loadCopyArea`); copyAreas.test.ts uses this to check that
// every key a screen can ask for is in an area loaded before it renders.
//
// A module's keys are its string literals that are keys (a plural's base
// counts as both its forms) and, for a key built in a template literal
// (`help.need.${need}`), every key that starts with its fixed start.

import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

export const clientSourceRoot = resolve(import.meta.dirname, "..");

/**
 * The modules `entry` loads before it runs: its static imports, followed
 * through the client's own source (`import type` is never followed). With
 * `dynamic`, also what it loads later with `import()`: all it can ever run.
 */
export function importGraph(entry: string, { dynamic = false } = {}): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const imports = [
      ...source.matchAll(
        /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["'](\.{1,2}\/[^"']+)["']/gm,
      ),
      ...(dynamic ? source.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g) : []),
    ];
    for (const match of imports) {
      const target = resolve(dirname(file), match[1] ?? "");
      if (/\.tsx?$/.test(target)) visit(target);
    }
  };
  visit(resolve(entry));
  return [...seen];
}

/** The keys of `allKeys` that the source of `file` can ask for. */
export function keysUsedIn(file: string, allKeys: ReadonlySet<string>): Set<string> {
  const source = readFileSync(file, "utf8");
  const used = new Set<string>();
  const add = (key: string): void => {
    if (allKeys.has(key)) used.add(key);
    for (const form of ["_one", "_other"]) {
      if (allKeys.has(key + form)) used.add(key + form);
    }
  };
  for (const match of source.matchAll(/["'`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)["'`]/g)) {
    add(match[1] ?? "");
  }
  for (const match of source.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]*)*\.)\$\{/g)) {
    const start = match[1] ?? "";
    for (const key of allKeys) if (key.startsWith(start)) used.add(key);
  }
  return used;
}

/** A file's path from client/src, for messages. */
export function clientPath(file: string): string {
  return relative(clientSourceRoot, file);
}
