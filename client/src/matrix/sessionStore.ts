// Matrix layer: where a signed-in session is remembered between page loads.
// The credentials and the per-user key that encrypts the crypto store live in
// a key-value store (localStorage in the browser, a Map in tests).

import type { SessionCredentials } from "./signIn.ts";

export type KeyValueStore = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

const SESSION_KEY = "sbd.session";
const storageKeyName = (userId: string): string => `sbd.storageKey.${userId}`;

export function loadCredentials(store: KeyValueStore): SessionCredentials | undefined {
  const raw = store.getItem(SESSION_KEY);
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<SessionCredentials>;
    if (
      typeof parsed.homeserverUrl === "string" &&
      typeof parsed.userId === "string" &&
      typeof parsed.deviceId === "string" &&
      typeof parsed.accessToken === "string"
    ) {
      return {
        homeserverUrl: parsed.homeserverUrl,
        userId: parsed.userId,
        deviceId: parsed.deviceId,
        accessToken: parsed.accessToken,
      };
    }
  } catch {
    // A corrupt entry is treated as signed out; it is removed below.
  }
  store.removeItem(SESSION_KEY);
  return undefined;
}

export function saveCredentials(store: KeyValueStore, credentials: SessionCredentials): void {
  store.setItem(SESSION_KEY, JSON.stringify(credentials));
}

export function forgetCredentials(store: KeyValueStore, userId: string): void {
  store.removeItem(SESSION_KEY);
  store.removeItem(storageKeyName(userId));
}

/**
 * The 32-byte key that encrypts this user's Rust crypto store in IndexedDB.
 * Stable per user on this browser, so the store opens again after a reload.
 */
export function cryptoStorageKey(
  store: KeyValueStore,
  userId: string,
  random: (n: number) => Uint8Array,
): Uint8Array {
  const name = storageKeyName(userId);
  const existing = store.getItem(name);
  if (existing !== null && /^[0-9a-f]{64}$/.test(existing)) return hexToBytes(existing);
  const fresh = random(32);
  store.setItem(name, bytesToHex(fresh));
  return fresh;
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
