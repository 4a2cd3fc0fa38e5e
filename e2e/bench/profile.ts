// Bench support: a CPU profile of a page (DevTools' sampling profiler), and a
// summary of it in the source's own terms: each sample's function is looked
// up in the build's source maps, so the lines name files of client/src and
// node_modules rather than minified chunks. For "where did the time go".

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { BrowserContext, CDPSession, Page } from "@playwright/test";
import { repoRoot } from "../../tools/lib/homeserver.ts";

type CallFrame = {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
};
type ProfileNode = {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
};
export type CpuProfile = {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
};

export type Profiler = { readonly stop: (file: string) => Promise<CpuProfile> };

/** Starts sampling the page's main thread (every 0.5 ms). */
export async function startProfiler(context: BrowserContext, page: Page): Promise<Profiler> {
  const devtools: CDPSession = await context.newCDPSession(page);
  await devtools.send("Profiler.enable");
  await devtools.send("Profiler.setSamplingInterval", { interval: 500 });
  await devtools.send("Profiler.start");
  return {
    stop: async (file) => {
      const { profile } = await devtools.send("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      return profile;
    },
  };
}

/** How many lines a profile summary prints of each kind (BENCH_PROFILE_LINES, default 25). */
export const PROFILE_LINES = Number(process.env["BENCH_PROFILE_LINES"] ?? 25);

/** A span of a profile, in ms from its start (about the page's navigation: the profiler starts just before). */
export type ProfileWindow = { readonly fromMs: number; readonly toMs: number };

/**
 * Where each sample's time went, by source location, self and inclusive
 * (`count` lines each); with `window`, only the samples inside it.
 */
export function summarizeProfile(
  profile: CpuProfile,
  distDir: string,
  count = PROFILE_LINES,
  window?: ProfileWindow,
): string {
  const maps = new SourceMaps(distDir);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const label = (frame: CallFrame): string => {
    if (frame.url === "") return frame.functionName;
    const file = frame.url.replace(/^https?:\/\/[^/]+\//, "");
    const original = maps.lookup(file, frame.lineNumber, frame.columnNumber);
    return `${frame.functionName || "(anonymous)"} ${original ?? `${file}:${frame.lineNumber + 1}`}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  let elapsedMs = 0;
  (profile.samples ?? []).forEach((id, index) => {
    const ms = (deltas[index] ?? 0) / 1000;
    elapsedMs += ms;
    if (window !== undefined && (elapsedMs < window.fromMs || elapsedMs > window.toMs)) return;
    const leaf = nodes.get(id);
    if (leaf === undefined) return;
    const leafLabel = label(leaf.callFrame);
    self.set(leafLabel, (self.get(leafLabel) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const node = nodes.get(at);
      if (node === undefined || node.callFrame.functionName === "(root)") continue;
      const key = label(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const top = (map: Map<string, number>): string[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, ms]) => `  ${String(Math.round(ms)).padStart(6)} ms  ${key}`);
  return ["self time:", ...top(self), "inclusive time:", ...top(inclusive)].join("\n");
}

/**
 * Where a script position of the build comes from (a long animation frame's
 * script: its URL and character offset): the source file, such as
 * "node_modules/matrix-js-sdk/lib/sync.js:1078" or "client/src/ui/ChatListView.tsx:353".
 */
export function sourceAt(distDir: string, url: string, charPosition: number): string | undefined {
  const file = url.replace(/^https?:\/\/[^/]+\//, "");
  const path = join(distDir, file);
  if (file === "" || !existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8").slice(0, Math.max(0, charPosition));
  const line = text.split("\n").length - 1;
  const column = text.length - (text.lastIndexOf("\n") + 1);
  return sourceMapsOf(distDir).lookup(file, line, column);
}

const sourceMapsByDist = new Map<string, SourceMaps>();
function sourceMapsOf(distDir: string): SourceMaps {
  let maps = sourceMapsByDist.get(distDir);
  if (maps === undefined) {
    maps = new SourceMaps(distDir);
    sourceMapsByDist.set(distDir, maps);
  }
  return maps;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

type Segment = { readonly column: number; readonly source: number; readonly line: number };

/** The build's source maps, read when first needed: generated position -> source file and line. */
class SourceMaps {
  readonly #dist: string;
  readonly #maps = new Map<string, { sources: string[]; lines: Segment[][] } | undefined>();

  constructor(dist: string) {
    this.#dist = dist;
  }

  lookup(file: string, line: number, column: number): string | undefined {
    const map = this.#load(file);
    const segments = map?.lines[line];
    if (map === undefined || segments === undefined) return undefined;
    let found: Segment | undefined;
    for (const segment of segments) {
      if (segment.column > column) break;
      found = segment;
    }
    if (found === undefined || found.source < 0) return undefined;
    const source = resolve(this.#dist, "assets", map.sources[found.source] ?? "?");
    return `${relative(repoRoot, source)}:${found.line + 1}`;
  }

  #load(file: string): { sources: string[]; lines: Segment[][] } | undefined {
    if (this.#maps.has(file)) return this.#maps.get(file);
    const path = join(this.#dist, `${file}.map`);
    let parsed: { sources: string[]; lines: Segment[][] } | undefined;
    if (existsSync(path)) {
      const raw = JSON.parse(readFileSync(path, "utf8")) as { sources: string[]; mappings: string };
      let source = 0;
      let sourceLine = 0;
      const lines = raw.mappings.split(";").map((text) => {
        let column = 0;
        return text === ""
          ? []
          : text.split(",").map((piece) => {
              const values = decodeVlq(piece);
              column += values[0] ?? 0;
              // A segment of one value maps to no source (generated code).
              if (values.length < 4) return { column, source: -1, line: -1 };
              source += values[1] ?? 0;
              sourceLine += values[2] ?? 0;
              return { column, source, line: sourceLine };
            });
      });
      parsed = { sources: raw.sources, lines };
    }
    this.#maps.set(file, parsed);
    return parsed;
  }
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if ((digit & 32) !== 0) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}
