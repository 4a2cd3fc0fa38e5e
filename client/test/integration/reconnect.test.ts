// No gap after reconnecting (issue 17): a device cut off for a minute, while
// the other person wrote more than one sync returns, shows every message
// from that minute when it is back, decrypted and in order, without anyone
// loading older history. The SDK's sync filter sets no timeline limit, so
// Synapse's default of 10 events per room applies: the first sync after the
// cut is `limited`, the SDK starts a new live timeline at the newest ten,
// and the rest of the minute is a gap that ChatSession fills
// (client/src/matrix/roomTimeline.ts).
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession, TimelineMessage } from "@safety-by-design/client/actors";
import { cuttableNetwork, freshAccount, startNewDevice, until } from "./support.ts";

/** Synapse's default timeline limit for /sync (synapse/api/filtering.py). */
const SYNC_TIMELINE_LIMIT = 10;
const SENT_WHILE_CUT = SYNC_TIMELINE_LIMIT * 2 + 5;
const CUT_MS = 60_000;

const texts = (messages: readonly TimelineMessage[] | undefined): string[] =>
  (messages ?? []).flatMap((m) => (m.kind === "text" ? [m.body] : []));

describe("a device that was cut off", () => {
  const network = cuttableNetwork();
  let writer: ChatSession;
  let reader: ChatSession;
  let roomId: string;

  beforeAll(async () => {
    writer = await startNewDevice(await freshAccount("writer"));
    reader = await startNewDevice(await freshAccount("reader"), { fetchFn: network.fetchFn });
    roomId = await writer.createEncryptedDirectChat(reader.userId);
    await until(() => reader.invitations().find((i) => i.roomId === roomId), "the invitation");
    await reader.join(roomId);
    await until(
      () =>
        writer
          .conversation(roomId)
          ?.members.some((m) => m.userId === reader.userId && m.membership === "join"),
      "the join",
    );
  }, 60_000);

  afterAll(() => {
    network.restore();
    writer.stop();
    reader.stop();
  });

  it("shows every message sent while it was offline, decrypted and in order", async () => {
    await writer.sendText(roomId, "voor de onderbreking");
    await until(
      () => texts(reader.messages(roomId)).includes("voor de onderbreking"),
      "the message before the cut",
    );

    network.cut();
    const cutAt = Date.now();
    await until(() => reader.syncState === "offline", "the reader to notice the cut");
    const sentWhileCut: string[] = [];
    for (let index = 0; index < SENT_WHILE_CUT; index++) {
      const text = `tijdens de onderbreking ${index}`;
      await writer.sendText(roomId, text);
      sentWhileCut.push(text);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + CUT_MS - Date.now())));
    // Nothing reached the reader while it was cut off.
    expect(texts(reader.messages(roomId))).toEqual(["voor de onderbreking"]);

    network.restore();
    const expected = ["voor de onderbreking", ...sentWhileCut];
    await until(
      () => texts(reader.messages(roomId)).length === expected.length,
      `all ${String(expected.length)} messages decrypted on the reader's device`,
      45_000,
    );
    expect(texts(reader.messages(roomId))).toEqual(expected);
    expect(texts(reader.conversation(roomId)?.messages)).toEqual(expected);
    expect(reader.messages(roomId).filter((m) => m.kind !== "text")).toEqual([]);
    expect(reader.syncState).toBe("syncing");
  }, 150_000);
});
