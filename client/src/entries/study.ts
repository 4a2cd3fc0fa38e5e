// Entry point `@safety-by-design/client/study`: for the researchers' tools
// that work beside the client (tools/check-packs.ts checks study/packs/ as the
// facilitator console does; tools/scenarios/ keep their ids in step with the
// console's). Only what runs in plain Node: the pack variants bundled by Vite
// (study/packVariants.ts) stay inside the client.

export {
  buildPackCatalogue,
  formatPackFileError,
  STUDY_PACKS_FOLDER,
  TRANSLATED_COPY_KEYS,
} from "../study/packCatalogue.ts";
export { STUDY_SCENARIO_IDS } from "../study/scenarioIds.ts";
// The classroom's central log, kept by the study service (tools/lib/studyService.ts).
export { createStudyVocabulary, type StudyRecord, type StudyVocabulary } from "../study/events.ts";
export { deviceStudyVocabulary, STUDY_CONSENT_TEXT_VERSION } from "../study/deviceStudyLog.ts";
export {
  isSeat,
  parseSessionLog,
  seatName,
  serializeSessionLog,
  SessionLog,
  type SessionRecordOutcome,
} from "../study/sessionLog.ts";
export { summariseScenarios } from "../study/summary.ts";
