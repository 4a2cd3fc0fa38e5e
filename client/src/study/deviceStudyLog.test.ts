// The study vocabulary of this build: the scripted scenarios and every valid pack.

import { describe, expect, it } from "vitest";
import { deviceStudyVocabulary } from "./deviceStudyLog.ts";
import { listStudyPacks } from "./packVariants.ts";
import { STUDY_SCENARIO_IDS } from "./scenarioIds.ts";

describe("the study vocabulary", () => {
  it("knows the scripted scenarios and every valid pack of this build", () => {
    const vocabulary = deviceStudyVocabulary(listStudyPacks());
    expect([...vocabulary.scenarioIds]).toEqual([...STUDY_SCENARIO_IDS]);
    expect([...vocabulary.packIds]).toEqual(
      expect.arrayContaining(["nl-default", "strict", "baseline", "nl-teens-filtered"]),
    );
    expect(vocabulary.copyKeys.has("notice.unknownAdult.teen13")).toBe(true);
  });
});
