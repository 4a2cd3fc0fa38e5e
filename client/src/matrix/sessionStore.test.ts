import { describe, expect, it } from "vitest";
import {
  cryptoStorageKey,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
  type KeyValueStore,
} from "./sessionStore.ts";

function memoryStore(): KeyValueStore & { size: () => number } {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => map.set(k, v),
    removeItem: (k) => map.delete(k),
    size: () => map.size,
  };
}

const credentials = {
  homeserverUrl: "http://127.0.0.1:8008",
  userId: "@noor:localhost",
  deviceId: "D",
  accessToken: "t",
};

describe("session store", () => {
  it("remembers credentials and forgets them with the storage key", () => {
    const store = memoryStore();
    saveCredentials(store, credentials);
    cryptoStorageKey(store, credentials.userId, (n) => new Uint8Array(n).fill(7));
    expect(loadCredentials(store)).toEqual(credentials);
    forgetCredentials(store, credentials.userId);
    expect(loadCredentials(store)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it("treats a corrupt entry as signed out and removes it", () => {
    const store = memoryStore();
    store.setItem("sbd.session", "{not json");
    expect(loadCredentials(store)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it("keeps one stable 32-byte crypto storage key per user", () => {
    const store = memoryStore();
    let calls = 0;
    const random = (n: number): Uint8Array => {
      calls++;
      return Uint8Array.from({ length: n }, (_, i) => i);
    };
    const first = cryptoStorageKey(store, "@a:x", random);
    const again = cryptoStorageKey(store, "@a:x", random);
    expect(first).toHaveLength(32);
    expect(again).toEqual(first);
    expect(calls).toBe(1);
    cryptoStorageKey(store, "@b:x", random);
    expect(calls).toBe(2);
  });
});
