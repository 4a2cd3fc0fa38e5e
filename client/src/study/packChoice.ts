// Study layer: a pack catalogue as the page holds it (the list the console
// shows, the packs a session can run), apart from building one. Building
// validates every pack with the engine's loader and zod (packCatalogue.ts);
// the app does that at build time (packCataloguePlugin.ts) and reads the
// result here, so the sign-in screen downloads no validator. Nothing here
// imports the loader or the translations.

import type { CompiledPack, PackLoadResult, PackPurpose } from "@safety-by-design/policy-engine";

export type PackSource = "bundled" | "variant";

/** One problem with a pack file: which file, where in it (a JSON Pointer, "" for the whole file), what. */
export type PackFileError = {
  readonly file: string;
  readonly path: string;
  readonly message: string;
};

export type PackLabel = { readonly nl: string; readonly en: string };

type PackChoiceBase = {
  readonly id: string;
  readonly label: PackLabel;
  readonly source: PackSource;
  /** Where the pack comes from, relative to the repository root. */
  readonly file: string;
};

/** A pack in the console's list: selectable only when valid. */
export type PackChoice =
  | (PackChoiceBase & {
      readonly valid: true;
      readonly errors: readonly [];
      readonly purpose: PackPurpose;
      readonly pack: CompiledPack;
    })
  | (PackChoiceBase & { readonly valid: false; readonly errors: readonly PackFileError[] });

/** The compiled pack of a selectable entry, or undefined (unknown id or invalid pack). */
export function selectPack(catalogue: readonly PackChoice[], id: string): CompiledPack | undefined {
  const choice = catalogue.find((c) => c.id === id);
  return choice?.valid === true ? choice.pack : undefined;
}

/**
 * The pack with this id as an engine takes it: an unknown id or an invalid
 * pack is a load failure with its problems, so the engine built from it fails
 * closed and says why (never a silent fallback to another pack).
 */
export function packLoadResult(catalogue: readonly PackChoice[], id: string): PackLoadResult {
  const choice = catalogue.find((c) => c.id === id);
  if (choice === undefined) {
    return {
      ok: false,
      problems: [{ path: "", message: `pack "${id}" is not in this build` }],
    };
  }
  if (!choice.valid) {
    return {
      ok: false,
      problems: choice.errors.map((error) => ({
        path: error.path,
        message: formatPackFileError(error),
      })),
    };
  }
  return { ok: true, pack: choice.pack };
}

/** `study/packs/x.json /incomingContact/cells/13-15: message`, for the console and the CLI. */
export function formatPackFileError(error: PackFileError): string {
  return `${error.file} ${error.path === "" ? "(whole file)" : error.path}: ${error.message}`;
}

/**
 * A built catalogue as JSON, which the build writes into the page as a value
 * (packCataloguePlugin.ts) for `builtCatalogue` to read back. A compiled pack
 * is plain data (tables of strings, numbers, booleans and null; decisions
 * never compare its objects by identity), so the round trip gives an equal
 * catalogue.
 */
export function packCatalogueToJson(catalogue: readonly PackChoice[]): string {
  return JSON.stringify(catalogue);
}

/**
 * Takes back what `packCatalogueToJson` wrote at build time, frozen like a
 * pack the loader compiles (decisions share its objects). It comes from this
 * build, never from a person or the network, so it is not validated again:
 * that is the point of validating at build time.
 */
export function builtCatalogue(value: unknown): readonly PackChoice[] {
  return deepFreeze(value as PackChoice[]);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
