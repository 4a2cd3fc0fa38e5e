// Sending right after accepting an invitation works: join() returns only once
// this device has synced the join, so the first message is encrypted for the
// room instead of failing with "unconfigured room" (the cause of an old
// flaky e2e test, issue 17). Ten groups, ten immediate sends, all arrive
// decrypted at the inviter.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession } from "@safety-by-design/client/actors";
import { freshAccount, startNewDevice, until } from "./support.ts";

describe("send right after joining", () => {
  let inviter: ChatSession;
  let joiner: ChatSession;

  beforeAll(async () => {
    inviter = await startNewDevice(await freshAccount("inviter"));
    joiner = await startNewDevice(await freshAccount("joiner"));
  }, 60_000);

  afterAll(() => {
    inviter.stop();
    joiner.stop();
  });

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
  }, 120_000);
});
