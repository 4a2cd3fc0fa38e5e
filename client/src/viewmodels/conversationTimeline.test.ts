// Date lines and runs of bubbles: local days (across a DST change), the window of a run.
import { describe, expect, it } from "vitest";
import {
  GROUP_WINDOW_MS,
  continuesRun,
  dayLabel,
  nextMidnight,
  withDayRows,
} from "./conversationTimeline.ts";

const local = (year: number, month: number, day: number, hour = 12, minute = 0) =>
  new Date(year, month, day, hour, minute).getTime();

describe("dayLabel", () => {
  const now = local(2026, 2, 30, 8); // Monday 30 March 2026, the day after the clocks went forward in Europe
  it("names today, yesterday, the weekdays of the last week, then dates", () => {
    expect(dayLabel(local(2026, 2, 30, 0, 5), now)).toEqual({ kind: "today" });
    expect(dayLabel(local(2026, 2, 29, 23, 55), now)).toEqual({ kind: "yesterday" });
    expect(dayLabel(local(2026, 2, 24), now)).toEqual({
      kind: "weekday",
      timestamp: local(2026, 2, 24),
    });
    expect(dayLabel(local(2026, 2, 23), now)).toEqual({
      kind: "date",
      timestamp: local(2026, 2, 23),
      withYear: false,
    });
    expect(dayLabel(local(2025, 11, 31), now)).toMatchObject({ kind: "date", withYear: true });
  });

  it("treats a message from the future (a clock running ahead) as today", () => {
    expect(dayLabel(now + 3_600_000, now)).toEqual({ kind: "today" });
  });
});

describe("withDayRows", () => {
  it("puts one date line before the first row of each day", () => {
    const now = local(2026, 11, 10);
    const rows = [
      { type: "message", id: "a", timestamp: local(2026, 11, 9, 10) },
      { type: "message", id: "b", timestamp: local(2026, 11, 9, 22) },
      { type: "newcomer", id: "c", timestamp: local(2026, 11, 10, 1) },
    ];
    expect(withDayRows(rows, now).map((row) => row.id)).toEqual([
      `day-${String(local(2026, 11, 9, 0))}`,
      "a",
      "b",
      `day-${String(local(2026, 11, 10, 0))}`,
      "c",
    ]);
  });
});

describe("nextMidnight", () => {
  it("is the start of the next local day", () => {
    expect(nextMidnight(local(2026, 11, 31, 23, 59))).toBe(local(2027, 0, 1, 0));
  });
});

describe("continuesRun", () => {
  const row = (senderHandle: string, timestamp: number, kind = "text") => ({
    senderHandle,
    timestamp,
    kind,
  });
  const t0 = local(2026, 11, 10, 12);
  it("joins the same sender within the window, on the same day", () => {
    expect(continuesRun(row("a", t0), row("a", t0 + GROUP_WINDOW_MS))).toBe(true);
    expect(continuesRun(row("a", t0), row("a", t0 + GROUP_WINDOW_MS + 1))).toBe(false);
    expect(continuesRun(row("a", t0), row("b", t0 + 1))).toBe(false);
    const beforeMidnight = local(2026, 11, 10, 23, 59);
    expect(continuesRun(row("a", beforeMidnight), row("a", beforeMidnight + 120_000))).toBe(false);
  });

  it("never joins an unreadable run to a message", () => {
    expect(continuesRun(row("a", t0, "undecryptable"), row("a", t0 + 1))).toBe(false);
    expect(continuesRun(row("a", t0, "hidden"), row("a", t0 + 1, "hidden"))).toBe(true);
  });
});
