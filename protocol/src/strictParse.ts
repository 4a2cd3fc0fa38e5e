// Protocol package: the pieces of the strict parsers (the report bundle's,
// report/bundle.ts, and the handoff package's, handoff/package.ts). Every
// object is rebuilt from checked fields, unknown fields are problems, every
// string has a bound, and each problem names its path
// ("evidence.context[3].sender"). Pure: no I/O.

/** At most this many problems are listed: a hostile input cannot make a long report. */
export const MAX_PROBLEMS = 50;

/** The longest Matrix identifier (user, room or event ID) the spec allows. */
export const MAX_MATRIX_ID_LENGTH = 255;

/** Control characters and whitespace never occur in Matrix identifiers. */
export const ID_FORBIDDEN = /[\s\u0000-\u001f\u007f]/;

export type Fields = Record<string, unknown>;

/** The problems one parse found, each "path: problem". */
export class Problems {
  readonly list: string[] = [];
  add(path: string, problem: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${path}: ${problem}`);
  }
}

/** An object with only these keys (others are problems); null when it is not an object. */
export function object(
  value: unknown,
  path: string,
  keys: readonly string[],
  p: Problems,
): Fields | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    p.add(path, "must be an object");
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) p.add(path, `unexpected field "${key.slice(0, 40)}"`);
  }
  return value as Fields;
}

export function text(value: unknown, path: string, min: number, max: number, p: Problems): string {
  if (typeof value !== "string") {
    p.add(path, "must be a string");
    return "";
  }
  if (value.length < min || value.length > max) p.add(path, `must be ${min}–${max} characters`);
  return value;
}

export function flag(value: unknown, path: string, p: Problems): boolean {
  if (typeof value !== "boolean") p.add(path, "must be true or false");
  return value === true;
}

export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  p: Problems,
): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    p.add(path, `must be one of ${allowed.join(", ")}`);
    return allowed[0] as T;
  }
  return found;
}

/** A Matrix user ("@"), room ("!") or event ("$") ID; a user ID must name its server. */
export function matrixId(
  value: unknown,
  sigil: "@" | "!" | "$",
  path: string,
  p: Problems,
): string {
  const id = text(value, path, 2, MAX_MATRIX_ID_LENGTH, p);
  if (id !== "" && (!id.startsWith(sigil) || ID_FORBIDDEN.test(id))) {
    p.add(path, `must be a Matrix ID starting with "${sigil}"`);
  }
  if (sigil === "@" && id.startsWith("@") && !id.includes(":")) {
    p.add(path, "must be a full user ID (@name:server)");
  }
  return id;
}
