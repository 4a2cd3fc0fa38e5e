// The study vocabulary of this build: the scripted scenarios and every valid
// pack, bundled or variant. The classroom's study service checks every event
// against it (client/src/study/sessionLog.ts), and the console checks again
// what the service sends back; the consent text's version goes with each consent.

import { createStudyVocabulary, type StudyVocabulary } from "./events.ts";
import type { PackChoice } from "./packCatalogue.ts";
import { STUDY_SCENARIO_IDS } from "./scenarioIds.ts";

/** Version of the consent text (docs/usability-study.md); change it with the text. */
export const STUDY_CONSENT_TEXT_VERSION = "2026-12";

/** Scenario ids, pack ids and copy keys this build can record. */
export function deviceStudyVocabulary(catalogue: readonly PackChoice[]): StudyVocabulary {
  return createStudyVocabulary({
    scenarioIds: STUDY_SCENARIO_IDS,
    packs: catalogue.flatMap((choice) => (choice.valid ? [choice.pack] : [])),
  });
}
