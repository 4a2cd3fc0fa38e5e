// A friend who leaves a direct chat stays who she was in it: the device keeps
// her as a former member ("left", with the name she had) and the policy
// layer's facts keep her a contact there, so her old messages are not
// relabelled as a stranger's (issue 16). The unread badge counts her unread
// messages by sender, as the Matrix layer reads them after the read receipt.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession } from "@safety-by-design/client/actors";
import { freshAccount, startNewDevice, until } from "./support.ts";

describe("a friend who left a direct chat", () => {
  let noor: ChatSession;
  let lotte: ChatSession;

  beforeAll(async () => {
    noor = await startNewDevice(await freshAccount("noor"));
    lotte = await startNewDevice(await freshAccount("lotte"));
  }, 60_000);

  afterAll(() => {
    noor.stop();
    lotte.stop();
  });

  it("is kept as a former member with her name, and her unread messages name her", async () => {
    const roomId = await noor.createEncryptedDirectChat(lotte.userId);
    await until(() => lotte.invitations().find((i) => i.roomId === roomId), "the invitation");
    await lotte.join(roomId);
    await lotte.markAsDirectChat(roomId, noor.userId);
    await lotte.sendText(roomId, "tot morgen!");
    const unread = await until(() => {
      const senders = noor.room(roomId)?.unreadSenders ?? [];
      return senders.length > 0 ? senders : undefined;
    }, "Lotte's message, unread at Noor's");
    expect(unread).toEqual([lotte.userId]);

    await lotte.leave(roomId);
    const left = await until(
      () =>
        noor
          .room(roomId)
          ?.members.find((m) => m.userId === lotte.userId && m.membership === "left"),
      "Lotte, left, in Noor's snapshot of the chat",
    );
    expect(left.displayName).toBe("lotte");
    // Noor is still in it: it stays her direct chat, with Lotte as someone who was in it.
    expect(noor.room(roomId)?.isDirect).toBe(true);
  }, 120_000);
});
