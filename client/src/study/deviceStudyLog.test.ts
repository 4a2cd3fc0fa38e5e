// The lab device's study log: this build's scenarios and packs are its
// vocabulary, and a page that reloads it sees what another page (the
// facilitator console) wrote to the same storage.

import { describe, expect, it } from "vitest";
import { createDeviceStudyLog, deviceStudyVocabulary } from "./deviceStudyLog.ts";
import { listStudyPacks } from "./packVariants.ts";
import { STUDY_SCENARIO_IDS } from "./scenarioIds.ts";
import type { StudyStorage } from "./store.ts";

function memoryStorage(): StudyStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

const options = (storage: StudyStorage) => ({
  storage,
  catalogue: listStudyPacks(),
  now: () => 1_750_000_000_000,
  randomBytes: (bytes: Uint8Array) => {
    bytes.fill(7);
  },
});

describe("the lab device's study log", () => {
  it("knows the scripted scenarios and every valid pack of this build", () => {
    const vocabulary = deviceStudyVocabulary(listStudyPacks());
    expect([...vocabulary.scenarioIds]).toEqual([...STUDY_SCENARIO_IDS]);
    expect([...vocabulary.packIds]).toEqual(
      expect.arrayContaining(["nl-default", "strict", "baseline", "nl-teens-filtered"]),
    );
    expect(vocabulary.copyKeys.has("notice.unknownAdult.teen13")).toBe(true);
  });

  it("records what the console's page started, after reloading, without overwriting it", () => {
    const storage = memoryStorage();
    const participant = createDeviceStudyLog(options(storage));
    const facilitator = createDeviceStudyLog(options(storage));
    facilitator.giveConsent();
    facilitator.startScenario("threat-to-noor");

    participant.recorder.record({ kind: "help-opened", moment: "general" });
    expect(participant.records()).toEqual([]);

    participant.reload();
    participant.recorder.record({ kind: "help-opened", moment: "general" });
    facilitator.reload();
    expect(facilitator.records().map((r) => [r.kind, r.scenario, r.seq])).toEqual([
      ["scenario-started", "threat-to-noor", 1],
      ["help-opened", "threat-to-noor", 2],
    ]);
  });
});
