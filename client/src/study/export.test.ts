// Exports: RFC 4180 CSV with a fixed header, and JSON with consents,
// summaries and records.

import { describe, expect, it } from "vitest";
import type { StudyRecord } from "./events.ts";
import {
  STUDY_CSV_COLUMNS,
  csvField,
  exportStudyCsv,
  exportStudyJson,
  toCsv,
  type StudyJsonExport,
} from "./export.ts";

const P = "p-00000000000000ff";
const records: StudyRecord[] = [
  {
    kind: "report-filed",
    decisionId: "nl-default@1.0.0/report/00000000000000aa",
    packId: "nl-default",
    category: "grooming",
    target: "request",
    participant: P,
    scenario: "stranger-request",
    run: 1,
    seq: 2,
    at: 1_750_000_001_000,
  },
  {
    kind: "scenario-started",
    participant: P,
    scenario: "stranger-request",
    run: 1,
    seq: 1,
    at: 1_750_000_000_000,
  },
];

describe("csvField", () => {
  it("leaves plain fields alone", () => {
    expect(csvField("notice.unknownAdult.teen13")).toBe("notice.unknownAdult.teen13");
    expect(csvField("")).toBe("");
  });

  it("quotes fields with commas, quotes or line breaks and doubles quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("one\r\ntwo")).toBe('"one\r\ntwo"');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField('"')).toBe('""""');
  });

  it("ends every row with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe("exportStudyCsv", () => {
  it("has the fixed header and one row per record, in participant order", () => {
    const lines = exportStudyCsv(records).split("\r\n");
    expect(lines[0]).toBe(STUDY_CSV_COLUMNS.join(","));
    expect(lines[1]).toBe(
      `${P},stranger-request,1,1,1750000000000,2025-06-15T15:06:40.000Z,scenario-started,,,,,,,,,,`,
    );
    expect(lines[2]).toBe(
      `${P},stranger-request,1,2,1750000001000,2025-06-15T15:06:41.000Z,report-filed,nl-default,nl-default@1.0.0/report/00000000000000aa,,,,,,,grooming,request`,
    );
    expect(lines.slice(3)).toEqual([""]);
    for (const line of lines.slice(0, 3)) {
      expect(line.split(",")).toHaveLength(STUDY_CSV_COLUMNS.length);
    }
  });

  it("is only a header for an empty log", () => {
    expect(exportStudyCsv([])).toBe(`${STUDY_CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("exportStudyJson", () => {
  it("holds the format, consents, summaries and sorted records", () => {
    const consents = [
      { participant: P, textVersion: "2025-06", givenAt: 1_749_999_999_000, withdrawnAt: null },
    ];
    const parsed = JSON.parse(
      exportStudyJson({ records, consents }, 1_750_000_002_000),
    ) as StudyJsonExport;
    expect(parsed).toMatchObject({
      format: "safety-by-design-study-log",
      version: 1,
      exportedAt: "2025-06-15T15:06:42.000Z",
      consents,
    });
    expect(parsed.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(parsed.summaries).toHaveLength(1);
  });
});
