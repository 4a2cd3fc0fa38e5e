// The packs a facilitator can choose from: the engine's bundled packs and the
// researcher's variants (JSON files in study/packs/). Validation is the
// engine's own loader; this only adds file names, duplicate ids, and a list
// the console can show. Pure: the caller reads the files (the app's build,
// packCataloguePlugin.ts; tests, packVariants.ts; tools/check-packs.ts). What
// the page keeps of a built catalogue is in packChoice.ts.

import {
  AGE_BANDS,
  BUNDLED_PACK_IDS,
  PACK_NOTICE_IDS,
  loadBundledPack,
  parsePack,
  resolveBundledPack,
  type PackLoadResult,
} from "@safety-by-design/policy-engine";
import { noticesEn } from "../i18n/notices.en.ts";
import { noticesNl } from "../i18n/notices.nl.ts";
import type { PackChoice, PackFileError, PackLabel, PackSource } from "./packChoice.ts";

export {
  formatPackFileError,
  selectPack,
  type PackChoice,
  type PackFileError,
  type PackLabel,
  type PackSource,
} from "./packChoice.ts";

/** The folder researchers drop variants into, relative to the repository root. */
export const STUDY_PACKS_FOLDER = "study/packs";

/** Copy keys the client has words for, in Dutch and in English. */
export const TRANSLATED_COPY_KEYS: ReadonlySet<string> = new Set(
  Object.keys(noticesNl).filter((key) => Object.hasOwn(noticesEn, key)),
);

/** A variant file as read: its name in `study/packs/` and its text. */
export type PackVariantFile = { readonly name: string; readonly text: string };

/**
 * Lists the bundled packs, then the variants by file name. A pack is invalid
 * when the engine's loader rejects it, when one of its copy keys has no words
 * in the client's translations (`translatedCopyKeys`: keys with both Dutch and
 * English text), or, for a variant, when its id is already taken by a bundled
 * pack or another variant (then every variant with that id is invalid, since
 * study data would not say which one ran). A variant may extend a bundled
 * pack or another variant (`"extends": "<id>"`); the engine merges and
 * validates it. `folder` names the variants' folder in file names and errors.
 */
export function buildPackCatalogue(
  variants: readonly PackVariantFile[],
  translatedCopyKeys: ReadonlySet<string>,
  folder: string = STUDY_PACKS_FOLDER,
): readonly PackChoice[] {
  const bundled = BUNDLED_PACK_IDS.map((id) =>
    toChoice(id, "bundled", `policy-engine/packs/${id}.json`, loadBundledPack(id), null),
  );
  const sorted = [...variants].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const resolveBase = variantBaseResolver(sorted);
  const loaded = sorted.map((variant) => {
    const file = `${folder}/${variant.name}`;
    const result = parsePack(variant.text, { resolveBase });
    return toChoice(fallbackId(variant), "variant", file, result, variant.text);
  });

  const bundledIds = new Set(bundled.map((choice) => choice.id));
  const filesById = new Map<string, string[]>();
  for (const choice of loaded) {
    filesById.set(choice.id, [...(filesById.get(choice.id) ?? []), choice.file]);
  }
  const duplicateErrors = (choice: PackChoice): PackFileError[] => {
    const errors: PackFileError[] = [];
    if (bundledIds.has(choice.id)) {
      errors.push({
        file: choice.file,
        path: "/id",
        message: `the id "${choice.id}" is already used by the bundled pack policy-engine/packs/${choice.id}.json; give the variant its own id`,
      });
    }
    const others = (filesById.get(choice.id) ?? []).filter((file) => file !== choice.file);
    if (others.length > 0) {
      errors.push({
        file: choice.file,
        path: "/id",
        message: `the id "${choice.id}" is also used by ${others.join(", ")}; every pack needs its own id`,
      });
    }
    return errors;
  };
  return [
    ...bundled.map((choice) => withErrors(choice, copyKeyErrors(choice, translatedCopyKeys))),
    ...loaded.map((choice) =>
      withErrors(choice, [
        ...copyKeyErrors(choice, translatedCopyKeys),
        ...duplicateErrors(choice),
      ]),
    ),
  ];
}

/** Copy keys of a loaded pack with no words in the translations. */
function copyKeyErrors(choice: PackChoice, translated: ReadonlySet<string>): PackFileError[] {
  if (!choice.valid) return [];
  const errors: PackFileError[] = [];
  for (const noticeId of PACK_NOTICE_IDS) {
    const missing = [
      ...new Set(AGE_BANDS.map((band) => choice.pack.notices[noticeId][band].copyKey)),
    ].filter((key) => !translated.has(key));
    if (missing.length === 0) continue;
    errors.push({
      file: choice.file,
      path: `/notices/${noticeId}/copyKey`,
      message: `no Dutch and English words for ${missing.join(", ")} in client/src/i18n/notices.nl.ts and notices.en.ts; use an existing copy key or ask a developer to add the words`,
    });
  }
  return errors;
}

function withErrors(choice: PackChoice, errors: readonly PackFileError[]): PackChoice {
  if (errors.length === 0) return choice;
  const { id, label, source, file } = choice;
  return {
    id,
    label,
    source,
    file,
    valid: false,
    errors: [...(choice.valid ? [] : choice.errors), ...errors],
  };
}

function toChoice(
  id: string,
  source: PackSource,
  file: string,
  result: PackLoadResult,
  text: string | null,
): PackChoice {
  if (result.ok) {
    const { pack } = result;
    return {
      id: pack.ref.id,
      label: pack.source.label,
      source,
      file,
      valid: true,
      errors: [],
      purpose: pack.ref.purpose,
      pack,
    };
  }
  return {
    id,
    label: text === null ? { nl: id, en: id } : labelOf(text, id),
    source,
    file,
    valid: false,
    errors: result.problems.map((problem) => ({ file, ...problem })),
  };
}

/**
 * Base packs for `extends`: a bundled pack, else the variant declaring that id
 * (the first by file name; a duplicated id is an error of its own anyway).
 */
function variantBaseResolver(variants: readonly PackVariantFile[]): (id: string) => unknown {
  const byId = new Map<string, unknown>();
  for (const variant of variants) {
    const value = parsedOrUndefined(variant.text);
    const id = field(variant.text, "id");
    if (typeof id === "string" && value !== undefined && !byId.has(id)) byId.set(id, value);
  }
  return (id) => resolveBundledPack(id) ?? byId.get(id);
}

/** An invalid variant is listed under the id it declares if it has one, else its file name. */
function fallbackId(variant: PackVariantFile): string {
  const declared = field(variant.text, "id");
  return typeof declared === "string" && declared !== ""
    ? declared
    : variant.name.replace(/\.json$/, "");
}

function labelOf(text: string, id: string): PackLabel {
  const label = field(text, "label");
  if (typeof label === "object" && label !== null) {
    const { nl, en } = label as Record<string, unknown>;
    if (typeof nl === "string" && typeof en === "string") return { nl, en };
  }
  return { nl: id, en: id };
}

function field(text: string, name: string): unknown {
  const value = parsedOrUndefined(text);
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
