// Matrix layer: the MatrixClient of one session, with its stores and Rust
// crypto, not yet syncing (ChatSession.start starts it).

import { createClient, IndexedDBStore, MemoryStore, type MatrixClient } from "matrix-js-sdk";
import * as keyBackup from "./keyBackup.ts";
import type { SdkLogLevel } from "./sdkLogging.ts";
import type { SessionCredentials } from "./signIn.ts";

export type ChatSessionOptions = {
  /** "indexeddb" in the browser; "memory" for Node tests. */
  readonly storage: "indexeddb" | "memory";
  /** 32 bytes that encrypt the crypto store; required with "indexeddb". */
  readonly cryptoStorageKey?: Uint8Array;
  /** How much the SDK may log (default "warn": its debug output is very chatty). */
  readonly sdkLogLevel?: SdkLogLevel;
  /**
   * Test seam: the fetch every request of this session goes through (the
   * SDK's and the crypto's). Integration tests cut a device's network with it
   * (client/test/integration/reconnect.test.ts); the app leaves it unset.
   */
  readonly fetchFn?: typeof fetch;
};

/** The stores of a user's session share this prefix; signing out deletes them. */
export function storePrefix(userId: string): string {
  return `sbd-${userId}`;
}

export async function createSessionClient(
  credentials: SessionCredentials,
  options: ChatSessionOptions,
): Promise<MatrixClient> {
  const dbPrefix = storePrefix(credentials.userId);
  // In the browser the crypto WASM loads while the sync store opens (main.tsx
  // starts it earlier still, with the session: cryptoWasm.ts).
  const cryptoWasm =
    options.storage === "indexeddb"
      ? import("./cryptoWasm.ts").then((module) => module.preloadCryptoWasm())
      : undefined;
  cryptoWasm?.catch(() => undefined);
  const store =
    options.storage === "indexeddb"
      ? new IndexedDBStore({
          indexedDB: globalThis.indexedDB,
          dbName: `${dbPrefix}-sync`,
          localStorage: globalThis.localStorage,
        })
      : new MemoryStore();
  if (store instanceof IndexedDBStore) await store.startup();
  const client = createClient({
    baseUrl: credentials.homeserverUrl,
    userId: credentials.userId,
    deviceId: credentials.deviceId,
    accessToken: credentials.accessToken,
    store,
    // Keeps the timeline from before a limited sync, so its gap can be filled (roomTimeline.ts).
    timelineSupport: true,
    // Key backup (keyBackup.ts) hands the SDK the secret-storage key through these.
    cryptoCallbacks: keyBackup.createSecretStorageCallbacks(),
    ...(options.fetchFn === undefined ? {} : { fetchFn: options.fetchFn }),
  });
  if (options.storage === "indexeddb") {
    if (options.cryptoStorageKey === undefined)
      throw new Error("an IndexedDB crypto store needs a storage key");
    await cryptoWasm;
    await client.initRustCrypto({
      useIndexedDB: true,
      cryptoDatabasePrefix: `${dbPrefix}-crypto`,
      storageKey: options.cryptoStorageKey,
    });
  } else {
    await client.initRustCrypto({ useIndexedDB: false });
  }
  return client;
}
