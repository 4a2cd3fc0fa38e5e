// View model of "Mijn meldingen": this device's reports, newest first, with
// where each stands in the closed vocabulary; new outcomes are marked once
// and the list asks again every few minutes while open.
import { describe, expect, it, vi } from "vitest";
import type { ReportOutcome } from "@safety-by-design/protocol";
import type { OutboxSnapshot, ReportStatus } from "../reporting/outbox.ts";
import type { ReportOutcomeEntry, ReportOutcomesSnapshot } from "../reporting/reportOutcomes.ts";
import { MyReportsViewModel, type MyReportsDependencies } from "./MyReportsViewModel.ts";

const A = "a".repeat(32);
const B = "b".repeat(32);
const C = "c".repeat(32);

const report = (
  reportId: string,
  createdAt: number,
  over: Partial<ReportStatus> = {},
): ReportStatus => ({
  reportId,
  createdAt,
  category: "harassment",
  target: { kind: "user", userId: "@mark:localhost" },
  state: "delivered",
  attempts: 1,
  partsDelivered: 1,
  partsTotal: 1,
  lastError: null,
  nextAttemptAt: null,
  deliveredAt: createdAt + 1,
  ...over,
});

const outcome = (reportId: string, over: Partial<ReportOutcome> = {}): ReportOutcome => ({
  version: 1,
  reportId,
  decision: "handled",
  forwardedTo: null,
  reason: null,
  decidedAt: 9,
  ...over,
});

function setUp(
  reports: ReportStatus[],
  entries: [string, ReportOutcomeEntry][],
  withReply: string[],
) {
  const outbox: OutboxSnapshot = { reports };
  let snapshot: ReportOutcomesSnapshot = {
    byReport: new Map(entries),
    withReply: new Set(withReply),
    unseen: entries.filter(([, e]) => !e.seen).length,
  };
  const listeners = new Set<() => void>();
  const timer = {
    setInterval: vi.fn<(callback: () => void, ms: number) => unknown>(() => 7),
    clearInterval: vi.fn(),
  };
  const outcomes = {
    getSnapshot: () => snapshot,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check: vi.fn(() => Promise.resolve()),
    markSeen: vi.fn(() => {
      snapshot = {
        ...snapshot,
        byReport: new Map([...snapshot.byReport].map(([id, e]) => [id, { ...e, seen: true }])),
        unseen: 0,
      };
      for (const listener of listeners) listener();
      return Promise.resolve();
    }),
  };
  const deps: MyReportsDependencies = {
    reports: { getSnapshot: () => outbox, subscribe: () => () => undefined },
    outcomes,
    rooms: {
      nameOf: (userId) =>
        userId === "@mark:localhost" ? { kind: "name", label: "Mark", userId } : undefined,
      titleOf: (roomId) =>
        roomId === "!dm:localhost" ? { kind: "name", text: "Klas 2b", flagged: false } : undefined,
      subscribe: () => () => undefined,
    },
    readerBand: () => "8-12",
    back: vi.fn(),
    timer,
  };
  return { vm: new MyReportsViewModel(deps), outcomes, timer, deps };
}

describe("Mijn meldingen", () => {
  it("lists every report newest first, about whom as this device shows them, with its status", () => {
    const { vm } = setUp(
      [
        report(A, 1, { state: "queued", deliveredAt: null }),
        report(B, 3, { target: { kind: "event", roomId: "!dm:localhost", eventId: "$e" } }),
        report(C, 2, { target: { kind: "user", userId: "@gone:localhost" }, category: "old-list" }),
      ],
      [],
      [B],
    );
    const { rows, audience } = vm.getSnapshot();
    expect(audience).toBe("child");
    expect(rows.map((r) => r.reportId)).toEqual([B, C, A]);
    expect(rows[0]).toMatchObject({
      about: { kind: "chat", title: { kind: "name", text: "Klas 2b" } },
      status: { kind: "sent", outcomeCanCome: true },
      category: "harassment",
    });
    expect(rows[1]).toMatchObject({
      about: { kind: "unknown" },
      status: { kind: "sent", outcomeCanCome: false },
      category: undefined,
    });
    expect(rows[2]).toMatchObject({
      about: { kind: "person", name: { label: "Mark" } },
      status: { kind: "waiting" },
    });
    vm.dispose();
  });

  it("shows each outcome in the closed vocabulary, marks new ones while open, and clears the dot", async () => {
    const { vm, outcomes } = setUp(
      [report(A, 1), report(B, 2), report(C, 3)],
      [
        [A, { outcome: outcome(A), receivedAt: 5, seen: true }],
        [
          B,
          {
            outcome: outcome(B, { decision: "forwarded", forwardedTo: "helpwanted" }),
            receivedAt: 5,
            seen: false,
          },
        ],
        [
          C,
          {
            outcome: outcome(C, { decision: "no-action", reason: "no-rule-broken" }),
            receivedAt: 5,
            seen: false,
          },
        ],
      ],
      [A, B, C],
    );
    await vm.start();
    expect(outcomes.check).toHaveBeenCalledTimes(1);
    expect(outcomes.markSeen).toHaveBeenCalledTimes(1);
    const byId = new Map(vm.getSnapshot().rows.map((r) => [r.reportId, r]));
    expect(byId.get(A)).toMatchObject({ status: { kind: "handled" }, isNew: false });
    expect(byId.get(B)).toMatchObject({
      status: { kind: "forwarded", to: "helpwanted" },
      isNew: true,
    });
    expect(byId.get(C)).toMatchObject({
      status: { kind: "no-action", reason: "no-rule-broken" },
      isNew: true,
    });
    vm.dispose();
  });

  it("asks again every few minutes while open, and stops when it closes", async () => {
    const { vm, outcomes, timer } = setUp([], [], []);
    expect(timer.setInterval).toHaveBeenCalledWith(expect.any(Function), 180_000);
    timer.setInterval.mock.calls[0]?.[0]();
    await Promise.resolve();
    expect(outcomes.check).toHaveBeenCalledTimes(1);
    vm.dispose();
    expect(timer.clearInterval).toHaveBeenCalledWith(7);
  });

  it("goes back", () => {
    const { vm, deps } = setUp([], [], []);
    vm.back();
    expect(deps.back).toHaveBeenCalled();
  });
});
