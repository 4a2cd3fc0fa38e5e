// Loading a pack: the only place that validates. The caller does the I/O
// (read a file, fetch, import) and hands the text or value in.

import type { core } from "zod";
import { compilePack } from "./compile.ts";
import type { CompiledPack } from "./compile.ts";
import { PolicyPackSchema } from "./schema.ts";

/** One thing wrong with a pack: a JSON Pointer (e.g. `/incomingContact/cells/8-12`) and a message. */
export type PackProblem = {
  readonly path: string;
  readonly message: string;
};

export type PackLoadResult =
  | { readonly ok: true; readonly pack: CompiledPack }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };

/** Validate and compile a pack given as a value (e.g. parsed JSON or an imported JSON module). */
export function loadPack(value: unknown): PackLoadResult {
  const parsed = PolicyPackSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map(toProblem) };
  }
  return { ok: true, pack: compilePack(parsed.data) };
}

/** Parse, validate and compile a pack given as JSON text (e.g. read from a file by the caller). */
export function parsePack(jsonText: string): PackLoadResult {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${reason}` }] };
  }
  return loadPack(value);
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
