// Tooling: a Matrix "client" that is no client at all: plain HTTP calls, as
// (Over 400 lines: one thin function per raw client-server call the attackers and tools make.)
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

/** Any client-server API call (path below /_matrix/client/v3), for what has no helper here. */
export const rawCall = call;

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

// --- Raw attacker helpers (client/test/integration/attacks) -----------------
// Everything below is what a hand-written script can do with an access token:
// arbitrary rooms, state, events and memberships, with no client's rules.

function transactionId(): string {
  return `raw-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

const roomPath = (roomId: string): string => `/rooms/${encodeURIComponent(roomId)}`;

/** A session for an access token obtained elsewhere (e.g. a device that also runs Olm). */
export function rawSessionOf(
  homeserver: Homeserver,
  credentials: { readonly userId: string; readonly accessToken: string },
): RawSession {
  return { homeserver, userId: credentials.userId, accessToken: credentials.accessToken };
}

/** POST /createRoom with any body the spec allows (name, topic, preset, initial_state, ...). */
export async function rawCreateRoom(
  session: RawSession,
  body: Record<string, unknown>,
): Promise<string> {
  const { room_id: roomId } = (await call(session, "POST", "/createRoom", body)) as {
    room_id: string;
  };
  return roomId;
}

/** Invites someone, with an optional reason (shown to them by clients that show reasons). */
export async function rawInvite(
  session: RawSession,
  roomId: string,
  userId: string,
  reason?: string,
): Promise<void> {
  await call(session, "POST", `${roomPath(roomId)}/invite`, {
    user_id: userId,
    ...(reason === undefined ? {} : { reason }),
  });
}

/** Joins a room by ID or alias; resolves with the room ID. */
export async function rawJoinRoomOrAlias(
  session: RawSession,
  roomIdOrAlias: string,
  reason?: string,
): Promise<string> {
  const { room_id: roomId } = (await call(
    session,
    "POST",
    `/join/${encodeURIComponent(roomIdOrAlias)}`,
    reason === undefined ? {} : { reason },
  )) as { room_id: string };
  return roomId;
}

/** Knocks on a room (join rule "knock"), with an optional reason the members see. */
export async function rawKnock(
  session: RawSession,
  roomIdOrAlias: string,
  reason?: string,
): Promise<string> {
  const { room_id: roomId } = (await call(
    session,
    "POST",
    `/knock/${encodeURIComponent(roomIdOrAlias)}`,
    reason === undefined ? {} : { reason },
  )) as { room_id: string };
  return roomId;
}

/** Sends any room event (unencrypted: a raw script has no Megolm session); resolves with its ID. */
export async function rawSendEvent(
  session: RawSession,
  roomId: string,
  type: string,
  content: Record<string, unknown>,
): Promise<string> {
  const { event_id: eventId } = (await call(
    session,
    "PUT",
    `${roomPath(roomId)}/send/${encodeURIComponent(type)}/${transactionId()}`,
    content,
  )) as { event_id: string };
  return eventId;
}

/** Sets a state event; resolves with its event ID. */
export async function rawSendState(
  session: RawSession,
  roomId: string,
  type: string,
  stateKey: string,
  content: Record<string, unknown>,
): Promise<string> {
  const { event_id: eventId } = (await call(
    session,
    "PUT",
    `${roomPath(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`,
    content,
  )) as { event_id: string };
  return eventId;
}

/** Reads a state event's content; undefined when it is not set. */
export async function rawGetState(
  session: RawSession,
  roomId: string,
  type: string,
  stateKey = "",
): Promise<Record<string, unknown> | undefined> {
  try {
    return (await call(
      session,
      "GET",
      `${roomPath(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`,
    )) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Error && error.message.includes(": 404 ")) return undefined;
    throw error;
  }
}

/** Redacts an event, with an optional reason (kept in the redaction event). */
export async function rawRedact(
  session: RawSession,
  roomId: string,
  eventId: string,
  reason?: string,
): Promise<string> {
  const { event_id: redactionId } = (await call(
    session,
    "PUT",
    `${roomPath(roomId)}/redact/${encodeURIComponent(eventId)}/${transactionId()}`,
    reason === undefined ? {} : { reason },
  )) as { event_id: string };
  return redactionId;
}

export async function rawKick(
  session: RawSession,
  roomId: string,
  userId: string,
  reason?: string,
): Promise<void> {
  await call(session, "POST", `${roomPath(roomId)}/kick`, {
    user_id: userId,
    ...(reason === undefined ? {} : { reason }),
  });
}

export async function rawBan(
  session: RawSession,
  roomId: string,
  userId: string,
  reason?: string,
): Promise<void> {
  await call(session, "POST", `${roomPath(roomId)}/ban`, {
    user_id: userId,
    ...(reason === undefined ? {} : { reason }),
  });
}

/** Sets this account's display name in one room only (its member event), not its profile. */
export async function rawSetRoomDisplayName(
  session: RawSession,
  roomId: string,
  displayName: string,
): Promise<void> {
  const current = (await rawGetState(session, roomId, "m.room.member", session.userId)) ?? {};
  await rawSendState(session, roomId, "m.room.member", session.userId, {
    ...current,
    membership: "join",
    displayname: displayName,
  });
}

/** Sets the profile's avatar URL (any string the server accepts). */
export async function rawSetAvatarUrl(session: RawSession, avatarUrl: string): Promise<void> {
  await call(session, "PUT", `/profile/${encodeURIComponent(session.userId)}/avatar_url`, {
    avatar_url: avatarUrl,
  });
}

/** Gives `userId` a power level in a room (needs the power to change power levels). */
export async function rawSetPowerLevel(
  session: RawSession,
  roomId: string,
  userId: string,
  level: number,
): Promise<void> {
  const current = (await rawGetState(session, roomId, "m.room.power_levels")) ?? {};
  const users = (current["users"] ?? {}) as Record<string, number>;
  await rawSendState(session, roomId, "m.room.power_levels", "", {
    ...current,
    users: { ...users, [userId]: level },
  });
}

/** Upgrades a room to a new version (tombstone + replacement); resolves with the new room's ID. */
export async function rawUpgradeRoom(
  session: RawSession,
  roomId: string,
  newVersion: string,
): Promise<string> {
  const { replacement_room: replacement } = (await call(
    session,
    "POST",
    `${roomPath(roomId)}/upgrade`,
    { new_version: newVersion },
  )) as { replacement_room: string };
  return replacement;
}

/** The room an alias points to; undefined when the alias does not exist. */
export async function rawResolveAlias(
  session: RawSession,
  alias: string,
): Promise<string | undefined> {
  try {
    const { room_id: roomId } = (await call(
      session,
      "GET",
      `/directory/room/${encodeURIComponent(alias)}`,
    )) as { room_id: string };
    return roomId;
  } catch (error) {
    if (error instanceof Error && error.message.includes(": 404 ")) return undefined;
    throw error;
  }
}

/** User IDs of everyone joined to a room, as the server lists them to a member. */
export async function rawJoinedMembers(session: RawSession, roomId: string): Promise<string[]> {
  const { joined } = (await call(session, "GET", `${roomPath(roomId)}/joined_members`)) as {
    joined: Record<string, unknown>;
  };
  return Object.keys(joined);
}

/** The server's user directory, as any account may search it. */
export async function rawSearchUserDirectory(
  session: RawSession,
  term: string,
): Promise<{ readonly userId: string; readonly displayName: string | undefined }[]> {
  const { results } = (await call(session, "POST", "/user_directory/search", {
    search_term: term,
    limit: 50,
  })) as { results: { user_id: string; display_name?: string }[] };
  return results.map((r) => ({ userId: r.user_id, displayName: r.display_name }));
}

/** Public rooms in the server's room directory (names and IDs anyone may list). */
export async function rawPublicRooms(
  session: RawSession,
): Promise<{ readonly roomId: string; readonly name: string | undefined }[]> {
  const { chunk } = (await call(session, "GET", "/publicRooms?limit=200")) as {
    chunk: { room_id: string; name?: string }[];
  };
  return chunk.map((room) => ({ roomId: room.room_id, name: room.name }));
}

/** Device IDs of `userId` that have published end-to-end keys (Olm can reach them). */
export async function rawDevicesWithKeys(session: RawSession, userId: string): Promise<string[]> {
  const { device_keys: keys } = (await call(session, "POST", "/keys/query", {
    device_keys: { [userId]: [] },
  })) as { device_keys: Record<string, Record<string, unknown>> };
  return Object.keys(keys[userId] ?? {});
}

/** Rooms this account has joined, as the server lists them. */
export async function rawJoinedRooms(session: RawSession): Promise<string[]> {
  const { joined_rooms: rooms } = (await call(session, "GET", "/joined_rooms")) as {
    joined_rooms: string[];
  };
  return rooms;
}

/** A Matrix OpenID token for this account: proves the user ID to a third-party service. */
export async function rawOpenIdToken(
  session: RawSession,
): Promise<{ readonly access_token: string; readonly matrix_server_name: string }> {
  const token = (await call(
    session,
    "POST",
    `/user/${encodeURIComponent(session.userId)}/openid/request_token`,
    {},
  )) as { access_token: string; matrix_server_name: string };
  return { access_token: token.access_token, matrix_server_name: token.matrix_server_name };
}

/** One event as the server stores it (type and content: encrypted or not). */
export async function rawGetEvent(
  session: RawSession,
  roomId: string,
  eventId: string,
): Promise<{ readonly type: string; readonly content: Record<string, unknown> }> {
  const event = (await call(
    session,
    "GET",
    `${roomPath(roomId)}/event/${encodeURIComponent(eventId)}`,
  )) as { type: string; content: Record<string, unknown> };
  return { type: event.type, content: event.content };
}

/** Leaves a room (or declines an invitation). */
export async function rawLeave(session: RawSession, roomId: string): Promise<void> {
  await call(session, "POST", `${roomPath(roomId)}/leave`, {});
}
