// The one-object-store helper the report outbox, the replies and the media
// outbox share: a write resolves once committed, the store is made on first
// open, a closed connection opens again, and another tab's upgrade is not
// blocked by an open connection.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { openIndexedDbStore } from "./indexedDbStore.ts";

const options = (factory: IDBFactory) => ({
  factory,
  databaseName: "sbd-@noor:hs-test",
  version: 1,
  storeName: "things",
  keyPath: "id",
  what: "the test store",
});

describe("openIndexedDbStore", () => {
  it("creates its store on first use and reads back what a committed write stored", async () => {
    const factory = new IDBFactory();
    const store = openIndexedDbStore({ ...options(factory), durability: "strict" });
    await store.run("readwrite", (s) => s.put({ id: "a", n: 1 }));
    await store.run("readwrite", (s) => s.put({ id: "b", n: 2 }));
    expect(await store.run("readonly", (s) => s.get("a"))).toEqual({ id: "a", n: 1 });
    expect(await store.run("readonly", (s) => s.getAll())).toHaveLength(2);
    store.close();
    // Closed, then used again: it opens again, and the records are still there.
    expect(await store.run("readonly", (s) => s.count())).toBe(2);
    // Another connection to the same database sees them too (they were committed).
    const other = openIndexedDbStore(options(factory));
    expect(await other.run("readonly", (s) => s.get("b"))).toEqual({ id: "b", n: 2 });
    store.close();
    other.close();
  });

  it("rejects a write that fails, and stores nothing of it", async () => {
    const store = openIndexedDbStore(options(new IDBFactory()));
    await expect(store.run("readwrite", (s) => s.add({ id: "x", n: 1 }))).resolves.toBe("x");
    // A second add of the same key fails, and with it the transaction.
    await expect(store.run("readwrite", (s) => s.add({ id: "x", n: 2 }))).rejects.toThrow();
    expect(await store.run("readonly", (s) => s.get("x"))).toEqual({ id: "x", n: 1 });
    store.close();
  });

  it("closes for another tab's upgrade, which it does not block", async () => {
    const factory = new IDBFactory();
    const store = openIndexedDbStore(options(factory));
    await store.run("readwrite", (s) => s.put({ id: "a" }));
    // Another tab opens a newer version: it is not blocked by our connection.
    await new Promise<void>((resolve, reject) => {
      const request = factory.open("sbd-@noor:hs-test", 2);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => {
        reject(request.error ?? new Error("upgrade failed"));
      };
      request.onblocked = () => {
        reject(new Error("blocked by the open store"));
      };
    });
    // Ours opened at version 1, now older: opening again says so.
    await expect(store.run("readonly", (s) => s.count())).rejects.toMatchObject({
      name: "VersionError",
    });
  });
});
