// Services layer, reporting: the browser's report store. One IndexedDB database
// per user, so reports survive reloads, crashes and sign-outs on this
// browser until they are delivered. Writes ask for strict durability: a
// report is confirmed to the reporter only after it is on disk.

import { parseOutboxRecord, type OutboxRecord, type ReportStore } from "./reportStore.ts";

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
  const factory = options.indexedDB ?? globalThis.indexedDB;
  let database: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(options.databaseName, VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) {
          request.result.createObjectStore(STORE, { keyPath: "reportId" });
        }
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the database must not be blocked by us: close,
        // and open again on the next call.
        db.onversionchange = () => {
          db.close();
          database = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        database = undefined;
        reject(request.error ?? new Error("could not open the report store"));
      };
    });
    return database;
  };

  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode, { durability: "strict" });
      const request = work(transaction.objectStore(STORE));
      // Resolve on commit, not on the request's success: only then is it stored.
      transaction.oncomplete = () => {
        resolve(request.result);
      };
      transaction.onerror = () => {
        reject(transaction.error ?? new Error("report store transaction failed"));
      };
      transaction.onabort = () => {
        reject(transaction.error ?? new Error("report store transaction aborted"));
      };
    });
  };

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
    close() {
      void database?.then(
        (db) => {
          db.close();
        },
        () => undefined,
      );
      database = undefined;
    },
  };
}

function keyOf(value: unknown): string {
  if (typeof value === "object" && value !== null) {
    const id = (value as Record<string, unknown>)["reportId"];
    if (typeof id === "string") return id;
  }
  return "(unknown)";
}
