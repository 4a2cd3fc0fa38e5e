// Policy engine: packs that extend another pack ("extends": "nl-default" plus
// overrides). Pure: the caller hands in the base packs' data through
// `resolveBase`; nothing here reads a file. The merged result is validated by
// the loader like any pack, so an extension can never be laxer than the schema.

import type { PackProblem } from "./load.ts";

/** The raw data (parsed JSON) of the pack with this id, or undefined when there is none. */
export type ResolveBasePack = (id: string) => unknown;

export type PackExtension =
  | { readonly ok: true; readonly value: unknown; readonly base: string | undefined }
  | { readonly ok: false; readonly problems: readonly PackProblem[] };

/** Fields an extending pack must state itself: inheriting its base's id or version would mislabel study data. */
const OWN_FIELDS = ["id", "version", "label", "description"] as const;

const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Resolves `extends` (recursively) into one full pack value. A value without
 * `extends` comes back unchanged. Merge: objects merge key by key, anything
 * else in the override (arrays, strings, numbers, booleans, `null`) replaces
 * the base's value whole.
 */
export function resolvePackExtends(
  value: unknown,
  resolveBase: ResolveBasePack | undefined,
): PackExtension {
  if (!isPlainObject(value) || !("extends" in value)) {
    return { ok: true, value, base: undefined };
  }
  const ownId = typeof value["id"] === "string" ? value["id"] : undefined;
  const resolved = resolveChain(value, ownId === undefined ? [] : [ownId], resolveBase);
  if (!resolved.ok) return resolved;
  return { ok: true, value: resolved.value, base: value["extends"] as string };
}

function resolveChain(
  pack: Readonly<Record<string, unknown>>,
  chain: readonly string[],
  resolveBase: ResolveBasePack | undefined,
): PackExtension {
  if (!("extends" in pack)) return { ok: true, value: pack, base: undefined };
  const baseId = pack["extends"];
  const problem = (path: string, message: string): PackExtension => ({
    ok: false,
    problems: [{ path, message }],
  });
  if (typeof baseId !== "string" || !PACK_ID.test(baseId)) {
    return problem("/extends", 'must be the id of another pack, e.g. "nl-default"');
  }
  const missing = OWN_FIELDS.filter((field) => !(field in pack));
  if (missing.length > 0) {
    return problem(
      `/${missing[0] ?? ""}`,
      `a pack that extends another must state its own ${missing.join(", ")}`,
    );
  }
  if (chain.includes(baseId)) {
    return problem(
      "/extends",
      `packs extend each other in a cycle: ${[...chain, baseId].join(" → ")}`,
    );
  }
  if (resolveBase === undefined) {
    return problem("/extends", `extends "${baseId}", but the loader was given no base packs`);
  }
  const base = resolveBase(baseId);
  if (base === undefined) return problem("/extends", `unknown base pack "${baseId}"`);
  if (!isPlainObject(base))
    return problem("/extends", `base pack "${baseId}" is not a JSON object`);
  const resolvedBase = resolveChain(base, [...chain, baseId], resolveBase);
  if (!resolvedBase.ok) {
    // A problem deeper in the chain is reported at this pack's `extends`, naming where it is.
    return {
      ok: false,
      problems: resolvedBase.problems.map((inner) => ({
        path: "/extends",
        message: `in base pack "${baseId}"${inner.path === "" ? "" : ` at ${inner.path}`}: ${inner.message}`,
      })),
    };
  }
  return { ok: true, value: mergeOverride(resolvedBase.value, pack), base: baseId };
}

/** Objects merge key by key; any other override value replaces the base's value whole. */
export function mergeOverride(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const keys = [
    ...Object.keys(base),
    ...Object.keys(override).filter((key) => !Object.hasOwn(base, key)),
  ];
  // fromEntries defines own properties, so a "__proto__" key stays data (and the schema rejects it).
  return Object.fromEntries(
    keys.map((key) => [
      key,
      Object.hasOwn(override, key)
        ? mergeOverride(Object.hasOwn(base, key) ? base[key] : undefined, override[key])
        : base[key],
    ]),
  );
}

/** Whether `value` itself sets the field at `path` (so a problem there is the override's, not inherited). */
export function setsPath(value: unknown, path: readonly PropertyKey[]): boolean {
  let current: unknown = value;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return false;
    if (!Object.hasOwn(current, segment)) return false;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
