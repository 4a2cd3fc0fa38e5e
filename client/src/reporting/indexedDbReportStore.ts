// Services layer, reporting: the browser's report store. One IndexedDB database
// per user, so reports survive reloads, crashes and sign-outs on this
// browser until they are delivered. Writes ask for strict durability: a
// report is confirmed to the reporter only after it is on disk.

import { parseOutboxRecord, type OutboxRecord, type ReportStore } from "./reportStore.ts";
import { openIndexedDbStore } from "../storage/indexedDbStore.ts";

const STORE = "reports";
const VERSION = 1;

/** Beside the SDK's own `sbd-<userId>-sync` and `-crypto` databases. */
export function reportOutboxDatabaseName(userId: string): string {
  return `sbd-${userId}-reports`;
}

export type IndexedDbReportStoreOptions = {
  readonly databaseName: string;
  /** The browser's `indexedDB` by default; tests pass fake-indexeddb's. */
  readonly indexedDB?: IDBFactory;
  /** Told about stored records that cannot be read (they are skipped, not deleted). */
  readonly onUnreadableRecord?: (key: string) => void;
};

export type IndexedDbReportStore = ReportStore & { close(): void };

export function createIndexedDbReportStore(
  options: IndexedDbReportStoreOptions,
): IndexedDbReportStore {
  const { run, close } = openIndexedDbStore({
    factory: options.indexedDB ?? globalThis.indexedDB,
    databaseName: options.databaseName,
    version: VERSION,
    storeName: STORE,
    keyPath: "reportId",
    durability: "strict",
    what: "the report store",
  });

  return {
    async get(reportId) {
      const value: unknown = await run("readonly", (store) => store.get(reportId));
      if (value === undefined) return undefined;
      const record = parseOutboxRecord(value);
      if (record === undefined) options.onUnreadableRecord?.(reportId);
      return record;
    },
    async put(record: OutboxRecord) {
      await run("readwrite", (store) => store.put(record));
    },
    async list() {
      const values: unknown[] = await run("readonly", (store) => store.getAll());
      const records: OutboxRecord[] = [];
      for (const value of values) {
        const record = parseOutboxRecord(value);
        if (record !== undefined) records.push(record);
        else options.onUnreadableRecord?.(keyOf(value));
      }
      return records;
    },
    close,
  };
}

function keyOf(value: unknown): string {
  if (typeof value === "object" && value !== null) {
    const id = (value as Record<string, unknown>)["reportId"];
    if (typeof id === "string") return id;
  }
  return "(unknown)";
}
