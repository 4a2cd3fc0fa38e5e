// Services layer, reporting: what a moderator keeps on their own device. The
// team's secret key is never part of the client build (the tooling writes it
// to .local/moderation/<instance>/moderation-key.json); the moderator imports
// it here, by pasting that file or just its secret key. It is stored per
// Matrix user ID, so another account on the same browser never sees it, and
// can be forgotten with one action.
//
// Also kept here: which reports this moderator marked handled. Handled is a
// note on the moderator's device, not a deletion on the server: Synapse's
// DELETE /_synapse/admin/v1/event_reports/{id} would destroy the only copy of
// the sealed evidence (the report record is where it lives), and a report of
// several parts is several records. See docs/measures/reporting.md.
//
// Storage is the browser's localStorage (injected as a small interface). Any
// script running on this origin could read it, like every other way a web
// app can keep a key; the key is only as safe as the device and the app.

import {
  keyToText,
  moderationKeyPairFromSecretText,
  moderationKeyPairFromText,
  moderationPublicKeyFromText,
  type ModerationKeyPair,
} from "@safety-by-design/protocol";

export type KeyValueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

/** The key file the demo tooling writes (tools/lib/deployment.ts), base64url. */
export type ModerationKeyText = { readonly publicKey: string; readonly secretKey: string };

export type ModeratorKeyProblem =
  /** Nothing was pasted. */
  | "empty"
  /** Neither the key file's JSON nor a 32-byte base64url secret key. */
  | "unreadable"
  /** A public and a secret key that do not belong together. */
  | "mismatched-pair";

export type ParsedModeratorKey =
  | { readonly ok: true; readonly text: ModerationKeyText; readonly keyPair: ModerationKeyPair }
  | { readonly ok: false; readonly problem: ModeratorKeyProblem };

/** Longest paste worth reading: a key file is about 120 characters. */
const MAX_INPUT_LENGTH = 10_000;

/**
 * Reads what a moderator pasted: the key file's JSON (`{ publicKey, secretKey }`,
 * other fields ignored) or the secret key alone, whose public half is derived.
 */
export async function parseModeratorKeyInput(input: string): Promise<ParsedModeratorKey> {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, problem: "empty" };
  if (trimmed.length > MAX_INPUT_LENGTH) return { ok: false, problem: "unreadable" };

  if (trimmed.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return { ok: false, problem: "unreadable" };
    }
    if (typeof value !== "object" || value === null) return { ok: false, problem: "unreadable" };
    const { publicKey, secretKey } = value as Record<string, unknown>;
    if (typeof secretKey !== "string") return { ok: false, problem: "unreadable" };
    const fromSecret = await pairFromSecret(secretKey);
    if (fromSecret === undefined) return { ok: false, problem: "unreadable" };
    if (publicKey === undefined) return fromSecret;
    if (typeof publicKey !== "string") return { ok: false, problem: "unreadable" };
    const pair = await moderationKeyPairFromText({ publicKey, secretKey });
    if (pair === undefined) {
      return (await moderationPublicKeyFromText(publicKey)) === undefined
        ? { ok: false, problem: "unreadable" }
        : { ok: false, problem: "mismatched-pair" };
    }
    return fromSecret;
  }
  return (await pairFromSecret(trimmed)) ?? { ok: false, problem: "unreadable" };
}

async function pairFromSecret(secretText: string): Promise<ParsedModeratorKey | undefined> {
  const keyPair = await moderationKeyPairFromSecretText(secretText);
  if (keyPair === undefined) return undefined;
  return {
    ok: true,
    text: {
      publicKey: await keyToText(keyPair.publicKey),
      secretKey: await keyToText(keyPair.secretKey),
    },
    keyPair,
  };
}

export function moderatorKeyStorageKey(userId: string): string {
  return `sbd.moderation.key.${userId}`;
}

export function handledReportsStorageKey(userId: string): string {
  return `sbd.moderation.handled.${userId}`;
}

export type StoredModeratorKey = {
  readonly text: ModerationKeyText;
  readonly keyPair: ModerationKeyPair;
};

/** The moderator's device-local state, for one Matrix account. */
export type ModeratorDeviceStore = {
  /** The newest stored key, checked again on every load; a damaged entry is removed. */
  loadKey(): Promise<StoredModeratorKey | undefined>;
  /**
   * Every key on this device, oldest first: after a key rotation the old key
   * stays, so reports sealed to it still open (docs/measures/reporting.md).
   */
  loadKeys(): Promise<readonly StoredModeratorKey[]>;
  /** Adds a key to the ring (a key already there moves to the end: the newest). */
  saveKey(text: ModerationKeyText): void;
  /** Forgets every key on this device. */
  forgetKey(): void;
  /** Report ID -> when it was marked handled (ms). */
  handled(): ReadonlyMap<string, number>;
  markHandled(reportId: string, at: number): void;
  reopen(reportId: string): void;
};

export function createModeratorDeviceStore(
  storage: KeyValueStorage,
  userId: string,
): ModeratorDeviceStore {
  const keyName = moderatorKeyStorageKey(userId);
  const handledName = handledReportsStorageKey(userId);

  const readHandled = (): Map<string, number> => {
    const map = new Map<string, number>();
    let value: unknown;
    try {
      value = JSON.parse(storage.getItem(handledName) ?? "{}");
    } catch {
      return map;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return map;
    for (const [reportId, at] of Object.entries(value as Record<string, unknown>)) {
      if (/^[0-9a-f]{32}$/.test(reportId) && typeof at === "number" && Number.isFinite(at)) {
        map.set(reportId, at);
      }
    }
    return map;
  };
  const writeHandled = (map: ReadonlyMap<string, number>): void => {
    storage.setItem(handledName, JSON.stringify(Object.fromEntries(map)));
  };

  /**
   * The ring as stored: `{ keys: [{ publicKey, secretKey }, …] }`, or the one
   * key object an earlier version stored. Entries that do not check out are
   * dropped; nothing left removes the item.
   */
  const loadKeys = async (): Promise<StoredModeratorKey[]> => {
    const raw = storage.getItem(keyName);
    if (raw === null) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      storage.removeItem(keyName);
      return [];
    }
    const entries: unknown[] =
      typeof value === "object" &&
      value !== null &&
      Array.isArray((value as { keys?: unknown }).keys)
        ? (value as { keys: unknown[] }).keys
        : [value];
    const keys: StoredModeratorKey[] = [];
    for (const entry of entries) {
      if (typeof entry !== "object" || entry === null) continue;
      const parsed = await parseModeratorKeyInput(JSON.stringify(entry));
      if (parsed.ok) keys.push({ text: parsed.text, keyPair: parsed.keyPair });
    }
    if (keys.length === 0) storage.removeItem(keyName);
    return keys;
  };
  const writeKeys = (texts: readonly ModerationKeyText[]): void => {
    storage.setItem(
      keyName,
      JSON.stringify({
        keys: texts.map((t) => ({ publicKey: t.publicKey, secretKey: t.secretKey })),
      }),
    );
  };

  return {
    loadKeys,
    async loadKey() {
      return (await loadKeys()).at(-1);
    },
    saveKey(text) {
      // Synchronous for the caller: the ring is read back as stored text, unchecked here
      // (every load checks each key again).
      let existing: ModerationKeyText[] = [];
      try {
        const value = JSON.parse(storage.getItem(keyName) ?? "null") as unknown;
        const entries =
          typeof value === "object" &&
          value !== null &&
          Array.isArray((value as { keys?: unknown }).keys)
            ? (value as { keys: unknown[] }).keys
            : value === null
              ? []
              : [value];
        existing = entries.flatMap((e) => {
          const entry = e as { publicKey?: unknown; secretKey?: unknown } | null;
          return typeof entry?.publicKey === "string" && typeof entry.secretKey === "string"
            ? [{ publicKey: entry.publicKey, secretKey: entry.secretKey }]
            : [];
        });
      } catch {
        existing = [];
      }
      writeKeys([...existing.filter((k) => k.publicKey !== text.publicKey), text]);
    },
    forgetKey() {
      storage.removeItem(keyName);
    },
    handled: readHandled,
    markHandled(reportId, at) {
      const map = readHandled();
      map.set(reportId, at);
      writeHandled(map);
    },
    reopen(reportId) {
      const map = readHandled();
      map.delete(reportId);
      writeHandled(map);
    },
  };
}
