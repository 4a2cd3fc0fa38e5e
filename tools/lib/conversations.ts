// Tooling: conversations between persona accounts, created through the
// client's own Matrix layer (Rust crypto in Node), so they are encrypted
// exactly as the app's are. Idempotent.

import "fake-indexeddb/auto";
import { ChatSession, signInWithPassword } from "@safety-by-design/client/actors";
import type { Homeserver } from "./homeserver.ts";
import { rawGetAccountData, rawLogin, rawLogout, rawPutAccountData } from "./rawMatrix.ts";

export type AccountLogin = { readonly username: string; readonly password: string };

export async function signedInSession(
  homeserver: Homeserver,
  login: AccountLogin,
): Promise<ChatSession> {
  const result = await signInWithPassword(homeserver.url, login.username, login.password);
  if (!result.ok) throw new Error(`${login.username} cannot sign in: ${result.failure.kind}`);
  return ChatSession.start(result.credentials, { storage: "memory", sdkLogLevel: "error" });
}

export async function until<T>(
  probe: () => T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Makes sure two accounts share an encrypted direct chat that both have
 * joined (and both list in m.direct), as friends who met in person (its
 * recorded origin), and that neither has blocked the other. Returns its room ID.
 */
export async function ensureDirectChat(
  homeserver: Homeserver,
  a: AccountLogin,
  b: AccountLogin,
): Promise<string> {
  await unblockEachOther(homeserver, a, b);
  const first = await signedInSession(homeserver, a);
  const second = await signedInSession(homeserver, b);
  try {
    return await ensureDirectChatBetween(first, second);
  } finally {
    await first.signOut();
    await second.signOut();
  }
}

/** As ensureDirectChat, with two sessions that are already running (the first one creates it). */
export async function ensureDirectChatBetween(
  first: ChatSession,
  second: ChatSession,
): Promise<string> {
  const existing = first.directChatWith(second.userId);
  const roomId =
    existing !== undefined && second.directChatWith(first.userId) === existing
      ? existing
      : await joinDirectChat(first, second, existing);
  // Friends made by the tooling know each other already: no reminder for them.
  const acceptedAt = Date.now();
  for (const session of [first, second]) {
    if (session.conversationOrigin(roomId)?.origin !== "in-person") {
      await session.recordConversationOrigin(roomId, "in-person", acceptedAt);
    }
  }
  return roomId;
}

/**
 * Friends do not block each other. A block an earlier run left behind (the
 * study scenario ends with Noor blocking Alex) would make the homeserver drop
 * everything one sends to the other.
 */
async function unblockEachOther(
  homeserver: Homeserver,
  a: AccountLogin,
  b: AccountLogin,
): Promise<void> {
  const sessions = [
    await rawLogin(homeserver, a.username, a.password),
    await rawLogin(homeserver, b.username, b.password),
  ] as const;
  try {
    for (const [self, other] of [sessions, [sessions[1], sessions[0]]] as const) {
      const list = await rawGetAccountData(self, "m.ignored_user_list");
      const ignored = Object.entries((list?.["ignored_users"] ?? {}) as Record<string, unknown>);
      if (!ignored.some(([userId]) => userId === other.userId)) continue;
      await rawPutAccountData(self, "m.ignored_user_list", {
        ...list,
        ignored_users: Object.fromEntries(ignored.filter(([userId]) => userId !== other.userId)),
      });
    }
  } finally {
    for (const session of sessions) await rawLogout(session);
  }
}

async function joinDirectChat(
  first: ChatSession,
  second: ChatSession,
  existing: string | undefined,
): Promise<string> {
  const roomId = existing ?? (await first.createEncryptedDirectChat(second.userId));
  await until(() => second.chats.find((c) => c.roomId === roomId), `${second.userId}'s invite`);
  if (second.chats.find((c) => c.roomId === roomId)?.membership === "invite")
    await second.join(roomId);
  await second.markAsDirectChat(roomId, first.userId);
  return roomId;
}
