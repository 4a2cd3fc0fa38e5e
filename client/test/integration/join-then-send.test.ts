// Sending right after accepting an invitation works: join() returns only once
// this device has synced the join, so the first message is encrypted for the
// room instead of failing with "unconfigured room" (the cause of an old
// flaky e2e test, issue 17). Ten groups, ten immediate sends, all arrive
// decrypted at the inviter. And sending right after a new device starts
// works: the crypto stores the rooms' encryption settings beside the first
// sync, and a send waits for its room's (matrix/roomEncryptionSettings.ts).
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession } from "@safety-by-design/client/actors";
import { freshAccount, startNewDevice, until, type TestAccount } from "./support.ts";

describe("send right after joining", () => {
  let inviter: ChatSession;
  let joiner: ChatSession;
  let joinerAccount: TestAccount;

  beforeAll(async () => {
    inviter = await startNewDevice(await freshAccount("inviter"));
    joinerAccount = await freshAccount("joiner");
    joiner = await startNewDevice(joinerAccount);
  }, 60_000);

  afterAll(() => {
    inviter.stop();
    joiner.stop();
  });

  /** Every message shows at the inviter, decrypted, from the joiner's account. */
  async function arriveDecryptedAtInviter(
    sent: readonly { roomId: string; text: string }[],
  ): Promise<void> {
    for (const { roomId, text } of sent) {
      const arrived = await until(
        () =>
          inviter
            .messages(roomId)
            .find((message) => message.kind === "text" && message.body === text),
        `"${text}" decrypted at the inviter`,
      );
      expect(arrived.sender).toBe(joiner.userId);
    }
  }

  it("delivers 10 of 10 messages sent at once after accepting a group invitation", async () => {
    const sent: { roomId: string; text: string }[] = [];
    for (let index = 0; index < 10; index++) {
      const roomId = await inviter.createEncryptedGroup(`groep ${index}`, [joiner.userId]);
      await until(() => joiner.invitations().find((i) => i.roomId === roomId), "the invitation");
      await joiner.join(roomId);
      const text = `meteen na het accepteren ${index}`;
      await joiner.sendText(roomId, text);
      sent.push({ roomId, text });
    }
    await arriveDecryptedAtInviter(sent);
  }, 120_000);

  it("delivers a message sent into every group at once by a device that has just started", async () => {
    const groups = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const roomId = await inviter.createEncryptedGroup(`start ${index}`, [joiner.userId]);
        await until(() => joiner.invitations().find((i) => i.roomId === roomId), "the invitation");
        await joiner.join(roomId);
        return roomId;
      }),
    );
    // A new phone of the same account: its first sync brings all 20 encrypted
    // groups. With IndexedDB stores (as in the browser; fake-indexeddb here),
    // storing the rooms' settings takes long enough to still be under way.
    const newPhone = await startNewDevice(joinerAccount, {
      storage: "indexeddb",
      cryptoStorageKey: new Uint8Array(32).fill(7),
    });
    try {
      const sent = groups.map((roomId, index) => ({ roomId, text: `net gestart ${index}` }));
      await Promise.all(sent.map(({ roomId, text }) => newPhone.sendText(roomId, text)));
      await arriveDecryptedAtInviter(sent);
    } finally {
      newPhone.stop();
    }
  }, 120_000);
});
