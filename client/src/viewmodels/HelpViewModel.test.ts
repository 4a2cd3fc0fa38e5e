import {
  createPolicyEngine,
  loadBundledPack,
  type PersonFacts,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import { helpDecider } from "../policy/decideHelp.ts";
import type { StudyRecorder } from "../study/recorder.ts";
import { HelpViewModel } from "./HelpViewModel.ts";

const engine = createPolicyEngine(loadBundledPack("nl-default"));
const decide = (person: PersonFacts) =>
  helpDecider(
    engine,
    () => 1_700_000_000_000,
    () => person,
    () => "nl-NL",
  );
const NOOR: PersonFacts = { ageBand: "13-15", ageVerified: true };
const ADULT: PersonFacts = { ageBand: "18+", ageVerified: true };

describe("HelpViewModel: help that fits the need", () => {
  it("offers the engine's needs, and one tap makes the engine pick the help for it", () => {
    const help = new HelpViewModel(decide(NOOR), "after-report", { close: vi.fn() }, "grooming");
    expect(help.getSnapshot().needs).toContain("picture-shared");
    expect(help.getSnapshot().need).toBeUndefined();

    help.chooseNeed("picture-shared");
    expect(help.getSnapshot().need).toBe("picture-shared");
    // Take-down help first.
    expect(help.getSnapshot().resources[0]).toBe("helpwanted");
    expect(help.getSnapshot().why.ruleIds).toContain("help/help-for-need");

    // The same tap again: back to the general help for this moment.
    help.chooseNeed("picture-shared");
    expect(help.getSnapshot().need).toBeUndefined();
    expect(help.getSnapshot().why.ruleIds).toContain("help/moment-table");
  });

  it("ignores a need the engine does not offer this person", () => {
    const help = new HelpViewModel(decide(ADULT), "general", { close: vi.fn() });
    expect(help.getSnapshot().needs).not.toContain("want-to-talk");
    const before = help.getSnapshot();
    help.chooseNeed("want-to-talk");
    expect(help.getSnapshot()).toBe(before);
  });

  it("records nothing about the need, even in a study", () => {
    const record = vi.fn<StudyRecorder["record"]>();
    const help = new HelpViewModel(
      decide(NOOR),
      "general",
      { close: vi.fn() },
      undefined,
      { record },
      "13-15",
    );
    help.chooseNeed("at-home");
    expect(record).not.toHaveBeenCalled();
    help.openResource("veilig-thuis");
    expect(record).toHaveBeenCalledWith({
      kind: "help-resource-opened",
      moment: "general",
      resource: "veilig-thuis",
    });
  });
});
