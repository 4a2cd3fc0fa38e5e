// Services layer, storage: one object store in one IndexedDB database,
// opened on first use and closed on request. The report outbox, the replies
// to reports and the media outbox each keep their records so; what they
// store, and how they read it back, stays theirs.

export type IndexedDbStoreOptions = {
  /** The browser's `indexedDB`; tests pass fake-indexeddb's. */
  readonly factory: IDBFactory;
  readonly databaseName: string;
  readonly version: number;
  /** The one object store, created on the first open, keyed by `keyPath`. */
  readonly storeName: string;
  readonly keyPath: string;
  /**
   * "strict": a write resolves only once it is on disk (a report is confirmed
   * to the reporter only then). Undefined: the browser's default.
   */
  readonly durability?: "strict" | undefined;
  /** For error messages: "the report store" gives "could not open the report store". */
  readonly what: string;
};

export type IndexedDbStore = {
  /** One transaction on the store; resolves with the request's result once it committed. */
  readonly run: <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>,
  ) => Promise<T>;
  /** Closes the connection; the next run opens it again. */
  readonly close: () => void;
};

export function openIndexedDbStore(options: IndexedDbStoreOptions): IndexedDbStore {
  const { factory, databaseName, version, storeName, keyPath, what } = options;
  let database: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(databaseName, version);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(storeName)) {
          request.result.createObjectStore(storeName, { keyPath });
        }
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading or deleting the database must not be blocked
        // by us: close, and open again on the next call.
        db.onversionchange = () => {
          db.close();
          database = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        database = undefined;
        reject(request.error ?? new Error(`could not open ${what}`));
      };
    });
    return database;
  };

  return {
    run: async <T>(
      mode: IDBTransactionMode,
      work: (store: IDBObjectStore) => IDBRequest<T>,
    ): Promise<T> => {
      const db = await open();
      return new Promise<T>((resolve, reject) => {
        const transaction =
          options.durability === undefined
            ? db.transaction(storeName, mode)
            : db.transaction(storeName, mode, { durability: options.durability });
        const request = work(transaction.objectStore(storeName));
        // Resolve on commit, not on the request's success: only then is it stored.
        transaction.oncomplete = () => {
          resolve(request.result);
        };
        transaction.onerror = () => {
          reject(transaction.error ?? new Error(`${what}: transaction failed`));
        };
        transaction.onabort = () => {
          reject(transaction.error ?? new Error(`${what}: transaction aborted`));
        };
      });
    },
    close: () => {
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
