// The one thing view models see of a usability study: a place to say that a
// notice was shown or a choice made. When no study runs they get NO_STUDY,
// which records nothing, so screens never need to know whether one runs.

import type { StudyEventInput } from "./events.ts";

export type StudyRecorder = {
  /** Never throws; an event without consent, or with any invalid field, is dropped. */
  readonly record: (event: StudyEventInput) => void;
};

export const NO_STUDY: StudyRecorder = Object.freeze({
  record: (): void => undefined,
});
