// Exports of the study log for the researcher: CSV (one row per event, fixed
// columns, RFC 4180) for spreadsheets and R, and JSON with consents and the
// per-scenario summaries as well. Both hold only what the log holds.

import type { ConsentRecord } from "./consent.ts";
import type { StudyRecord } from "./events.ts";
import { summariseScenarios, type ScenarioSummary } from "./summary.ts";

export const STUDY_EXPORT_FORMAT = "safety-by-design-study-log";
export const STUDY_EXPORT_VERSION = 1;

/** The CSV columns, in order; a column an event does not have is empty. */
export const STUDY_CSV_COLUMNS = [
  "participant",
  "scenario",
  "run",
  "seq",
  "at_ms",
  "at_utc",
  "kind",
  "pack_id",
  "decision_id",
  "notice_id",
  "copy_key",
  "help_moment",
  "help_resource",
  "choice",
  "action",
  "report_category",
  "report_target",
] as const;
export type StudyCsvColumn = (typeof STUDY_CSV_COLUMNS)[number];

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180: a header row, CRLF after every row. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

export function studyCsvRow(record: StudyRecord): Readonly<Record<StudyCsvColumn, string>> {
  const row: Record<StudyCsvColumn, string> = {
    participant: record.participant,
    scenario: record.scenario ?? "",
    run: String(record.run),
    seq: String(record.seq),
    at_ms: String(record.at),
    at_utc: new Date(record.at).toISOString(),
    kind: record.kind,
    pack_id: "",
    decision_id: "",
    notice_id: "",
    copy_key: "",
    help_moment: "",
    help_resource: "",
    choice: "",
    action: "",
    report_category: "",
    report_target: "",
  };
  if ("packId" in record) row.pack_id = record.packId;
  if ("decisionId" in record) row.decision_id = record.decisionId;
  if ("noticeId" in record) row.notice_id = record.noticeId;
  if ("copyKey" in record) row.copy_key = record.copyKey;
  if ("moment" in record) row.help_moment = record.moment;
  if ("resource" in record) row.help_resource = record.resource;
  if ("choice" in record) row.choice = record.choice;
  if ("action" in record) row.action = record.action;
  if ("category" in record) row.report_category = record.category;
  if ("target" in record) row.report_target = record.target;
  return row;
}

export function exportStudyCsv(records: readonly StudyRecord[]): string {
  const rows = sortedRecords(records).map((record) => {
    const row = studyCsvRow(record);
    return STUDY_CSV_COLUMNS.map((column) => row[column]);
  });
  return toCsv(STUDY_CSV_COLUMNS, rows);
}

export type StudyJsonExport = {
  readonly format: typeof STUDY_EXPORT_FORMAT;
  readonly version: typeof STUDY_EXPORT_VERSION;
  readonly exportedAt: string;
  readonly consents: readonly ConsentRecord[];
  readonly summaries: readonly ScenarioSummary[];
  readonly records: readonly StudyRecord[];
};

export function exportStudyJson(
  log: { readonly records: readonly StudyRecord[]; readonly consents: readonly ConsentRecord[] },
  exportedAt: number,
): string {
  const document: StudyJsonExport = {
    format: STUDY_EXPORT_FORMAT,
    version: STUDY_EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    consents: log.consents,
    summaries: summariseScenarios(log.records),
    records: sortedRecords(log.records),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function sortedRecords(records: readonly StudyRecord[]): readonly StudyRecord[] {
  return [...records].sort((a, b) =>
    a.participant === b.participant ? a.seq - b.seq : a.participant < b.participant ? -1 : 1,
  );
}
