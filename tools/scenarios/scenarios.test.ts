// Every scripted scenario is valid data: the checks the runner makes, unique
// ids, and scripted words that stay mild. The word check looks only at our
// own scripts, never at anything a user writes.
import { describe, expect, it } from "vitest";
import { STUDY_SCENARIO_IDS } from "@safety-by-design/client/study";
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
  it("has at least the scenarios of the study, every door included", () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "unknown-adult-contacts-noor",
        "unknown-adult-contacts-sam",
        "adult-tries-to-reach-minors",
        "peer-daan-contacts-noor",
        "threat-to-noor",
        "unverified-account-contacts-noor",
        "stranger-in-friends-group-noor",
        "stranger-in-friends-group-sam",
        "stranger-added-to-chat-noor",
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

  it.each(SCENARIOS.filter((s) => s.actorIsFriend === true).map((s) => [s.id, s] as const))(
    "%s has a minor persona as the participant's friend",
    (_, s) => {
      // An adult "friend" would be a different scenario: the study's friends are young people.
      const band = (name: string): string | undefined =>
        PERSONAS.find((p) => p.username === name)?.band;
      expect("persona" in s.actor).toBe(true);
      if ("persona" in s.actor) expect(["8-12", "13-15", "16-17"]).toContain(band(s.actor.persona));
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
      "actor: the same persona as the participant",
      "step 1 (send): en text is empty",
      "step 2 (wait): seconds must be above 0 and at most 600",
      'step 3 (try-contact): target "ghost" is not a persona',
      "expected: no tags",
    ]);
  });
});

describe("scenarioProblems, for groups and more than one actor", () => {
  const group: Scenario = {
    id: "group-one",
    title: { nl: "Groep", en: "Group" },
    description: { nl: "Uitleg", en: "Explanation" },
    participant: "noor",
    actor: { persona: "lotte" },
    actorIsFriend: true,
    otherActors: { stranger: { throwaway: { displayName: "Rick", band: "18+" } } },
    steps: [
      { do: "start-group", name: { nl: "Zwemmen", en: "Swimming" }, with: ["stranger"] },
      { do: "send", by: "stranger", text: { nl: "Hoi", en: "Hi" } },
      { do: "invite-participant" },
      { do: "wait-for-join", seconds: 10 },
      { do: "send", text: { nl: "Doe je mee?", en: "Are you in?" } },
    ],
    expected: {
      tags: ["group-overview-shown"],
      sees: { nl: "Een overzicht", en: "An overview" },
      does: { nl: "Kiezen", en: "Choose" },
    },
  };

  it("accepts a group with another actor inside, and one added later", () => {
    expect(scenarioProblems(group)).toEqual([]);
    expect(
      scenarioProblems({
        ...group,
        steps: [
          { do: "start-group", name: { nl: "Feest", en: "Party" }, with: [] },
          { do: "invite-participant" },
          { do: "wait-for-join", seconds: 10 },
          { do: "add-actor", actor: "stranger" },
          { do: "send", by: "stranger", text: { nl: "Hoi", en: "Hi" } },
        ],
      }),
    ).toEqual([]);
  });

  it("names steps out of order and actors it does not know", () => {
    const problems = scenarioProblems({
      ...group,
      actor: { throwaway: { displayName: "Iemand", band: "18+" } },
      otherActors: { Stranger: { persona: "noor" }, helper: { persona: "daan" } },
      steps: [
        { do: "invite-participant" },
        { do: "send", by: "helper", text: { nl: "Hoi", en: "Hi" } },
        { do: "start-group", name: { nl: "", en: "Group" }, with: ["ghost", "helper", "helper"] },
        { do: "wait-for-join", seconds: 10 },
        { do: "add-actor", actor: "helper" },
        { do: "invite-participant" },
        { do: "invite-participant" },
      ],
    });
    expect(problems).toEqual([
      'other actor "Stranger": name is not lower-case-with-hyphens',
      'other actor "Stranger": the same persona as the participant',
      "actorIsFriend: only a persona can be the participant's friend",
      "step 1 (invite-participant): no group was made before it",
      'step 2 (send): "helper" is not in the chat yet',
      "step 3 (start-group): nl text is empty",
      'step 3 (start-group): "ghost" is not one of otherActors',
      'step 3 (start-group): "helper" is named twice',
      "step 4 (wait-for-join): the participant is not invited yet",
      'step 5 (add-actor): "helper" is in the chat already',
      "step 7 (invite-participant): the participant is invited already",
    ]);
  });

  it("refuses one persona in two parts", () => {
    expect(scenarioProblems({ ...group, otherActors: { stranger: { persona: "lotte" } } })).toEqual(
      ['other actor "stranger": persona "lotte" already plays another part'],
    );
  });

  it("counts group names and every throwaway's display name as scripted words", () => {
    const texts = scriptedTexts(group).map((text) => text.nl);
    expect(texts).toEqual(expect.arrayContaining(["Zwemmen", "Rick", "Hoi", "Doe je mee?"]));
  });
});

describe("the mild-words check", () => {
  it("matches whole words only, so a word that merely contains a listed one passes", () => {
    expect(explicitWords("A sextortion-style threat")).toEqual([]);
    expect(explicitWords("Stuur een NUDE")).toEqual(["nude"]);
  });
});
