// Services layer, reporting: the outbox stores first, retries, resumes, never sends twice.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createReportBundle,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  prepareReport,
  readReportReasons,
  type ModerationKeyPair,
  type PreparedReport,
} from "@safety-by-design/protocol";
import {
  defaultLock,
  ReportOutbox,
  type OutboxSnapshot,
  type ReportOutboxOptions,
} from "./outbox.ts";
import { createMemoryReportStore, type OutboxRecord, type ReportStore } from "./reportStore.ts";
import {
  DELIVERED,
  fixedEnvironment,
  ManualTime,
  messageReport,
  NOT_FOUND,
  OFFLINE,
  scriptedTransport,
  SERVER_DOWN,
} from "./testKit.ts";
import type { DeliveryResult, ReportTransport } from "./transport.ts";

let serial = 0;

/** A prepared report without cryptography, for tests of the queue alone. */
function fakeReport(parts = 1): PreparedReport {
  serial++;
  const reportId = serial.toString(16).padStart(32, "0");
  return {
    reportId,
    createdAt: 1_700_000_000_000 + serial,
    category: "harassment",
    target: { kind: "event", roomId: "!dm:localhost", eventId: `$event${serial}` },
    parts: Array.from(
      { length: parts },
      (_, i) => `sbd-report/1 ${reportId} ${i + 1}/${parts} P${i + 1}`,
    ),
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A store whose writes can be held back or made to fail. */
function controllableStore(inner: ReportStore = createMemoryReportStore()) {
  let gate: Promise<void> | undefined;
  let failWhen: ((record: OutboxRecord) => boolean) | undefined;
  const store: ReportStore = {
    get: (id) => inner.get(id),
    list: () => inner.list(),
    put: async (record) => {
      if (gate !== undefined) await gate;
      if (failWhen?.(record) === true) throw new Error("disk full");
      await inner.put(record);
    },
  };
  return {
    store,
    hold: () => {
      const d = deferred<undefined>();
      gate = d.promise;
      return () => {
        gate = undefined;
        d.resolve(undefined);
      };
    },
    failWhen: (predicate: ((record: OutboxRecord) => boolean) | undefined) => {
      failWhen = predicate;
    },
  };
}

function options(
  store: ReportStore,
  transport: ReportTransport,
  time: ManualTime,
  extra: Partial<ReportOutboxOptions> = {},
): ReportOutboxOptions {
  return {
    store,
    transport,
    clock: time,
    timer: time,
    random: () => 0.5,
    lock: (_name, work) => work(),
    ...extra,
  };
}

const stateOf = (outbox: ReportOutbox, reportId: string) =>
  outbox.getSnapshot().reports.find((r) => r.reportId === reportId);

describe("the report outbox", () => {
  it("stores a report before enqueue resolves, and sends nothing before that", async () => {
    const time = new ManualTime();
    const control = controllableStore();
    const transport = scriptedTransport([DELIVERED]);
    const outbox = await ReportOutbox.start(options(control.store, transport, time));
    const report = fakeReport();

    const release = control.hold();
    let resolved = false;
    const enqueued = outbox.enqueue(report).then((status) => {
      resolved = true;
      return status;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect(transport.calls).toHaveLength(0);
    expect(await control.store.get(report.reportId)).toBeUndefined();

    release();
    const status = await enqueued;
    expect(status.state).toBe("queued");
    expect(await control.store.get(report.reportId)).toMatchObject({ reportId: report.reportId });
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)?.state).toBe("delivered");
    expect(transport.calls).toHaveLength(1);
  });

  it("rejects enqueue when the report cannot be stored, and sends nothing", async () => {
    const time = new ManualTime();
    const control = controllableStore();
    control.failWhen(() => true);
    const transport = scriptedTransport([DELIVERED]);
    const outbox = await ReportOutbox.start(options(control.store, transport, time));
    await expect(outbox.enqueue(fakeReport())).rejects.toThrow("disk full");
    await outbox.whenIdle();
    expect(transport.calls).toHaveLength(0);
    expect(outbox.getSnapshot().reports).toEqual([]);
  });

  it("shows queued, sending and delivered to a subscriber, with immutable snapshots", async () => {
    const time = new ManualTime();
    const outbox = await ReportOutbox.start(
      options(createMemoryReportStore(), scriptedTransport([DELIVERED]), time),
    );
    const seen: OutboxSnapshot[] = [];
    outbox.subscribe(() => seen.push(outbox.getSnapshot()));
    const report = fakeReport();
    await outbox.enqueue(report);
    await outbox.whenIdle();
    expect(seen.map((s) => s.reports[0]?.state)).toEqual(["queued", "sending", "delivered"]);
    expect(seen[0]).not.toBe(seen[1]);
    expect(outbox.getSnapshot()).toBe(outbox.getSnapshot());
    expect(outbox.getSnapshot().reports[0]).toEqual({
      reportId: report.reportId,
      createdAt: report.createdAt,
      category: "harassment",
      target: report.target,
      state: "delivered",
      attempts: 1,
      partsDelivered: 1,
      partsTotal: 1,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: time.now(),
    });
  });

  it("retries with exponential backoff (jittered, capped) until the homeserver is back", async () => {
    const time = new ManualTime();
    const failures = 9;
    const transport = scriptedTransport([
      ...Array.from({ length: failures }, (_, i) => (i % 2 === 0 ? OFFLINE : SERVER_DOWN)),
      DELIVERED,
    ]);
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const report = fakeReport();
    await outbox.enqueue(report);
    await outbox.whenIdle();

    const waits: number[] = [];
    for (let i = 0; i < failures; i++) {
      const status = stateOf(outbox, report.reportId);
      expect(status?.state).toBe("queued");
      expect(status?.attempts).toBe(i + 1);
      expect(status?.lastError?.status).toBe(i % 2 === 0 ? null : 502);
      const [wait] = time.pending();
      waits.push(wait ?? -1);
      time.advance(wait ?? 0);
      await outbox.whenIdle();
    }
    // random() = 0.5: three quarters of min(120 s, 1 s * 2^(n-1)).
    expect(waits).toEqual([750, 1500, 3000, 6000, 12_000, 24_000, 48_000, 90_000, 90_000]);
    expect(stateOf(outbox, report.reportId)).toMatchObject({
      state: "delivered",
      attempts: failures + 1,
      lastError: null,
    });
    expect(transport.calls).toHaveLength(failures + 1);
    expect(time.pending()).toEqual([]);
  });

  it("keeps the jitter between half and all of the backoff", async () => {
    for (const [random, expected] of [
      [0, 500],
      [0.999, 1000],
    ] as const) {
      const time = new ManualTime();
      const outbox = await ReportOutbox.start(
        options(createMemoryReportStore(), scriptedTransport([OFFLINE]), time, {
          random: () => random,
        }),
      );
      await outbox.enqueue(fakeReport());
      await outbox.whenIdle();
      expect(time.pending()).toEqual([expected]);
      outbox.stop();
    }
  });

  it("waits as long as a 429 says before trying again", async () => {
    const time = new ManualTime();
    const limited: DeliveryResult = {
      kind: "retryable",
      problem: { status: 429, errcode: "M_LIMIT_EXCEEDED", message: "Too Many Requests" },
      retryAfterMs: 5_000,
    };
    const transport = scriptedTransport([limited, DELIVERED]);
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const report = fakeReport();
    await outbox.enqueue(report);
    await outbox.whenIdle();
    expect(time.pending()).toEqual([5_000]);
    expect(stateOf(outbox, report.reportId)?.nextAttemptAt).toBe(time.now() + 5_000);
    time.advance(4_999);
    await outbox.whenIdle();
    expect(transport.calls).toHaveLength(1);
    time.advance(1);
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)?.state).toBe("delivered");
  });

  it("stops on a permanent failure, and tries again only when asked", async () => {
    const time = new ManualTime();
    const transport = scriptedTransport([NOT_FOUND, DELIVERED]);
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const report = fakeReport();
    await outbox.enqueue(report);
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)).toMatchObject({
      state: "failed-permanently",
      attempts: 1,
      lastError: { status: 404, errcode: "M_NOT_FOUND" },
      nextAttemptAt: null,
    });
    expect(time.pending()).toEqual([]);
    time.advance(24 * 3_600_000);
    await outbox.wake();
    await outbox.whenIdle();
    expect(transport.calls).toHaveLength(1);

    await outbox.retry(report.reportId);
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)?.state).toBe("delivered");
    expect(transport.calls).toHaveLength(2);
  });

  it("never sends a delivered report again: not on enqueue, wake, or a new outbox", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    const transport = scriptedTransport([DELIVERED]);
    const outbox = await ReportOutbox.start(options(store, transport, time));
    const report = fakeReport();
    await outbox.enqueue(report);
    await outbox.whenIdle();
    expect(transport.calls).toHaveLength(1);

    expect((await outbox.enqueue(report)).state).toBe("delivered");
    await outbox.wake();
    await outbox.whenIdle();
    outbox.stop();

    const reloaded = await ReportOutbox.start(options(store, transport, time));
    expect((await reloaded.enqueue(report)).state).toBe("delivered");
    await reloaded.whenIdle();
    time.advance(3_600_000);
    await reloaded.whenIdle();
    expect(transport.calls).toHaveLength(1);
    // Once delivered, the sealed parts are no longer kept on the device.
    expect((await store.get(report.reportId))?.parts).toEqual([]);
  });

  it("resumes every pending report after a reload (a new outbox on the same store)", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    const offline = scriptedTransport([OFFLINE]);
    const before = await ReportOutbox.start(options(store, offline, time));
    const first = fakeReport();
    const second = fakeReport();
    await before.enqueue(first);
    await before.enqueue(second);
    await before.whenIdle();
    before.stop();
    expect(offline.calls.length).toBeGreaterThanOrEqual(2);

    const online = scriptedTransport([DELIVERED]);
    const after = await ReportOutbox.start(options(store, online, time));
    expect(after.getSnapshot().reports.map((r) => r.attempts)).toEqual([1, 1]);
    // Backoff survives the reload: the next attempt waits for its time.
    await after.whenIdle();
    expect(online.calls).toHaveLength(0);
    await after.wake();
    await after.whenIdle();
    expect(online.calls.map((c) => c.reason)).toEqual([first.parts[0], second.parts[0]]);
    expect(after.getSnapshot().reports.map((r) => r.state)).toEqual(["delivered", "delivered"]);
  });

  it("resumes a report that was being sent when the page died", async () => {
    const time = new ManualTime();
    const store = createMemoryReportStore();
    const report = fakeReport();
    const interrupted: OutboxRecord = {
      reportId: report.reportId,
      createdAt: report.createdAt,
      category: report.category,
      target: report.target,
      channel: "report-api",
      parts: report.parts,
      partsTotal: 1,
      partsDelivered: 0,
      state: "sending",
      attempts: 3,
      consecutiveFailures: 2,
      nextAttemptAt: 0,
      lastError: null,
      deliveredAt: null,
    };
    await store.put(interrupted);
    const transport = scriptedTransport([DELIVERED]);
    const outbox = await ReportOutbox.start(options(store, transport, time));
    await outbox.whenIdle();
    expect(transport.calls).toHaveLength(1);
    expect(stateOf(outbox, report.reportId)).toMatchObject({ state: "delivered", attempts: 4 });
  });

  it("continues a report in parts after the last part the server took", async () => {
    const time = new ManualTime();
    const transport = scriptedTransport([DELIVERED, OFFLINE, DELIVERED]);
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const report = fakeReport(3);
    await outbox.enqueue(report);
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)).toMatchObject({ state: "queued", partsDelivered: 1 });
    time.advance(time.pending()[0] ?? 0);
    await outbox.whenIdle();
    expect(transport.calls.map((c) => c.reason.slice(-2))).toEqual(["P1", "P2", "P2", "P3"]);
    expect(stateOf(outbox, report.reportId)).toMatchObject({
      state: "delivered",
      partsDelivered: 3,
    });
  });

  it("does not let one failing report hold back the others", async () => {
    const time = new ManualTime();
    const stuck = fakeReport();
    const transport = scriptedTransport((call) =>
      call.reason === stuck.parts[0] ? SERVER_DOWN : DELIVERED,
    );
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const other = fakeReport();
    await outbox.enqueue(stuck);
    await outbox.enqueue(other);
    await outbox.whenIdle();
    expect(stateOf(outbox, stuck.reportId)?.state).toBe("queued");
    expect(stateOf(outbox, other.reportId)?.state).toBe("delivered");
  });

  it("tries at once when woken (back online), instead of waiting out the backoff", async () => {
    const time = new ManualTime();
    const transport = scriptedTransport([OFFLINE, OFFLINE, OFFLINE, OFFLINE, DELIVERED]);
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const report = fakeReport();
    await outbox.enqueue(report);
    for (let i = 0; i < 3; i++) {
      await outbox.whenIdle();
      time.advance(time.pending()[0] ?? 0);
    }
    await outbox.whenIdle();
    expect(time.pending()).toEqual([6_000]);
    await outbox.wake();
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)?.state).toBe("delivered");
  });

  it("treats a transport that throws as a retryable failure", async () => {
    const time = new ManualTime();
    const transport: ReportTransport = {
      reportEvent: () => Promise.reject(new Error("boom")),
      reportUser: () => Promise.reject(new Error("boom")),
    };
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    const report = fakeReport();
    await outbox.enqueue(report);
    await outbox.whenIdle();
    expect(stateOf(outbox, report.reportId)).toMatchObject({
      state: "queued",
      lastError: { status: null, errcode: null, message: "boom" },
    });
  });

  it("sends no more after stop", async () => {
    const time = new ManualTime();
    const transport = scriptedTransport([OFFLINE]);
    const outbox = await ReportOutbox.start(options(createMemoryReportStore(), transport, time));
    await outbox.enqueue(fakeReport());
    await outbox.whenIdle();
    outbox.stop();
    expect(time.pending()).toEqual([]);
    time.advance(3_600_000);
    expect(transport.calls).toHaveLength(1);
  });

  it("lets only one of two tabs send a report they both know (Web Locks)", async () => {
    expect((globalThis as { navigator?: { locks?: unknown } }).navigator?.locks).toBeDefined();
    const time = new ManualTime();
    const store = createMemoryReportStore();
    const answer = deferred<DeliveryResult>();
    let calls = 0;
    const slow: ReportTransport = {
      reportEvent: () => {
        calls++;
        return calls === 1 ? answer.promise : Promise.resolve(DELIVERED);
      },
      reportUser: () => Promise.resolve(DELIVERED),
    };
    const lock = defaultLock();
    const tabA = await ReportOutbox.start(options(store, slow, time, { lock }));
    const report = fakeReport();
    await tabA.enqueue(report);
    // Tab A is now sending (and holds the lock); tab B opens and finds the report.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const tabB = await ReportOutbox.start(options(store, slow, time, { lock }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    answer.resolve(DELIVERED);
    await tabA.whenIdle();
    await tabB.whenIdle();
    expect(calls).toBe(1);
    expect(stateOf(tabB, report.reportId)?.state).toBe("delivered");
  });
});

describe("exactly once, end to end with sealed reports", () => {
  let team: ModerationKeyPair;

  beforeAll(async () => {
    team = await generateModerationKeyPair();
  });

  it("after a crash between the server's acknowledgement and the record, the moderator still sees one report", async () => {
    const bundle = createReportBundle(messageReport(), fixedEnvironment());
    if (!bundle.ok) throw new Error("fixture");
    const prepared = await prepareReport(bundle.bundle, {
      moderationPublicKey: team.publicKey,
      signingKey: await generateReporterSigningKeyPair(),
    });
    if (!prepared.ok) throw new Error("fixture");

    const time = new ManualTime();
    const inner = createMemoryReportStore();
    const control = controllableStore(inner);
    const server = scriptedTransport([DELIVERED]);
    const warnings: string[] = [];
    // The write that would record the delivery never reaches the disk (the tab dies).
    control.failWhen((record) => record.state === "delivered");
    const crashed = await ReportOutbox.start(
      options(control.store, server, time, { logger: { warn: (m) => warnings.push(m) } }),
    );
    await crashed.enqueue(prepared.report);
    await crashed.whenIdle();
    expect(warnings).toHaveLength(1);
    // This session knows it was delivered and does not send it again...
    expect(stateOf(crashed, prepared.report.reportId)?.state).toBe("delivered");
    await crashed.wake();
    await crashed.whenIdle();
    expect(server.calls).toHaveLength(1);
    crashed.stop();

    // ...but the next session only has the stored "sending", and sends once more.
    control.failWhen(undefined);
    const next = await ReportOutbox.start(options(control.store, server, time));
    await next.whenIdle();
    expect(server.calls).toHaveLength(2);
    expect(server.calls[0]?.reason).toBe(server.calls[1]?.reason);

    const inbox = await readReportReasons(
      server.calls.map((c) => c.reason),
      team,
    );
    expect(inbox.reports).toHaveLength(1);
    expect(inbox.reports[0]?.opened).toMatchObject({ ok: true, bundle: bundle.bundle });
  });
});
