// Services layer, reporting: the browser's report store, on fake IndexedDB.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { createIndexedDbReportStore, reportOutboxDatabaseName } from "./indexedDbReportStore.ts";
import { ReportOutbox } from "./outbox.ts";
import type { OutboxRecord } from "./reportStore.ts";
import { DELIVERED, ManualTime, OFFLINE, scriptedTransport } from "./testKit.ts";

const record = (reportId: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord => ({
  reportId,
  createdAt: 1_700_000_000_000,
  category: "grooming",
  target: { kind: "user", userId: "@alex:localhost" },
  channel: "report-api",
  parts: [`sbd-report/1 ${reportId} 1/1 AAAA`],
  partsTotal: 1,
  partsDelivered: 0,
  state: "queued",
  attempts: 0,
  consecutiveFailures: 0,
  nextAttemptAt: 0,
  lastError: null,
  deliveredAt: null,
  ...overrides,
});

const ID_A = "a".repeat(32);
const ID_B = "b".repeat(32);

describe("the IndexedDB report store", () => {
  it("keeps records across a closed and reopened database (a page reload)", async () => {
    const indexedDB = new IDBFactory();
    const databaseName = reportOutboxDatabaseName("@noor:localhost");
    expect(databaseName).toBe("sbd-@noor:localhost-reports");

    const first = createIndexedDbReportStore({ indexedDB, databaseName });
    await first.put(record(ID_A));
    await first.put(
      record(ID_B, {
        state: "failed-permanently",
        lastError: { status: 404, errcode: "M_NOT_FOUND", message: "gone" },
      }),
    );
    await first.put(record(ID_A, { attempts: 2 }));
    first.close();

    const second = createIndexedDbReportStore({ indexedDB, databaseName });
    expect(await second.get(ID_A)).toEqual(record(ID_A, { attempts: 2 }));
    expect(await second.get("c".repeat(32))).toBeUndefined();
    expect((await second.list()).map((r) => r.reportId).sort()).toEqual([ID_A, ID_B]);
    second.close();
  });

  it("still reads a report stored under bundle version 1, whose category is no longer an id", async () => {
    // Its sealed parts are what is sent; dropping the record would lose the report.
    const indexedDB = new IDBFactory();
    const databaseName = reportOutboxDatabaseName("@noor:localhost");
    const first = createIndexedDbReportStore({ indexedDB, databaseName });
    await first.put(record(ID_A, { category: "sextortion-or-threats" }));
    first.close();
    const second = createIndexedDbReportStore({ indexedDB, databaseName });
    expect(await second.list()).toEqual([record(ID_A, { category: "sextortion-or-threats" })]);
    second.close();
  });

  it("keeps each user's reports apart", async () => {
    const indexedDB = new IDBFactory();
    const noor = createIndexedDbReportStore({
      indexedDB,
      databaseName: reportOutboxDatabaseName("@noor:localhost"),
    });
    const sam = createIndexedDbReportStore({
      indexedDB,
      databaseName: reportOutboxDatabaseName("@sam:localhost"),
    });
    await noor.put(record(ID_A));
    expect(await sam.list()).toEqual([]);
  });

  it("skips a stored record it cannot read, and says which", async () => {
    const indexedDB = new IDBFactory();
    const databaseName = "sbd-test-reports";
    const store = createIndexedDbReportStore({ indexedDB, databaseName });
    await store.put(record(ID_A));
    store.close();

    // Write junk beside it, as an older version or a hand edit might.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(databaseName, 1);
      open.onsuccess = () => {
        const tx = open.result.transaction("reports", "readwrite");
        tx.objectStore("reports").put({ reportId: ID_B, state: "exploded" });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => {
          reject(new Error("write failed"));
        };
      };
    });

    const unreadable: string[] = [];
    const reopened = createIndexedDbReportStore({
      indexedDB,
      databaseName,
      onUnreadableRecord: (key) => unreadable.push(key),
    });
    expect((await reopened.list()).map((r) => r.reportId)).toEqual([ID_A]);
    expect(await reopened.get(ID_B)).toBeUndefined();
    expect(unreadable).toEqual([ID_B, ID_B]);
  });

  it("lets an outbox resume after a reload: offline in one session, delivered in the next", async () => {
    const indexedDB = new IDBFactory();
    const databaseName = reportOutboxDatabaseName("@noor:localhost");
    const time = new ManualTime();
    const common = { clock: time, timer: time, random: () => 0.5 };
    const report = {
      reportId: ID_A,
      createdAt: time.now(),
      category: "sextortion" as const,
      target: { kind: "event" as const, roomId: "!dm:localhost", eventId: "$e" },
      parts: [`sbd-report/1 ${ID_A} 1/1 AAAA`],
    };

    const firstStore = createIndexedDbReportStore({ indexedDB, databaseName });
    const offline = scriptedTransport([OFFLINE]);
    const before = await ReportOutbox.start({ store: firstStore, transport: offline, ...common });
    await before.enqueue(report);
    await before.whenIdle();
    before.stop();
    firstStore.close();
    expect(offline.calls).toHaveLength(1);

    const secondStore = createIndexedDbReportStore({ indexedDB, databaseName });
    const online = scriptedTransport([DELIVERED]);
    const after = await ReportOutbox.start({ store: secondStore, transport: online, ...common });
    expect(after.getSnapshot().reports[0]).toMatchObject({ state: "queued", attempts: 1 });
    time.advance(time.pending()[0] ?? 0);
    await after.whenIdle();
    expect(online.calls).toHaveLength(1);
    expect(await secondStore.get(ID_A)).toMatchObject({ state: "delivered", parts: [] });
  });
});
