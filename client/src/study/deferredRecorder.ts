// Study layer: a recorder for the time before the study log has loaded. The
// app loads the log (and the pack catalogue its vocabulary needs) after first
// paint, so the sign-in screen waits for neither; what a screen records in
// those first moments is kept, in order, and handed to the log when it is
// there. From then on events go straight through, as before.

import type { StudyEventInput } from "./events.ts";
import type { StudyRecorder } from "./recorder.ts";

export function deferredRecorder(
  log: Promise<StudyRecorder>,
  failed: (message: string, error: unknown) => void,
): StudyRecorder {
  let ready: StudyRecorder | undefined;
  let waiting: StudyEventInput[] | undefined = [];
  log.then(
    (recorder) => {
      ready = recorder;
      for (const event of waiting ?? []) recorder.record(event);
      waiting = undefined;
    },
    (error: unknown) => {
      // Without its log a study records nothing; the app itself works on.
      waiting = undefined;
      failed("the study log did not load", error);
    },
  );
  return {
    record: (event) => {
      if (ready !== undefined) ready.record(event);
      else waiting?.push(event);
    },
  };
}
