// Tooling: the demo's starting state beyond the accounts (tools/lib/seed.ts):
//
// - Noor and Lotte are friends: an encrypted direct chat with a short, friendly
//   history, recorded on both sides as people who know each other in person
//   (so no "recently accepted" reminder shows between them).
// - Daan has opted in to being findable by peers ("Find people"): the
//   opt-in his app keeps. When his app starts it registers him with the
//   discovery gatekeeper (client/src/policy/discovery.ts, renewed at every
//   session start), with the searcher bands his own engine allows, exactly as
//   after switching it on; there is no room to join.
//
// Idempotent: the demo runs it at every start and changes nothing the second
// time. The history is sent once, through the client's own Matrix layer (Rust
// crypto in Node), so it is end-to-end encrypted exactly as the app's messages.
//
// Why Noor and Lotte get a recovery key: Megolm keys live on devices. The
// history is sent by devices in this process, which sign out afterwards, so a
// browser that signs in later holds no key for it. The standard Matrix answer,
// which the app already implements (docs/key-backup.md), is server-side key
// backup unlocked by a recovery key. So both accounts get a recovery key
// before the history is sent, the keys go into their backups, and the demo
// prints the recovery keys (kept in .local/demo/, mode 600). At sign-in the app
// asks Noor or Lotte for it ("Je oude berichten lezen"); pasting it makes the
// history readable. Skipping it leaves the history locked, as it would be for
// anyone who signs in on a new device without their key.

import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  CONVERSATION_ORIGIN_EVENT,
  type ChatSession,
  type DiscoverySettings,
} from "@safety-by-design/client/actors";
import { ensureDirectChatBetween, signedInSession, until } from "./conversations.ts";
import { repoRoot, type Homeserver } from "./homeserver.ts";
import { DEMO_PASSWORD } from "./personas.ts";
import { rawGetAccountData, rawLogin, rawLogout, rawPutAccountData } from "./rawMatrix.ts";

/** The demo's client-side secrets that the homeserver must never hold; `npm run demo:reset` deletes them. */
export const demoStateDir = join(repoRoot, ".local", "demo");
export const recoveryKeyFile = join(demoStateDir, "recovery-keys.json");

/** Room account data on Noor's side of the friends' chat: the history is there. */
const HISTORY_MARKER_EVENT = "org.safety-by-design.demo_history";
/** User account data the "Find people" screen keeps its opt-ins in (ChatSession.discoverySettings). */
const DISCOVERY_SETTINGS_EVENT = "org.safety-by-design.discovery_settings";

/** The seeded friends: their chat is part of the starting point of every study session. */
export const FRIENDS = { first: "noor", second: "lotte" } as const;
type Friend = (typeof FRIENDS)[keyof typeof FRIENDS];

/** Short and everyday, at a 14-year-old's level: what friends write. */
export const FRIENDS_HISTORY: readonly { readonly from: Friend; readonly text: string }[] = [
  { from: "noor", text: "Hoi Lotte! Heb jij de wiskunde al af?" },
  { from: "lotte", text: "Bijna, alleen opdracht 7 nog. Die is echt lastig 😅" },
  { from: "noor", text: "Zullen we die morgen in de pauze samen doen?" },
  { from: "lotte", text: "Goed plan! En zaterdag gaan we toch zwemmen?" },
  { from: "noor", text: "Ja! Om 2 uur bij het zwembad" },
  { from: "lotte", text: "Top, tot morgen!" },
];

export type RecoveryKeys = Partial<Record<Friend, string>>;

export type DemoSeed = {
  readonly friendsRoomId: string;
  /** Recovery keys of the accounts whose history the demo sent; a name without a key: unknown. */
  readonly recoveryKeys: RecoveryKeys;
  /** The history was sent by this run (false: it was already there). */
  readonly historySentNow: boolean;
};

export async function seedDemoState(homeserver: Homeserver): Promise<DemoSeed> {
  await ensureDiscoverySettings(homeserver, "daan", {
    findableByPeers: true,
    suggestedToPeers: false,
  });
  return ensureFriendsHistory(homeserver);
}

// --- Daan: findable by peers ---------------------------------------------------

/**
 * Stores the opt-ins as the app does (ChatSession.setDiscoverySettings): user
 * account data. The registration with the gatekeeper is the app's own doing
 * at its next start: only his device can present his band, and only it
 * answers a searcher's probe, so he is found while his app runs.
 */
export async function ensureDiscoverySettings(
  homeserver: Homeserver,
  username: string,
  settings: DiscoverySettings,
): Promise<void> {
  const session = await rawLogin(homeserver, username, DEMO_PASSWORD);
  try {
    const stored = await rawGetAccountData(session, DISCOVERY_SETTINGS_EVENT);
    if (
      stored?.["findableByPeers"] !== settings.findableByPeers ||
      stored["suggestedToPeers"] !== settings.suggestedToPeers
    ) {
      await rawPutAccountData(session, DISCOVERY_SETTINGS_EVENT, { ...settings });
    }
  } finally {
    await rawLogout(session);
  }
}

// --- Noor and Lotte: friends with a history ----------------------------------------

export async function ensureFriendsHistory(homeserver: Homeserver): Promise<DemoSeed> {
  const saved = await readRecoveryKeys();
  const seeded = await seededFriendsRoom(homeserver);
  if (seeded !== undefined) {
    return { friendsRoomId: seeded, recoveryKeys: saved, historySentNow: false };
  }

  return withSdkOutputHeld(() => sendFriendsHistory(homeserver, saved));
}

async function sendFriendsHistory(homeserver: Homeserver, saved: RecoveryKeys): Promise<DemoSeed> {
  const first = await signedInSession(homeserver, login(FRIENDS.first));
  const second = await signedInSession(homeserver, login(FRIENDS.second));
  try {
    // Recovery first, so every key of the history goes into both backups.
    const keys: RecoveryKeys = { ...saved };
    for (const [name, session] of [
      [FRIENDS.first, first],
      [FRIENDS.second, second],
    ] as const) {
      keys[name] = await recoveryKeyOnThisDevice(session, saved[name]);
      await writeRecoveryKeys(keys);
    }

    const roomId = await ensureDirectChatBetween(first, second);
    await until(
      () =>
        first
          .conversation(roomId)
          ?.members.some((m) => m.userId === second.userId && m.membership === "join") || undefined,
      `${second.userId} in the friends' chat`,
    );
    const acceptedAt = Date.now();
    for (const session of [first, second]) {
      await session.recordConversationOrigin(roomId, "in-person", acceptedAt);
    }

    // A run that stopped half-way may have sent part of it: never send twice.
    const alreadySent = first
      .messages(roomId)
      .some((m) => m.sender === first.userId || m.sender === second.userId);
    if (!alreadySent) {
      for (const line of FRIENDS_HISTORY) {
        const [sender, reader] = line.from === FRIENDS.first ? [first, second] : [second, first];
        const eventId = await sender.sendText(roomId, line.text);
        // In order, and readable on the other side before the next line.
        await until(
          () => reader.messages(roomId).find((m) => m.eventId === eventId && m.kind === "text"),
          `"${line.text}" readable for ${reader.userId}`,
        );
      }
    }
    for (const session of [first, second]) {
      const backup = await session.waitForKeyBackup(60_000);
      if (backup !== "backed-up") {
        throw new Error(`the keys of ${session.userId}'s history are not backed up (${backup})`);
      }
    }
    await markHistorySeeded(homeserver, roomId);
    return { friendsRoomId: roomId, recoveryKeys: keys, historySentNow: !alreadySent };
  } finally {
    await first.signOut();
    await second.signOut();
  }
}

/**
 * The seeding sessions run the SDK at "error" (conversations.ts), but even an
 * error line would break into the demo's table, and the SDK looks the console
 * up at each call. So its output is held while seeding and shown only if
 * seeding fails.
 */
async function withSdkOutputHeld<T>(run: () => Promise<T>): Promise<T> {
  const methods = ["log", "info", "debug", "warn", "error", "trace"] as const;
  const original = methods.map((name) => ({
    name,
    descriptor: Object.getOwnPropertyDescriptor(console, name),
  }));
  const restore = (): void => {
    for (const { name, descriptor } of original) {
      if (descriptor !== undefined) Object.defineProperty(console, name, descriptor);
    }
  };
  const held: string[] = [];
  for (const name of methods) {
    console[name] = (...args: unknown[]) => {
      held.push(args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" "));
      if (held.length > 200) held.shift();
    };
  }
  try {
    return await run();
  } catch (error) {
    restore();
    console.error(
      `The Matrix SDK's last lines before seeding failed:\n${held.slice(-40).join("\n")}`,
    );
    throw error;
  } finally {
    restore();
  }
}

/**
 * A recovery key that this device now uploads keys with: the saved one if it
 * opens the account's backup, otherwise a new one (replacing a backup no
 * saved key opens: it cannot hold the history, which is sent after this).
 */
async function recoveryKeyOnThisDevice(
  session: ChatSession,
  saved: string | undefined,
): Promise<string> {
  const status = await session.recoveryStatus();
  if (status === "needs-recovery-key" && saved !== undefined) {
    const restored = await session.restoreWithRecoveryKey(saved);
    if (restored.ok) return saved;
  }
  const made = await session.setUpRecovery(
    status === "not-set-up" ? {} : { replaceExisting: true, password: DEMO_PASSWORD },
  );
  if (!made.ok) throw new Error(`setting up recovery for ${session.userId}: ${made.error}`);
  return made.recoveryKey;
}

/** The friends' chat, if a previous run finished its history. */
async function seededFriendsRoom(homeserver: Homeserver): Promise<string | undefined> {
  const session = await rawLogin(homeserver, FRIENDS.first, DEMO_PASSWORD);
  try {
    const direct = await rawGetAccountData(session, "m.direct");
    const friend = `@${FRIENDS.second}:${homeserver.serverName}`;
    const rooms = direct?.[friend];
    for (const roomId of Array.isArray(rooms) ? rooms : []) {
      if (typeof roomId !== "string") continue;
      if ((await rawGetAccountData(session, HISTORY_MARKER_EVENT, roomId)) !== undefined) {
        return roomId;
      }
    }
    return undefined;
  } finally {
    await rawLogout(session);
  }
}

async function markHistorySeeded(homeserver: Homeserver, roomId: string): Promise<void> {
  const session = await rawLogin(homeserver, FRIENDS.first, DEMO_PASSWORD);
  try {
    await rawPutAccountData(
      session,
      HISTORY_MARKER_EVENT,
      { messages: FRIENDS_HISTORY.length, seededAt: Date.now() },
      roomId,
    );
    // Checked once more by reading it back: the origin is what hides the reminder.
    const origin = await rawGetAccountData(session, CONVERSATION_ORIGIN_EVENT, roomId);
    if (origin?.["origin"] !== "in-person") {
      throw new Error(`the friends' chat has no in-person origin on ${session.userId}'s side`);
    }
  } finally {
    await rawLogout(session);
  }
}

function login(username: string): { username: string; password: string } {
  return { username, password: DEMO_PASSWORD };
}

// --- The recovery keys file ---------------------------------------------------

async function readRecoveryKeys(): Promise<RecoveryKeys> {
  try {
    const value: unknown = JSON.parse(await readFile(recoveryKeyFile, "utf8"));
    if (typeof value !== "object" || value === null) return {};
    const keys: RecoveryKeys = {};
    for (const name of [FRIENDS.first, FRIENDS.second]) {
      const key = (value as Record<string, unknown>)[name];
      if (typeof key === "string") keys[name] = key;
    }
    return keys;
  } catch {
    return {};
  }
}

async function writeRecoveryKeys(keys: RecoveryKeys): Promise<void> {
  await mkdir(demoStateDir, { recursive: true, mode: 0o700 });
  await writeFile(recoveryKeyFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await chmod(recoveryKeyFile, 0o600);
}
