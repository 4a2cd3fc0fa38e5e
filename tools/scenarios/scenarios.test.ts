// Every scripted scenario is valid data: the checks the runner makes, unique
// ids, and scripted words that stay mild. The word check looks only at our
// own scripts, never at anything a user writes.
import { describe, expect, it } from "vitest";
import { STUDY_SCENARIO_IDS } from "../../client/src/study/scenarioIds.ts";
import { PERSONAS } from "../lib/personas.ts";
import { scenarioProblems, scriptedTexts, type Scenario } from "../lib/scenarioScript.ts";
import { findScenario, SCENARIOS } from "./index.ts";

/** Words our scripts must not contain (nl and en); whole words, any case. */
const TOO_EXPLICIT = [
  "seks",
  "sex",
  "sexy",
  "naakt",
  "naked",
  "nude",
  "nudes",
  "bloot",
  "porno",
  "porn",
  "uitkleden",
  "undress",
  "lichaam",
  "body",
  "borsten",
  "breasts",
  "kussen",
  "kiss",
  "webcam",
];

function explicitWords(text: string): readonly string[] {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return TOO_EXPLICIT.filter((word) => words.includes(word));
}

describe("scripted scenarios", () => {
  it("has at least the six scenarios of the study", () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "unknown-adult-contacts-noor",
        "unknown-adult-contacts-sam",
        "adult-tries-to-reach-minors",
        "peer-daan-contacts-noor",
        "threat-to-noor",
        "unverified-account-contacts-noor",
      ]),
    );
  });

  it("are the scenarios the client's study log knows (client/src/study/scenarioIds.ts)", () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([...STUDY_SCENARIO_IDS]);
  });

  it("gives every scenario its own id", () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(findScenario(id)?.id).toBe(id);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))("%s passes the runner's checks", (_, s) => {
    expect(scenarioProblems(s)).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    "%s has a participant who is a minor persona",
    (_, s) => {
      const band = PERSONAS.find((p) => p.username === s.participant)?.band;
      expect(["8-12", "13-15", "16-17"]).toContain(band);
    },
  );

  it.each(SCENARIOS.map((s) => [s.id, s] as const))("%s keeps its words mild", (_, s) => {
    for (const text of scriptedTexts(s)) {
      expect(explicitWords(text.nl), text.nl).toEqual([]);
      expect(explicitWords(text.en), text.en).toEqual([]);
    }
  });
});

describe("scenarioProblems", () => {
  const valid: Scenario = {
    id: "valid-one",
    title: { nl: "Titel", en: "Title" },
    description: { nl: "Uitleg", en: "Explanation" },
    participant: "noor",
    actor: { persona: "alex" },
    steps: [{ do: "start-direct-chat" }, { do: "send", text: { nl: "Hoi", en: "Hi" } }],
    expected: {
      tags: ["request-held-aside"],
      sees: { nl: "Een verzoek", en: "A request" },
      does: { nl: "Negeren", en: "Ignore" },
    },
  };

  it("accepts a well-formed scenario", () => {
    expect(scenarioProblems(valid)).toEqual([]);
  });

  it("names what is wrong", () => {
    const problems = scenarioProblems({
      ...valid,
      id: "Not An Id",
      participant: "nobody",
      actor: { persona: "nobody" },
      steps: [
        { do: "send", text: { nl: "Hoi", en: "" } },
        { do: "wait", seconds: 0 },
        { do: "try-contact", target: "ghost" },
      ],
      expected: { ...valid.expected, tags: [] },
    });
    expect(problems).toEqual([
      'id "Not An Id" is not lower-case-with-hyphens',
      'participant "nobody" is not a persona',
      'actor "nobody" is not a persona',
      "the actor and the participant are the same persona",
      "step 1 (send): en text is empty",
      "step 2 (wait): seconds must be above 0 and at most 600",
      'step 3 (try-contact): target "ghost" is not a persona',
      "expected: no tags",
    ]);
  });
});

describe("the mild-words check", () => {
  it("matches whole words only, so a word that merely contains a listed one passes", () => {
    expect(explicitWords("A sextortion-style threat")).toEqual([]);
    expect(explicitWords("Stuur een NUDE")).toEqual(["nude"]);
  });
});
