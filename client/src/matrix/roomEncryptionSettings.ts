// Matrix layer: the crypto stores each encrypted room's settings beside the
// sync, not in front of it.
//
// Why: for every encrypted room in a sync, the SDK's sync waits until the
// Rust crypto has stored the room's encryption settings (an IndexedDB read
// and a write) before it processes the room's events. A new phone's first
// sync of an account with 1,000 chats spent about 0.9 s there, over half of
// it waiting on IndexedDB, before any chat could be listed; every later start
// does it again for every room of the stored sync (docs/performance.md).
// Listing chats, judging them and decrypting their messages do not need
// these settings; only encrypting does.
//
// What stays the same: every room's settings are stored, each room's in the
// order the syncs brought them (a few rooms at a time, ROOMS_AT_ONCE); sending
// waits for its room (ChatSession awaits `settled` before every send), which
// then goes to the front of the line. Had a send not waited, the SDK would
// refuse to encrypt ("unconfigured room") and the message would stay unsent:
// it never falls back to sending in the clear. The crypto's per-room encryptor (which tracks
// the members' devices) is created once the settings are stored, and
// re-reads the members on every encryption, so a member who joined in
// between is not missed.
//
// How: the SDK hands each room's encryption event to its crypto's
// onCryptoEvent and awaits it (sync.ts, "process any crypto events before
// emitting the RoomStateEvent events"). matrix-js-sdk 43 has no option for
// this, so this wraps that one method of the client's crypto object. The
// shape is checked at run time, as trackDevices.ts does: an SDK upgrade that
// changes it fails loudly here, never by leaving rooms unconfigured.

/** The SDK's crypto as the sync sees it: only the room's ID is read here; the rest is passed on. */
type CryptoEventHandler = {
  onCryptoEvent(room: { readonly roomId: string }, event: unknown): Promise<void>;
};

export type RoomEncryptionSettings = {
  /**
   * Resolves once every settings change the syncs brought for `roomId` so far
   * is stored; rejects with the crypto's error if the newest could not be
   * (the send that waited fails with it, and stays unsent).
   */
  settled(roomId: string): Promise<void>;
};

/**
 * How many rooms' settings are stored at once. All 1,000 at once made the
 * crypto do their follow-up work (tracking the members' devices) in one
 * piece: a 90 ms task in the middle of scrolling the new chat list.
 */
export const ROOMS_AT_ONCE = 4;

/** From now on, the sync hands `crypto` each room's encryption settings without waiting for them to be stored. */
export function storeRoomSettingsBesideSync(crypto: unknown): RoomEncryptionSettings {
  const handler = crypto as Partial<CryptoEventHandler> | undefined;
  if (typeof handler?.onCryptoEvent !== "function") {
    throw new Error(
      "this matrix-js-sdk version does not hand encryption events to its crypto as roomEncryptionSettings.ts expects",
    );
  }
  const store = handler.onCryptoEvent.bind(handler);
  /** Per room, the newest settings change still being stored (a room's changes run in order). */
  const storing = new Map<string, Promise<void>>();
  const turns = takingTurns(ROOMS_AT_ONCE);

  handler.onCryptoEvent = (room, event) => {
    const roomId = room.roomId;
    // After the room's previous change, whether or not that one was stored.
    const previous = (storing.get(roomId) ?? Promise.resolve()).catch(() => undefined);
    const stored = previous.then(() => turns.run(roomId, () => store(room, event)));
    storing.set(roomId, stored);
    const forget = (): void => {
      if (storing.get(roomId) !== stored) return;
      storing.delete(roomId);
      turns.calmDown(roomId);
    };
    // Forgotten once stored; a failure stays for `settled` to report.
    stored.then(forget, () => undefined);
    // The sync goes on at once; sending waits for `settled`.
    return Promise.resolve();
  };

  return {
    settled: (roomId) => {
      const stored = storing.get(roomId);
      if (stored === undefined) return Promise.resolve();
      // Someone is waiting to send here: this room goes before the backlog
      // of a new phone's first sync (1,000 chats: a few seconds).
      turns.hurry(roomId);
      return stored;
    },
  };
}

type Turns = {
  /** Runs `task` when it is its turn: `atOnce` at a time, in the order handed in. */
  run(key: string, task: () => Promise<void>): Promise<void>;
  /** `key`'s tasks, waiting now or handed in later, go to the front of the line. */
  hurry(key: string): void;
  /** `key`'s later tasks wait in line again. */
  calmDown(key: string): void;
};

function takingTurns(atOnce: number): Turns {
  let running = 0;
  const waiting: { readonly key: string; readonly takePlace: () => void }[] = [];
  const hurried = new Set<string>();
  return {
    async run(key, task) {
      if (running < atOnce) running += 1;
      // A finishing task hands its place straight to the next in line.
      else
        await new Promise<void>((takePlace) => {
          if (hurried.has(key)) waiting.unshift({ key, takePlace });
          else waiting.push({ key, takePlace });
        });
      try {
        await task();
      } finally {
        const next = waiting.shift();
        if (next === undefined) running -= 1;
        else next.takePlace();
      }
    },
    hurry(key) {
      hurried.add(key);
      const place = waiting.findIndex((entry) => entry.key === key);
      if (place > 0) waiting.unshift(...waiting.splice(place, 1));
    },
    calmDown(key) {
      hurried.delete(key);
    },
  };
}
