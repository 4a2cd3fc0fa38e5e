// Per-scenario summaries: time from the first notice to help and to a report,
// and the choice made after each notice, per run and per scenario and arm.

import { describe, expect, it } from "vitest";
import type { StudyEvent, StudyRecord } from "./events.ts";
import { summariseRuns, summariseScenarios } from "./summary.ts";

const D1 = "nl-default@1.0.0/incoming-contact/0000000000000001";
const D2 = "nl-default@1.0.0/incoming-contact/0000000000000002";
const R1 = "nl-default@1.0.0/report/0000000000000003";
const V1 = "nl-teens-filtered@1.0.0/incoming-contact/0000000000000004";

/** Records of one run; `at` is seconds from the start. */
function run(
  participant: string,
  scenario: string,
  runNumber: number,
  events: readonly (readonly [number, StudyEvent])[],
): StudyRecord[] {
  return events.map(([seconds, event], index) => ({
    ...event,
    participant,
    scenario,
    run: runNumber,
    seq: index + 1,
    at: 1_000_000 + seconds * 1000,
  }));
}

const shown = (decisionId: string, packId = "nl-default"): StudyEvent => ({
  kind: "notice-shown",
  decisionId,
  packId,
  noticeId: "unknown-adult",
  copyKey: "notice.unknownAdult.teen13",
});

const A = "p-000000000000000a";
const B = "p-000000000000000b";
const C = "p-000000000000000c";

const records: StudyRecord[] = [
  ...run(A, "stranger-request", 1, [
    [0, { kind: "scenario-started" }],
    [2, shown(D1)],
    [3, { kind: "why-opened", decisionId: D1, packId: "nl-default" }],
    [5, { kind: "help-opened", moment: "after-warning" }],
    [6, { kind: "help-resource-opened", moment: "after-warning", resource: "kindertelefoon" }],
    [8, { kind: "request-answered", decisionId: D1, packId: "nl-default", choice: "blocked" }],
    [
      9,
      {
        kind: "report-filed",
        decisionId: R1,
        packId: "nl-default",
        category: "grooming",
        target: "request",
      },
    ],
    [10, { kind: "scenario-ended" }],
  ]),
  ...run(B, "stranger-request", 1, [
    [0, { kind: "scenario-started" }],
    // help before any notice does not count as "time to help"
    [1, { kind: "help-opened", moment: "general" }],
    [2, shown(D2)],
    [2, shown(D2)], // shown again on a re-render: counted once
    [6, { kind: "action-chosen", decisionId: D2, packId: "nl-default", action: "why" }],
    [7, { kind: "request-answered", decisionId: D2, packId: "nl-default", choice: "accepted" }],
    [8, { kind: "help-opened", moment: "general" }],
  ]),
  ...run(C, "stranger-request", 1, [
    [0, { kind: "scenario-started" }],
    [4, shown(V1, "nl-teens-filtered")],
  ]),
  // outside a scenario: not summarised
  { kind: "help-opened", moment: "general", participant: C, scenario: null, run: 0, seq: 9, at: 5 },
];

describe("summariseRuns", () => {
  it("measures from the first notice shown to help, to a report, and to each choice", () => {
    const [a, b, c] = summariseRuns(records);
    expect(a).toEqual({
      participant: A,
      scenario: "stranger-request",
      run: 1,
      packId: "nl-default",
      startedAt: 1_000_000,
      endedAt: 1_010_000,
      firstNoticeAt: 1_002_000,
      timeToHelpMs: 3000,
      timeToReportMs: 7000,
      whyOpened: 1,
      helpResourcesOpened: ["kindertelefoon"],
      notices: [
        {
          decisionId: D1,
          packId: "nl-default",
          noticeId: "unknown-adult",
          copyKey: "notice.unknownAdult.teen13",
          shownAt: 1_002_000,
          choice: "blocked",
          choiceAfterMs: 6000,
        },
      ],
    });
    expect(b).toMatchObject({
      timeToHelpMs: 6000,
      timeToReportMs: null,
      endedAt: null,
      notices: [{ decisionId: D2, choice: "accepted", choiceAfterMs: 5000 }],
    });
    expect(c).toMatchObject({
      packId: "nl-teens-filtered",
      timeToHelpMs: null,
      notices: [{ choice: "none", choiceAfterMs: null }],
    });
  });
});

describe("summariseScenarios", () => {
  it("groups runs by scenario and arm, with medians and choice counts per notice", () => {
    const summaries = summariseScenarios(records);
    expect(summaries.map((s) => [s.scenario, s.packId, s.runs])).toEqual([
      ["stranger-request", "nl-default", 2],
      ["stranger-request", "nl-teens-filtered", 1],
    ]);
    const [nlDefault] = summaries;
    expect(nlDefault).toMatchObject({
      participants: 2,
      runsWithHelp: 2,
      runsWithReport: 1,
      medianTimeToHelpMs: 4500,
      medianTimeToReportMs: 7000,
      choices: [
        {
          noticeId: "unknown-adult",
          copyKey: "notice.unknownAdult.teen13",
          choice: "accepted",
          count: 1,
        },
        {
          noticeId: "unknown-adult",
          copyKey: "notice.unknownAdult.teen13",
          choice: "blocked",
          count: 1,
        },
      ],
    });
  });

  it("is empty without scenario runs", () => {
    expect(summariseScenarios([])).toEqual([]);
  });
});
