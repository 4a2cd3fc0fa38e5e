// Where the study log lives: one JSON document in the browser's localStorage
// (or any Storage-like object), on the participant's device only. Whatever is
// read back is checked again against the study's vocabulary, so a hand-edited
// or older document cannot bring anything into the log that recording would
// have refused.

import { sanitizeConsent, type ConsentRecord } from "./consent.ts";
import {
  isCount,
  isParticipantId,
  isScenarioId,
  sanitizeRecord,
  type StudyRecord,
  type StudyVocabulary,
} from "./events.ts";

export const STUDY_STORAGE_KEY = "safety-by-design.study.v1";

/** Who is being recorded now and in which scenario run (run 0: none). */
export type StudyCurrent = {
  readonly participant: string;
  readonly scenario: string | null;
  readonly run: number;
};

export type StudyState = {
  readonly current: StudyCurrent | null;
  readonly consents: readonly ConsentRecord[];
  readonly records: readonly StudyRecord[];
};

export const EMPTY_STUDY_STATE: StudyState = Object.freeze({
  current: null,
  consents: Object.freeze([]),
  records: Object.freeze([]),
});

export type StudyStore = {
  /** Reads the stored log, keeping only what `vocabulary` allows. */
  readonly load: (vocabulary: StudyVocabulary) => StudyState;
  /** False when the state could not be written (e.g. the storage quota is full). */
  readonly save: (state: StudyState) => boolean;
};

/** The part of the Web Storage API the store uses. */
export type StudyStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** A store in `storage` (pass `window.localStorage` in the app) under one key. */
export function createStorageStudyStore(
  storage: StudyStorage,
  key: string = STUDY_STORAGE_KEY,
): StudyStore {
  return {
    load: (vocabulary) => {
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch {
        return EMPTY_STUDY_STATE;
      }
      return text === null ? EMPTY_STUDY_STATE : parseStudyState(text, vocabulary);
    },
    save: (state) => {
      try {
        storage.setItem(key, serializeStudyState(state));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** A store in memory, for tests; `raw()` is exactly what would be in localStorage. */
export function createMemoryStudyStore(initial: string | null = null): StudyStore & {
  readonly raw: () => string | null;
} {
  let text = initial;
  const storage: StudyStorage = {
    getItem: () => text,
    setItem: (_key, value) => {
      text = value;
    },
    removeItem: () => {
      text = null;
    },
  };
  return { ...createStorageStudyStore(storage), raw: () => text };
}

export function serializeStudyState(state: StudyState): string {
  return JSON.stringify({ format: STUDY_STORAGE_KEY, ...state });
}

/** Reads a stored document, keeping only what passes the checks; anything unreadable is empty. */
export function parseStudyState(text: string, vocabulary: StudyVocabulary): StudyState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return EMPTY_STUDY_STATE;
  }
  if (typeof value !== "object" || value === null) return EMPTY_STUDY_STATE;
  const { format, current, consents, records } = value as Record<string, unknown>;
  if (format !== STUDY_STORAGE_KEY) return EMPTY_STUDY_STATE;
  return {
    current: sanitizeCurrent(current, vocabulary),
    consents: (Array.isArray(consents) ? consents : [])
      .map(sanitizeConsent)
      .filter((consent) => consent !== null),
    records: (Array.isArray(records) ? records : [])
      .map((record) => sanitizeRecord(record, vocabulary))
      .filter((record) => record !== null),
  };
}

function sanitizeCurrent(value: unknown, vocabulary: StudyVocabulary): StudyCurrent | null {
  if (typeof value !== "object" || value === null) return null;
  const { participant, scenario, run } = value as Record<string, unknown>;
  if (!isParticipantId(participant) || !isCount(run)) return null;
  if (!(scenario === null || isScenarioId(scenario, vocabulary))) return null;
  if ((scenario === null) !== (run === 0)) return null;
  return { participant, scenario, run };
}
