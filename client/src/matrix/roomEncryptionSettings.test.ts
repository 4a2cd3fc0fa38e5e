import { describe, expect, it } from "vitest";
import { ROOMS_AT_ONCE, storeRoomSettingsBesideSync } from "./roomEncryptionSettings.ts";

/** A promise the test settles by hand. */
function deferred(): {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
} {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A stand-in for the SDK's crypto: each onCryptoEvent call is stored when the test says so. */
function fakeCrypto(): {
  onCryptoEvent: (room: { readonly roomId: string }, event: unknown) => Promise<void>;
  readonly calls: { roomId: string; label: string; done: ReturnType<typeof deferred> }[];
} {
  const calls: { roomId: string; label: string; done: ReturnType<typeof deferred> }[] = [];
  return {
    calls,
    onCryptoEvent: (room, event) => {
      const done = deferred();
      calls.push({ roomId: room.roomId, label: String(event), done });
      return done.promise;
    },
  };
}

const room = (roomId: string): { readonly roomId: string } => ({ roomId });
const event = (label: string): string => label;
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("storeRoomSettingsBesideSync", () => {
  it("lets the sync go on at once, and a send wait until its room's settings are stored", async () => {
    const crypto = fakeCrypto();
    const settings = storeRoomSettingsBesideSync(crypto);
    // The sync's await returns before anything is stored.
    await crypto.onCryptoEvent(room("!a"), event("a-1"));
    await flush();
    expect(crypto.calls.map((call) => call.label)).toEqual(["a-1"]);

    let sendMayGo = false;
    const send = settings.settled("!a").then(() => {
      sendMayGo = true;
    });
    await flush();
    expect(sendMayGo).toBe(false);
    crypto.calls[0]?.done.resolve();
    await send;
    expect(sendMayGo).toBe(true);
    // A room with nothing being stored does not wait.
    await settings.settled("!never-seen");
  });

  it("stores one room's changes in order, and different rooms side by side", async () => {
    const crypto = fakeCrypto();
    const settings = storeRoomSettingsBesideSync(crypto);
    await crypto.onCryptoEvent(room("!a"), event("a-1"));
    await crypto.onCryptoEvent(room("!a"), event("a-2"));
    await crypto.onCryptoEvent(room("!b"), event("b-1"));
    await flush();
    // a-2 waits for a-1; b-1 does not wait for a.
    expect(crypto.calls.map((call) => call.label)).toEqual(["a-1", "b-1"]);

    const aSettled = settings.settled("!a");
    crypto.calls[0]?.done.resolve();
    await flush();
    expect(crypto.calls.map((call) => call.label)).toEqual(["a-1", "b-1", "a-2"]);
    let aDone = false;
    void aSettled.then(() => {
      aDone = true;
    });
    await flush();
    expect(aDone).toBe(false); // a-2 is not stored yet
    crypto.calls[2]?.done.resolve();
    await aSettled;
  });

  it("reports a change that could not be stored to the send that waits, and stores the next one anyway", async () => {
    const crypto = fakeCrypto();
    const settings = storeRoomSettingsBesideSync(crypto);
    await crypto.onCryptoEvent(room("!a"), event("a-1"));
    await flush();
    crypto.calls[0]?.done.reject(new Error("crypto store closed"));
    await expect(settings.settled("!a")).rejects.toThrow("crypto store closed");

    await crypto.onCryptoEvent(room("!a"), event("a-2"));
    await flush();
    expect(crypto.calls.map((call) => call.label)).toEqual(["a-1", "a-2"]);
    crypto.calls[1]?.done.resolve();
    await settings.settled("!a");
  });

  it(`stores ${String(ROOMS_AT_ONCE)} rooms' settings at once, the next as soon as one is stored`, async () => {
    const crypto = fakeCrypto();
    const settings = storeRoomSettingsBesideSync(crypto);
    const rooms = Array.from({ length: ROOMS_AT_ONCE + 2 }, (_, index) => `!r${String(index)}`);
    for (const roomId of rooms) await crypto.onCryptoEvent(room(roomId), event(roomId));
    await flush();
    expect(crypto.calls.map((call) => call.roomId)).toEqual(rooms.slice(0, ROOMS_AT_ONCE));

    crypto.calls[1]?.done.resolve();
    await flush();
    expect(crypto.calls.map((call) => call.roomId)).toEqual(rooms.slice(0, ROOMS_AT_ONCE + 1));
    // A failure frees its place too.
    crypto.calls[0]?.done.reject(new Error("crypto store closed"));
    await flush();
    expect(crypto.calls.map((call) => call.roomId)).toEqual(rooms);
    for (const call of crypto.calls.slice(2)) call.done.resolve();
    const last = rooms.at(-1) ?? "";
    await settings.settled(last);
    await expect(settings.settled("!r0")).rejects.toThrow("crypto store closed");
  });

  it("stores a room someone is waiting to send in before the rooms ahead of it in line", async () => {
    const crypto = fakeCrypto();
    const settings = storeRoomSettingsBesideSync(crypto);
    const rooms = Array.from({ length: ROOMS_AT_ONCE + 3 }, (_, index) => `!r${String(index)}`);
    for (const roomId of rooms) await crypto.onCryptoEvent(room(roomId), event(roomId));
    // The last room's second change is chained behind its first: it is hurried too.
    const last = rooms.at(-1) ?? "";
    await crypto.onCryptoEvent(room(last), event(`${last}-again`));
    await flush();
    const sent = settings.settled(last);

    crypto.calls[0]?.done.resolve();
    await flush();
    expect(crypto.calls.at(-1)?.label).toBe(last);
    // Its second change joins the front of the line once its first is stored
    // (the place its first freed has gone to the next in line meanwhile).
    crypto.calls.at(-1)?.done.resolve();
    await flush();
    crypto.calls[1]?.done.resolve();
    await flush();
    expect(crypto.calls.map((call) => call.label)).toEqual([
      ...rooms.slice(0, ROOMS_AT_ONCE),
      last,
      rooms[ROOMS_AT_ONCE],
      `${last}-again`,
    ]);
    for (const call of crypto.calls) call.done.resolve();
    await sent;
    // The others still all get their turn.
    for (let turn = 0; turn < rooms.length; turn++) {
      for (const call of crypto.calls) call.done.resolve();
      await flush();
    }
    expect(crypto.calls.map((call) => call.label).sort()).toEqual(
      [...rooms, `${last}-again`].sort(),
    );
  });

  it("fails loudly on an SDK whose crypto has no onCryptoEvent", () => {
    expect(() => storeRoomSettingsBesideSync({})).toThrow(/roomEncryptionSettings\.ts expects/);
    expect(() => storeRoomSettingsBesideSync(undefined)).toThrow();
  });
});
