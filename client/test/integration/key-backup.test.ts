// Proof that stays in the suite: old messages stay readable when a person
// signs in again. Alice sets up a recovery key and talks with Bob in an
// encrypted direct chat; she signs out (which deletes her device's keys) and
// signs in on a new device, where the old messages cannot be read; a wrong
// recovery key changes nothing; her recovery key unlocks the key backup and
// the old messages decrypt. A second round shows that the restored device
// keeps backing up new keys. Last, a lost key is replaced (with the account
// password), after which the old key no longer opens anything.

import "fake-indexeddb/auto";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { ChatSession, TimelineMessage } from "@safety-by-design/client/actors";
import { freshAccount, startNewDevice, until, type TestAccount } from "./support.ts";

type Account = TestAccount;

/** Signs in (a new device each time) and starts a session as the browser would, minus IndexedDB. */
async function signIn(account: Account): Promise<ChatSession> {
  return startNewDevice(account, { sdkLogLevel: "warn" });
}

/** The given messages, in order, once all of them are in the timeline (readable or not). */
function messagesWithIds(
  session: ChatSession,
  roomId: string,
  eventIds: readonly string[],
): readonly TimelineMessage[] | undefined {
  const messages = session.messages(roomId);
  const found = eventIds.map((id) => messages.find((m) => m.eventId === id));
  return found.every((m): m is TimelineMessage => m !== undefined) ? found : undefined;
}

function timed(label: string, startedAt: number): void {
  console.log(`key-backup timing: ${label} ${Date.now() - startedAt} ms`);
}

describe("key backup: old messages stay readable after signing in again", () => {
  let aliceAccount: Account;
  let alice: ChatSession;
  let bob: ChatSession;
  let roomId: string;
  let recoveryKey: string;
  const sent: { eventId: string; body: string }[] = [];

  beforeAll(async () => {
    aliceAccount = await freshAccount("alice");
    alice = await signIn(aliceAccount);
    bob = await signIn(await freshAccount("bob"));
  });

  afterAll(() => {
    alice.stop();
    bob.stop();
  });

  it("sets up a random recovery key for an account that has none", async () => {
    expect(await alice.recoveryStatus()).toBe("not-set-up");
    const startedAt = Date.now();
    const result = await alice.setUpRecovery();
    timed("setUpRecovery", startedAt);
    if (!result.ok) throw new Error(`set-up failed: ${result.error}`);
    recoveryKey = result.recoveryKey;
    // The SDK's display form: 48 base58 characters in groups of four.
    expect(recoveryKey).toMatch(/^([1-9A-HJ-NP-Za-km-z]{4} ){11}[1-9A-HJ-NP-Za-km-z]{4}$/);
    expect(await alice.recoveryStatus()).toBe("set-up-on-this-device");
    expect(await alice.setUpRecovery()).toEqual({ ok: false, error: "already-set-up" });
  });

  it("backs up the keys of an encrypted conversation as messages arrive", async () => {
    roomId = await alice.createEncryptedDirectChat(bob.userId);
    await until(
      () => bob.chats.find((c) => c.roomId === roomId && c.membership === "invite"),
      "bob's invite",
    );
    await bob.join(roomId);
    await until(() => alice.chats.find((c) => c.roomId === roomId), "alice's room");

    const fromAlice = `from alice ${randomUUID()}`;
    sent.push({ eventId: await alice.sendText(roomId, fromAlice), body: fromAlice });
    const fromBob = `from bob ${randomUUID()}`;
    sent.push({ eventId: await bob.sendText(roomId, fromBob), body: fromBob });
    await until(
      () => alice.messages(roomId).find((m) => m.kind === "text" && m.body === fromBob),
      "bob's message, readable on alice's device",
    );
    const startedAt = Date.now();
    expect(await alice.waitForKeyBackup()).toBe("backed-up");
    timed("waitForKeyBackup (both keys uploaded)", startedAt);
  });

  it("after signing out and in again, the old messages cannot be read yet", async () => {
    await alice.signOut();
    alice = await signIn(aliceAccount);
    expect(await alice.recoveryStatus()).toBe("needs-recovery-key");
    const messages = await until(
      () =>
        messagesWithIds(
          alice,
          roomId,
          sent.map((m) => m.eventId),
        ),
      "the old messages in the new device's timeline",
    );
    expect(messages.map((m) => m.kind)).toEqual(["undecryptable", "undecryptable"]);
  });

  it("rejects a wrong or mistyped recovery key with a clear error and changes nothing", async () => {
    const otherKey = encodeRecoveryKey(randomBytes(32));
    if (otherKey === undefined) throw new Error("could not encode a key");
    expect(await alice.restoreWithRecoveryKey(otherKey)).toEqual({ ok: false, error: "wrong-key" });
    expect(await alice.restoreWithRecoveryKey(recoveryKey.slice(0, -5))).toEqual({
      ok: false,
      error: "wrong-length",
    });
    expect(await alice.restoreWithRecoveryKey("")).toEqual({ ok: false, error: "empty" });
    // One changed character: the parity byte catches most such typos before the server is asked.
    const last = recoveryKey.at(-1) === "z" ? "y" : "z";
    const mistyped = await alice.restoreWithRecoveryKey(`${recoveryKey.slice(0, -1)}${last}`);
    expect(mistyped.ok).toBe(false);
    expect(["typo", "wrong-key"]).toContain(mistyped.ok ? "ok" : mistyped.error);

    expect(await alice.recoveryStatus()).toBe("needs-recovery-key");
    expect(alice.messages(roomId).map((m) => m.kind)).toEqual(["undecryptable", "undecryptable"]);
  });

  it("restores with the recovery key, typed loosely, and the old messages decrypt", async () => {
    // As a person might type it: dashes between groups, a line break, a misread "o" as "0".
    const typed = `  ${recoveryKey.split(" ").join("-").replace(/o/g, "0").replace("-", "\n")} `;
    const startedAt = Date.now();
    const result = await alice.restoreWithRecoveryKey(typed);
    timed("restoreWithRecoveryKey", startedAt);
    expect(result).toEqual({ ok: true, imported: 2, total: 2, deviceVerified: true });
    const readable = await until(() => {
      const messages = alice.messages(roomId);
      return messages.every((m) => m.kind === "text") ? messages : undefined;
    }, "the old messages to decrypt");
    timed("restore until the old messages decrypted", startedAt);
    expect(readable.map((m) => m.body)).toEqual(sent.map((m) => m.body));
    expect(await alice.recoveryStatus()).toBe("set-up-on-this-device");
  });

  it("keeps backing up on the restored device: a third device reads messages from both", async () => {
    const fromBob = `bob, later ${randomUUID()}`;
    sent.push({ eventId: await bob.sendText(roomId, fromBob), body: fromBob });
    const fromAlice = `alice, from her second device ${randomUUID()}`;
    sent.push({ eventId: await alice.sendText(roomId, fromAlice), body: fromAlice });
    await until(
      () => alice.messages(roomId).find((m) => m.kind === "text" && m.body === fromBob),
      "bob's later message on alice's second device",
    );
    // Straight to signing out: signOut itself waits for the new keys to reach the backup.
    const startedAt = Date.now();
    await alice.signOut();
    timed("signOut (including the wait for the backup)", startedAt);

    alice = await signIn(aliceAccount);
    expect(await alice.recoveryStatus()).toBe("needs-recovery-key");
    const result = await alice.restoreWithRecoveryKey(recoveryKey);
    expect(result).toEqual({ ok: true, imported: 4, total: 4, deviceVerified: true });
    const readable = await until(() => {
      const found = messagesWithIds(
        alice,
        roomId,
        sent.map((m) => m.eventId),
      );
      return found?.every((m) => m.kind === "text") ? found : undefined;
    }, "all four messages, readable on the third device");
    expect(readable.map((m) => m.body)).toEqual(sent.map((m) => m.body));
  });
});

describe("key backup: replacing a lost recovery key", () => {
  let account: Account;
  let carol: ChatSession;
  let lostKey: string;
  let firstReplacement: string;

  beforeAll(async () => {
    account = await freshAccount("carol");
    carol = await signIn(account);
    const result = await carol.setUpRecovery();
    if (!result.ok) throw new Error(`set-up failed: ${result.error}`);
    lostKey = result.recoveryKey;
    await carol.signOut();
    carol = await signIn(account);
  });

  afterAll(() => {
    carol.stop();
  });

  it("makes a new key only when asked to replace it, and with the account password", async () => {
    expect(await carol.recoveryStatus()).toBe("needs-recovery-key");
    expect(await carol.setUpRecovery()).toEqual({ ok: false, error: "already-set-up" });
    expect(await carol.setUpRecovery({ replaceExisting: true })).toEqual({
      ok: false,
      error: "password-needed",
    });
    expect(
      await carol.setUpRecovery({ replaceExisting: true, password: "not the password" }),
    ).toEqual({ ok: false, error: "wrong-password" });
    expect(await carol.recoveryStatus()).toBe("needs-recovery-key");
    // Nothing changed on the server: on another device, the old key still opens the backup.
    const otherDevice = await signIn(account);
    try {
      expect(await otherDevice.restoreWithRecoveryKey(lostKey)).toMatchObject({
        ok: true,
        deviceVerified: true,
      });
    } finally {
      otherDevice.stop();
    }

    const result = await carol.setUpRecovery({ replaceExisting: true, password: account.password });
    if (!result.ok) throw new Error(`replacing failed: ${result.error}`);
    expect(result.recoveryKey).not.toBe(lostKey);
    firstReplacement = result.recoveryKey;
    expect(await carol.recoveryStatus()).toBe("set-up-on-this-device");
  });

  it("replaces a key on a device that can read the backup; only the newest key works", async () => {
    // This device holds the identity, so no password is needed.
    const replacement = await carol.setUpRecovery({ replaceExisting: true });
    if (!replacement.ok) throw new Error(`rotating failed: ${replacement.error}`);
    await carol.signOut();
    carol = await signIn(account);
    expect(await carol.restoreWithRecoveryKey(lostKey)).toEqual({ ok: false, error: "wrong-key" });
    expect(await carol.restoreWithRecoveryKey(firstReplacement)).toEqual({
      ok: false,
      error: "wrong-key",
    });
    const restored = await carol.restoreWithRecoveryKey(replacement.recoveryKey);
    expect(restored).toMatchObject({ ok: true, deviceVerified: true });
    expect(await carol.recoveryStatus()).toBe("set-up-on-this-device");
  });
});
