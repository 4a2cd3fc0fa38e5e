// Loading a pack: the only place that validates. The caller does the I/O
// (read a file, fetch, import) and hands the text or value in, and for a pack
// that extends another, the base packs' data through `resolveBase`.

import type { core } from "zod";
import { compilePack } from "./compile.ts";
import type { CompiledPack } from "./compile.ts";
import { resolvePackExtends, setsPath } from "./extend.ts";
import type { ResolveBasePack } from "./extend.ts";
import { PolicyPackSchema } from "./schema.ts";

/** One thing wrong with a pack: a JSON Pointer (e.g. `/incomingContact/cells/8-12`) and a message. */
export type PackProblem = {
  readonly path: string;
  readonly message: string;
};

export type PackLoadResult =
  | { readonly ok: true; readonly pack: CompiledPack }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };

export type LoadPackOptions = {
  /**
   * The raw data of a base pack by id, for packs with `"extends"` (e.g.
   * `resolveBundledPack`, or a lookup over the caller's own packs). Without
   * it, a pack that extends another fails to load.
   */
  readonly resolveBase?: ResolveBasePack;
};

/**
 * Validate and compile a pack given as a value (e.g. parsed JSON or an
 * imported JSON module). A pack with `"extends"` is first merged over its base
 * (see `resolvePackExtends`); the merged pack is validated like any other.
 */
export function loadPack(value: unknown, options: LoadPackOptions = {}): PackLoadResult {
  const extension = resolvePackExtends(value, options.resolveBase);
  if (!extension.ok) return { ok: false, problems: extension.problems };
  const parsed = PolicyPackSchema.safeParse(extension.value);
  if (!parsed.success) {
    const { base } = extension;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const problem = toProblem(issue);
        // Point the researcher at the base when the offending value is not in their file.
        return base === undefined || setsPath(value, issue.path)
          ? problem
          : { ...problem, message: `${problem.message} (value inherited from "${base}")` };
      }),
    };
  }
  return { ok: true, pack: compilePack(parsed.data) };
}

/** Parse, validate and compile a pack given as JSON text (e.g. read from a file by the caller). */
export function parsePack(jsonText: string, options: LoadPackOptions = {}): PackLoadResult {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${reason}` }] };
  }
  return loadPack(value, options);
}

/** RFC 6901 JSON Pointer for an issue path. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

function toProblem(issue: core.$ZodIssue): PackProblem {
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    message = `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
  }
  return { path: jsonPointer(issue.path), message };
}
