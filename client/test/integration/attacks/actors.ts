// Attack suite: the people in it. Victims and friends run the client's own
// Matrix layer (ChatSession, Rust crypto in Node); attackers are either plain
// HTTP (tools/lib/rawMatrix.ts) or their own Olm device: a bare matrix-js-sdk
// client with Rust crypto, which sends real Megolm-encrypted events of any
// type and Olm to-device messages, and follows none of our client's rules.

import "fake-indexeddb/auto";
import { randomBytes } from "node:crypto";
import {
  ClientEvent,
  createClient,
  KnownMembership,
  MemoryStore,
  type MatrixClient,
  type TimelineEvents,
} from "matrix-js-sdk";
import {
  ChatSession,
  trackDevicesOf,
  type SessionCredentials,
} from "@safety-by-design/client/actors";
import { ensureAccount } from "../../../../tools/lib/homeserver.ts";
import {
  rawDevicesWithKeys,
  rawSessionOf,
  type RawSession,
} from "../../../../tools/lib/rawMatrix.ts";
import { signInNewDevice, testHomeserver, until, type TestAccount } from "../support.ts";

export type Account = TestAccount & { readonly userId: string };

/**
 * A new account. The local part is chosen by the caller so that an attacker's
 * Matrix ID can carry a canary (the ID itself is then the message).
 */
export async function registerAccount(localpart: string, displayName: string): Promise<Account> {
  const account = { username: localpart, password: randomBytes(12).toString("hex") };
  await ensureAccount(testHomeserver, { ...account, displayName });
  return { ...account, userId: `@${localpart}:${testHomeserver.serverName}` };
}

/** A device of ours: the client's ChatSession, plus the same device's token for raw calls. */
export type OwnDevice = {
  readonly session: ChatSession;
  readonly raw: RawSession;
  readonly credentials: SessionCredentials;
};

export async function startOwnDevice(account: Account): Promise<OwnDevice> {
  const credentials = await signInNewDevice(account);
  const session = await ChatSession.start(credentials, { storage: "memory", sdkLogLevel: "error" });
  return { session, raw: rawSessionOf(testHomeserver, credentials), credentials };
}

export type ToDeviceMessage = {
  readonly type: string;
  readonly sender: string;
  readonly content: Record<string, unknown>;
};

/** An attacker's own Olm device: a matrix-js-sdk client with none of our client's rules. */
export type OlmAttacker = {
  readonly userId: string;
  readonly account: Account;
  /** The same device's access token, for state events and memberships. */
  readonly raw: RawSession;
  /** Olm-encrypted to-device messages this device received, oldest first. */
  readonly received: readonly ToDeviceMessage[];
  /** Calls `handler` with each Olm-encrypted to-device message from now on. */
  readonly onToDevice: (handler: (message: ToDeviceMessage) => void) => () => void;
  /** Sends any event; encrypted (Megolm) when the room is encrypted. Resolves with its event ID. */
  readonly send: (
    roomId: string,
    type: string,
    content: Record<string, unknown>,
  ) => Promise<string>;
  /** Sends each content as its own Olm-encrypted to-device message to every device of `userId`. */
  readonly sendToDevice: (
    userId: string,
    type: string,
    contents: readonly Record<string, unknown>[],
  ) => Promise<number>;
  /** Waits until this device has joined the room and knows it is encrypted. */
  readonly inRoom: (roomId: string) => Promise<void>;
  /** Waits until this device sees `userId` with that membership (then keys are shared with them). */
  readonly sees: (roomId: string, userId: string, membership: "join" | "invite") => Promise<void>;
  readonly stop: () => void;
};

export async function startOlmAttacker(account: Account): Promise<OlmAttacker> {
  const credentials = await signInNewDevice(account);
  const client: MatrixClient = createClient({
    baseUrl: credentials.homeserverUrl,
    userId: credentials.userId,
    deviceId: credentials.deviceId,
    accessToken: credentials.accessToken,
    store: new MemoryStore(),
  });
  await client.initRustCrypto({ useIndexedDB: false });
  const received: ToDeviceMessage[] = [];
  const handlers = new Set<(message: ToDeviceMessage) => void>();
  client.on(ClientEvent.ReceivedToDeviceMessage, ({ message, encryptionInfo }) => {
    if (encryptionInfo === null) return;
    const copy = { type: message.type, sender: message.sender, content: message.content };
    received.push(copy);
    for (const handler of handlers) handler(copy);
  });
  const prepared = new Promise<void>((resolve) => {
    const onSync = (state: string): void => {
      if (state !== "PREPARED" && state !== "SYNCING") return;
      client.off(ClientEvent.Sync, onSync);
      resolve();
    };
    client.on(ClientEvent.Sync, onSync);
  });
  await client.startClient({ initialSyncLimit: 5, lazyLoadMembers: false });
  await prepared;
  const raw = rawSessionOf(testHomeserver, credentials);
  // Others can Olm-encrypt to this device (answers to probes) once its keys are published.
  await untilAsync(
    async () => (await rawDevicesWithKeys(raw, account.userId)).includes(credentials.deviceId),
    `${account.userId}'s device keys`,
  );
  // Any event type with any content: what a script may send, whatever the SDK's types expect.
  const sendEvent = (roomId: string, type: string, content: Record<string, unknown>) =>
    client.sendEvent(
      roomId,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- any type on purpose
      type as keyof TimelineEvents,
      content as unknown as TimelineEvents[keyof TimelineEvents],
    );
  const room = (roomId: string) => client.getRoom(roomId);
  return {
    userId: account.userId,
    account,
    raw,
    received,
    onToDevice: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    send: async (roomId, type, content) => (await sendEvent(roomId, type, content)).event_id,
    sendToDevice: async (userId, type, contents) => {
      const crypto = client.getCrypto();
      if (crypto === undefined) throw new Error("no crypto on the attacker's device");
      await trackDevicesOf(crypto, userId);
      const devices = [...((await crypto.getUserDeviceInfo([userId])).get(userId)?.keys() ?? [])];
      const targets = devices.map((deviceId) => ({ userId, deviceId }));
      if (targets.length === 0) return 0;
      for (const content of contents) {
        await client.queueToDevice(await crypto.encryptToDeviceMessages(type, targets, content));
      }
      return targets.length;
    },
    inRoom: async (roomId) => {
      await until(
        () =>
          room(roomId)?.getMyMembership() === (KnownMembership.Join as string) &&
          room(roomId)?.hasEncryptionStateEvent(),
        `${account.userId} in ${roomId}`,
      );
    },
    sees: async (roomId, userId, membership) => {
      await until(
        () => room(roomId)?.getMember(userId)?.membership === membership,
        `${account.userId} to see ${userId} (${membership})`,
      );
    },
    stop: () => {
      client.stopClient();
    },
  };
}

/** As `until`, for a condition that must be fetched. */
export async function untilAsync(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
