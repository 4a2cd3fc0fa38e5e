// The jump-to-newest count: rows from others after the last one seen at the bottom.
import { describe, expect, it } from "vitest";
import { newRowsAfter } from "./useStickToNewest.ts";

describe("newRowsAfter", () => {
  const rows = [
    { type: "message", id: "1", mine: false },
    { type: "day", id: "d" },
    { type: "message", id: "2", mine: true },
    { type: "message", id: "3", mine: false },
    { type: "newcomer", id: "n" },
    { type: "message", id: "4", mine: false },
  ];

  it("counts messages and announcements from others after the row seen last, not my own or date lines", () => {
    expect(newRowsAfter(rows, "1")).toBe(3);
    expect(newRowsAfter(rows, "3")).toBe(2);
    expect(newRowsAfter(rows, "4")).toBe(0);
  });

  it("counts nothing when the row seen last is not known", () => {
    expect(newRowsAfter(rows, undefined)).toBe(0);
    expect(newRowsAfter(rows, "gone")).toBe(0);
  });
});
