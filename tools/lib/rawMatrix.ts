// Tooling: a Matrix "client" that is no client at all: plain HTTP calls, as
// anyone with curl could make. Tests use it to prove that the protected
// person's own device enforces the rules whatever the sender's client did.

import type { Homeserver } from "./homeserver.ts";

export type RawSession = {
  readonly homeserver: Homeserver;
  readonly userId: string;
  readonly accessToken: string;
};

async function call(
  session: RawSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${session.homeserver.url}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${session.accessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function rawLogin(
  homeserver: Homeserver,
  username: string,
  password: string,
): Promise<RawSession> {
  const response = await fetch(`${homeserver.url}/_matrix/client/v3/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: username },
      password,
    }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const { user_id: userId, access_token: accessToken } = (await response.json()) as {
    user_id: string;
    access_token: string;
  };
  return { homeserver, userId, accessToken };
}

export async function rawSetDisplayName(session: RawSession, displayName: string): Promise<void> {
  await call(session, "PUT", `/profile/${encodeURIComponent(session.userId)}/displayname`, {
    displayname: displayName,
  });
}

/** Creates a direct room and invites someone, the way a hand-written script would. */
export async function rawInviteToDirectRoom(
  session: RawSession,
  inviteeUserId: string,
): Promise<string> {
  const { room_id: roomId } = (await call(session, "POST", "/createRoom", {
    preset: "private_chat",
    is_direct: true,
    invite: [inviteeUserId],
  })) as { room_id: string };
  return roomId;
}

/** Sends a plain (unencrypted) text message, as a script would into any room. */
export async function rawSendText(
  session: RawSession,
  roomId: string,
  text: string,
): Promise<void> {
  const txn = `raw-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await call(session, "PUT", `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txn}`, {
    msgtype: "m.text",
    body: text,
  });
}

/** Sends a plaintext to-device message to every device of `userId` (no Olm: anyone can). */
export async function rawSendToDevice(
  session: RawSession,
  type: string,
  userId: string,
  content: Record<string, unknown>,
): Promise<void> {
  const txn = `raw-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await call(session, "PUT", `/sendToDevice/${encodeURIComponent(type)}/${txn}`, {
    messages: { [userId]: { "*": content } },
  });
}

export async function rawJoin(session: RawSession, roomId: string): Promise<void> {
  await call(session, "POST", `/rooms/${encodeURIComponent(roomId)}/join`, {});
}

/** Rooms this account is invited to, from one sync. */
export async function rawInvitedRoomIds(session: RawSession): Promise<string[]> {
  const sync = (await call(session, "GET", "/sync?timeout=0")) as {
    rooms?: { invite?: Record<string, unknown> };
  };
  return Object.keys(sync.rooms?.invite ?? {});
}

export async function rawLogout(session: RawSession): Promise<void> {
  await call(session, "POST", "/logout", {});
}

/** Account data of this account (room account data with `roomId`); undefined if never set. */
export async function rawGetAccountData(
  session: RawSession,
  type: string,
  roomId?: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    return (await call(session, "GET", accountDataPath(session, type, roomId))) as Record<
      string,
      unknown
    >;
  } catch (error) {
    if (error instanceof Error && error.message.includes(": 404 ")) return undefined;
    throw error;
  }
}

export async function rawPutAccountData(
  session: RawSession,
  type: string,
  content: Record<string, unknown>,
  roomId?: string,
): Promise<void> {
  await call(session, "PUT", accountDataPath(session, type, roomId), content);
}

function accountDataPath(session: RawSession, type: string, roomId: string | undefined): string {
  const user = `/user/${encodeURIComponent(session.userId)}`;
  const room = roomId === undefined ? "" : `/rooms/${encodeURIComponent(roomId)}`;
  return `${user}${room}/account_data/${encodeURIComponent(type)}`;
}
