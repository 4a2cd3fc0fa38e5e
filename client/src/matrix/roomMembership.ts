// Matrix layer: rooms this account starts and joins. Every room it starts
// carries end-to-end encryption in its initial state, and this account
// records that it started it and whom it invited (conversationOrigins.ts).

import { ClientEvent, EventType, Preset, RoomEvent, type MatrixClient } from "matrix-js-sdk";
import { acceptMembers, recordConversationOrigin } from "./conversationOrigins.ts";
import { directChats, MEMBERSHIP_JOIN } from "./roomSnapshots.ts";

const MEGOLM = "m.megolm.v1.aes-sha2";
const ENCRYPTION = {
  type: EventType.RoomEncryption,
  state_key: "",
  content: { algorithm: MEGOLM },
};

/** Creates an encrypted direct chat with one other person and invites them. */
export async function createEncryptedDirectChat(
  client: MatrixClient,
  otherUserId: string,
): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    preset: Preset.TrustedPrivateChat,
    is_direct: true,
    invite: [otherUserId],
    initial_state: [ENCRYPTION],
  });
  await markAsDirectChat(client, roomId, otherUserId);
  await recordStartedByMe(client, roomId, [otherUserId]);
  return roomId;
}

/** Creates an encrypted group with a name and invites the others. */
export async function createEncryptedGroup(
  client: MatrixClient,
  name: string,
  otherUserIds: readonly string[],
): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    name,
    preset: Preset.PrivateChat,
    invite: [...otherUserIds],
    initial_state: [ENCRYPTION],
  });
  await recordStartedByMe(client, roomId, otherUserIds);
  return roomId;
}

/** Records in m.direct that this room is the direct chat with that person. */
export async function markAsDirectChat(
  client: MatrixClient,
  roomId: string,
  otherUserId: string,
): Promise<void> {
  const direct = directChats(client);
  const rooms = direct[otherUserId] ?? [];
  if (rooms.includes(roomId)) return;
  await client.setAccountData(EventType.Direct, { ...direct, [otherUserId]: [...rooms, roomId] });
}

// The chat exists either way. Without the record its origin reads as "unknown",
// which the policy engine treats as an accepted request: the protective side.
// The people this account invited are people it chose to see.
async function recordStartedByMe(
  client: MatrixClient,
  roomId: string,
  invited: readonly string[],
): Promise<void> {
  await recordConversationOrigin(client, roomId, "started-by-me", Date.now()).catch(
    () => undefined,
  );
  await acceptMembers(client, roomId, invited).catch(() => undefined);
}

/**
 * Joins, and returns once this device has synced the join: the server
 * accepts a join before the device knows the room's state, and a message
 * sent in between cannot be encrypted ("unconfigured room"). Bounded: after
 * `syncTimeoutMs` it returns anyway (the room then appears on a later sync).
 */
export async function joinAndSync(
  client: MatrixClient,
  roomId: string,
  syncTimeoutMs: number,
): Promise<void> {
  await client.joinRoom(roomId);
  await untilSynced(
    client,
    () => client.getRoom(roomId)?.getMyMembership() === MEMBERSHIP_JOIN,
    syncTimeoutMs,
  );
}

/** Resolves when `done()` holds after a sync or a membership change, or after the timeout. */
async function untilSynced(
  client: MatrixClient,
  done: () => boolean,
  timeoutMs: number,
): Promise<void> {
  if (done()) return;
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if (!done()) return;
      finish();
    };
    const finish = (): void => {
      clearTimeout(timer);
      client.off(ClientEvent.Sync, check);
      client.off(RoomEvent.MyMembership, check);
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    client.on(ClientEvent.Sync, check);
    client.on(RoomEvent.MyMembership, check);
  });
}
