// The one study log of a lab device: in its localStorage, with the vocabulary
// of this build (the scripted scenarios and every valid pack, bundled or
// variant). The participant's client (main.tsx) records through it; the
// facilitator console, a page of the same origin, opens the same log.

import { createStudyVocabulary, type StudyVocabulary } from "./events.ts";
import type { PackChoice } from "./packCatalogue.ts";
import { STUDY_SCENARIO_IDS } from "./scenarioIds.ts";
import { createStorageStudyStore, type StudyStorage } from "./store.ts";
import { StudyLog } from "./studyLog.ts";

/** Version of the consent text the console shows; change it with the text. */
export const STUDY_CONSENT_TEXT_VERSION = "2026-11";

/** Scenario ids, pack ids and copy keys this build can record. */
export function deviceStudyVocabulary(catalogue: readonly PackChoice[]): StudyVocabulary {
  return createStudyVocabulary({
    scenarioIds: STUDY_SCENARIO_IDS,
    packs: catalogue.flatMap((choice) => (choice.valid ? [choice.pack] : [])),
  });
}

export function createDeviceStudyLog(options: {
  readonly storage: StudyStorage;
  /** listStudyPacks() in the app. */
  readonly catalogue: readonly PackChoice[];
  readonly now: () => number;
  readonly randomBytes: (bytes: Uint8Array) => void;
  readonly consentTextVersion?: string;
}): StudyLog {
  return new StudyLog({
    store: createStorageStudyStore(options.storage),
    vocabulary: deviceStudyVocabulary(options.catalogue),
    consentTextVersion: options.consentTextVersion ?? STUDY_CONSENT_TEXT_VERSION,
    now: options.now,
    randomBytes: options.randomBytes,
  });
}
