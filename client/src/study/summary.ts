// Per-scenario summaries for the facilitator console: how long after the first
// notice a participant opened help or filed a report, and what they chose
// after each notice. Pure functions of the records.

import {
  assertNever,
  type ActionId,
  type HelpResourceId,
  type NoticeId,
} from "@safety-by-design/policy-engine";
import type { RequestChoice, StudyRecord } from "./events.ts";

/** What the participant did about a notice: the first choice on its decision. */
export type NoticeChoice = RequestChoice | "reported" | `action:${ActionId}` | "none";

export type NoticeOutcome = {
  readonly decisionId: string;
  readonly packId: string;
  readonly noticeId: NoticeId;
  readonly copyKey: string;
  readonly shownAt: number;
  readonly choice: NoticeChoice;
  /** Time from the notice being shown to the choice, or null for "none". */
  readonly choiceAfterMs: number | null;
};

/** One participant's run of one scenario. */
export type RunSummary = {
  readonly participant: string;
  readonly scenario: string;
  readonly run: number;
  /** The pack of the run's first decision (the arm it ran in), or null when it saw none. */
  readonly packId: string | null;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly firstNoticeAt: number | null;
  /** From the first notice shown to help first opened (the help screen or a resource). */
  readonly timeToHelpMs: number | null;
  /** From the first notice shown to the first report filed. */
  readonly timeToReportMs: number | null;
  readonly whyOpened: number;
  readonly helpResourcesOpened: readonly HelpResourceId[];
  readonly notices: readonly NoticeOutcome[];
};

export type ChoiceCount = {
  readonly noticeId: NoticeId;
  readonly copyKey: string;
  readonly choice: NoticeChoice;
  readonly count: number;
};

/** All runs of one scenario in one arm (pack). */
export type ScenarioSummary = {
  readonly scenario: string;
  readonly packId: string | null;
  readonly runs: number;
  readonly participants: number;
  readonly runsWithHelp: number;
  readonly runsWithReport: number;
  readonly medianTimeToHelpMs: number | null;
  readonly medianTimeToReportMs: number | null;
  readonly choices: readonly ChoiceCount[];
  readonly runSummaries: readonly RunSummary[];
};

/** Actions that are not a choice about the notice: looking closer, asking why, getting help. */
const NOT_A_CHOICE: ReadonlySet<ActionId> = new Set(["view", "why", "get-help"]);

export function summariseRuns(records: readonly StudyRecord[]): readonly RunSummary[] {
  const runs = new Map<string, StudyRecord[]>();
  for (const record of records) {
    if (record.scenario === null) continue;
    const key = `${record.participant}/${record.run}`;
    const list = runs.get(key);
    if (list === undefined) runs.set(key, [record]);
    else list.push(record);
  }
  return [...runs.values()]
    .map((list) => summariseRun([...list].sort((a, b) => a.seq - b.seq)))
    .sort(
      (a, b) =>
        compare(a.scenario, b.scenario) || compare(a.participant, b.participant) || a.run - b.run,
    );
}

export function summariseScenarios(records: readonly StudyRecord[]): readonly ScenarioSummary[] {
  const groups = new Map<string, RunSummary[]>();
  for (const run of summariseRuns(records)) {
    const key = `${run.scenario} ${run.packId ?? ""}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [run]);
    else list.push(run);
  }
  return [...groups.values()].map((runs) => {
    const first = runs[0] as RunSummary;
    const choices = new Map<string, ChoiceCount>();
    for (const notice of runs.flatMap((run) => run.notices)) {
      const key = `${notice.noticeId} ${notice.copyKey} ${notice.choice}`;
      const count = choices.get(key)?.count ?? 0;
      choices.set(key, {
        noticeId: notice.noticeId,
        copyKey: notice.copyKey,
        choice: notice.choice,
        count: count + 1,
      });
    }
    return {
      scenario: first.scenario,
      packId: first.packId,
      runs: runs.length,
      participants: new Set(runs.map((run) => run.participant)).size,
      runsWithHelp: runs.filter((run) => run.timeToHelpMs !== null).length,
      runsWithReport: runs.filter((run) => run.timeToReportMs !== null).length,
      medianTimeToHelpMs: median(runs.map((run) => run.timeToHelpMs)),
      medianTimeToReportMs: median(runs.map((run) => run.timeToReportMs)),
      choices: [...choices.values()].sort(
        (a, b) =>
          compare(a.noticeId, b.noticeId) ||
          compare(a.copyKey, b.copyKey) ||
          compare(a.choice, b.choice),
      ),
      runSummaries: runs,
    };
  });
}

/** `records` are one run's, in order. */
function summariseRun(records: readonly StudyRecord[]): RunSummary {
  const first = records[0] as StudyRecord;
  let packId: string | null = null;
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  let firstNoticeAt: number | null = null;
  let helpAt: number | null = null;
  let reportAt: number | null = null;
  let whyOpened = 0;
  const helpResourcesOpened: HelpResourceId[] = [];
  const shown = new Map<string, Omit<NoticeOutcome, "choice" | "choiceAfterMs">>();
  const choices = new Map<string, { choice: NoticeChoice; at: number }>();

  for (const record of records) {
    if ("packId" in record) packId ??= record.packId;
    const choose = (decisionId: string, choice: NoticeChoice): void => {
      if (!choices.has(decisionId)) choices.set(decisionId, { choice, at: record.at });
    };
    switch (record.kind) {
      case "scenario-started":
        startedAt ??= record.at;
        break;
      case "scenario-ended":
        endedAt = record.at;
        break;
      case "notice-shown": {
        firstNoticeAt ??= record.at;
        const key = `${record.decisionId} ${record.noticeId}`;
        if (!shown.has(key)) {
          const { decisionId, noticeId, copyKey, at } = record;
          shown.set(key, { decisionId, packId: record.packId, noticeId, copyKey, shownAt: at });
        }
        break;
      }
      case "why-opened":
        whyOpened += 1;
        break;
      case "help-opened":
        if (firstNoticeAt !== null) helpAt ??= record.at;
        break;
      case "help-resource-opened":
        if (firstNoticeAt !== null) helpAt ??= record.at;
        if (!helpResourcesOpened.includes(record.resource)) {
          helpResourcesOpened.push(record.resource);
        }
        break;
      case "request-answered":
        choose(record.decisionId, record.choice);
        break;
      case "action-chosen":
        if (!NOT_A_CHOICE.has(record.action)) choose(record.decisionId, `action:${record.action}`);
        break;
      case "report-filed":
        if (firstNoticeAt !== null) reportAt ??= record.at;
        choose(record.decisionId, "reported");
        break;
      default:
        assertNever(record, "study event");
    }
  }

  const notices = [...shown.values()].map((notice): NoticeOutcome => {
    const made = choices.get(notice.decisionId);
    return made === undefined || made.at < notice.shownAt
      ? { ...notice, choice: "none", choiceAfterMs: null }
      : { ...notice, choice: made.choice, choiceAfterMs: made.at - notice.shownAt };
  });
  return {
    participant: first.participant,
    scenario: first.scenario ?? "",
    run: first.run,
    packId,
    startedAt,
    endedAt,
    firstNoticeAt,
    timeToHelpMs: helpAt === null || firstNoticeAt === null ? null : helpAt - firstNoticeAt,
    timeToReportMs: reportAt === null || firstNoticeAt === null ? null : reportAt - firstNoticeAt,
    whyOpened,
    helpResourcesOpened,
    notices,
  };
}

function median(values: readonly (number | null)[]): number | null {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : Math.round(((sorted[middle - 1] as number) + upper) / 2);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
