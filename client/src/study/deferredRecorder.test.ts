// Events recorded before the study log has loaded reach it, in order, once it
// has; after that they go straight through. A log that fails to load drops
// them and says so once.

import { describe, expect, it, vi } from "vitest";
import { deferredRecorder } from "./deferredRecorder.ts";
import type { StudyEventInput } from "./events.ts";
import type { StudyRecorder } from "./recorder.ts";

const helpOpened: StudyEventInput = { kind: "help-opened", moment: "general" };
const resourceOpened: StudyEventInput = {
  kind: "help-resource-opened",
  moment: "general",
  resource: "kindertelefoon",
};

function loggingRecorder(): StudyRecorder & { readonly events: StudyEventInput[] } {
  const events: StudyEventInput[] = [];
  return { events, record: (event) => events.push(event) };
}

describe("deferredRecorder", () => {
  it("keeps what is recorded before the log loads and hands it over in order", async () => {
    const log = loggingRecorder();
    let load: (recorder: StudyRecorder) => void = () => undefined;
    const recorder = deferredRecorder(
      new Promise((resolve) => {
        load = resolve;
      }),
      () => undefined,
    );
    recorder.record(helpOpened);
    recorder.record(resourceOpened);
    expect(log.events).toEqual([]);

    load(log);
    await Promise.resolve();
    expect(log.events).toEqual([helpOpened, resourceOpened]);
  });

  it("records straight through once the log is there", async () => {
    const log = loggingRecorder();
    const recorder = deferredRecorder(Promise.resolve(log), () => undefined);
    await Promise.resolve();
    recorder.record(helpOpened);
    expect(log.events).toEqual([helpOpened]);
  });

  it("drops events when the log cannot load, and reports that once", async () => {
    const failed = vi.fn();
    const recorder = deferredRecorder(Promise.reject(new Error("offline")), failed);
    recorder.record(helpOpened);
    await Promise.resolve();
    await Promise.resolve();
    recorder.record(resourceOpened);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed).toHaveBeenCalledWith("the study log did not load", expect.any(Error));
  });
});
