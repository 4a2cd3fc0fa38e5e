// Matrix layer: the MatrixClient of one session, with its stores and Rust
// crypto, not yet syncing (ChatSession.start starts it).

import { createClient, IndexedDBStore, MemoryStore, type MatrixClient } from "matrix-js-sdk";
import { IdleSavingIndexedDBStore } from "./idleSavingStore.ts";
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
  /**
   * Told when the start reaches a stage a person waits for: the encryption
   * keys (crypto WASM and key store), then the first sync (the loading screen).
   */
  readonly onStage?: (stage: "keys" | "sync") => void;
};

/** The stores of a user's session share this prefix; signing out deletes them. */
export function storePrefix(userId: string): string {
  return `sbd-${userId}`;
}

/** The SDK's look-up of call transports (MSC4143), which it makes on every start. */
const CALL_TRANSPORTS_PATH = "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports";

/**
 * This app has no calls, so the SDK's call-transport look-up is answered here
 * as a homeserver without them answers (404 M_NOT_FOUND, which the SDK keeps
 * for a day), not sent: a failed request in every sign-in's console otherwise.
 * The SDK has no option to leave it out.
 */
export function withoutCallTransports(fetchFn: typeof fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url, "http://relative.invalid").pathname.endsWith(CALL_TRANSPORTS_PATH)) {
      return Promise.resolve(
        new Response(JSON.stringify({ errcode: "M_NOT_FOUND", error: "No calls in this app" }), {
          status: 404,
          headers: { "content-type": "application/json" },
        }),
      );
    }
    return fetchFn(input, init);
  };
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
      ? new IdleSavingIndexedDBStore({
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
    fetchFn: withoutCallTransports(options.fetchFn ?? ((input, init) => fetch(input, init))),
  });
  if (options.storage === "indexeddb") {
    if (options.cryptoStorageKey === undefined)
      throw new Error("an IndexedDB crypto store needs a storage key");
    // Not waiting for the WASM first: the SDK's crypto code (a chunk of its
    // own) then loads while the WASM compiles, and the SDK's initialisation
    // waits for the same WASM instance itself.
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
