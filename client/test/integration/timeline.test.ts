// The conversation's history against the real homeserver: older messages
// load on request (paging), unread counts rise with new messages and fall
// when the reader has seen them.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession } from "@safety-by-design/client/actors";
import { freshAccount, startNewDevice, until, type TestAccount } from "./support.ts";

type Login = TestAccount;

describe("conversation history against the real homeserver", () => {
  let sender: ChatSession;
  let reader: ChatSession;
  let readerLogin: Login;
  let roomId: string;

  beforeAll(async () => {
    sender = await startNewDevice(await freshAccount("sender"));
    readerLogin = await freshAccount("reader");
    reader = await startNewDevice(readerLogin);
    roomId = await sender.createEncryptedDirectChat(reader.userId);
    await until(() => reader.chats.find((c) => c.roomId === roomId), "the invitation");
    await reader.join(roomId);
    await until(
      () =>
        sender
          .conversation(roomId)
          ?.members.some((m) => m.userId === reader.userId && m.membership === "join"),
      "the join",
    );
  });

  afterAll(() => {
    sender.stop();
    reader.stop();
  });

  it("counts unread messages and clears them once read", async () => {
    for (let i = 0; i < 3; i++) await sender.sendText(roomId, `ongelezen ${i}`);
    const unread = await until(() => {
      const count = reader.chats.find((c) => c.roomId === roomId)?.unreadCount ?? 0;
      return count >= 3 ? count : undefined;
    }, "three unread messages");
    expect(unread).toBe(3);
    await until(
      () => reader.messages(roomId).filter((m) => m.body.startsWith("ongelezen")).length === 3,
      "decryption",
    );
    await reader.markRead(roomId);
    await until(
      () => reader.chats.find((c) => c.roomId === roomId)?.unreadCount === 0,
      "the count to clear",
    );
  });

  it("loads older messages a page at a time until the start of the conversation", async () => {
    for (let i = 0; i < 45; i++) await sender.sendText(roomId, `bericht ${i}`);
    await until(
      () => reader.messages(roomId).some((m) => m.body === "bericht 44"),
      "the newest message",
    );

    // A second device of the reader starts with only the newest messages
    // (initial sync limit 10), and pages back through the rest.
    const secondDevice = await startNewDevice(readerLogin);
    try {
      await until(() => secondDevice.conversation(roomId), "the room on the new device");
      const firstPage = secondDevice.messages(roomId).length;
      expect(firstPage).toBeLessThanOrEqual(10);
      expect(secondDevice.conversation(roomId)?.canLoadOlder).toBe(true);
      let more = true;
      let pages = 0;
      while (more && pages < 10) {
        more = await secondDevice.loadOlder(roomId);
        pages++;
      }
      expect(more).toBe(false);
      expect(secondDevice.conversation(roomId)?.canLoadOlder).toBe(false);
      // 3 + 45 messages, readable or not on a device that was not there when they were sent.
      // (An event still being decrypted is not listed yet, so wait for all of them.)
      await until(
        () => secondDevice.messages(roomId).length === 48,
        "all 48 messages on the new device",
      );
    } finally {
      secondDevice.stop();
    }
  });
});
