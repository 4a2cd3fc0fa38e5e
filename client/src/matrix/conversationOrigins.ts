// Matrix layer: what this account records about its rooms, in room account
// data (private to the account, readable on all its devices): how each
// conversation started, and whom it chose to see in a room. Both are facts
// for the policy layer; ChatSession exposes them.

import type { MatrixClient, Room } from "matrix-js-sdk";
import type { ConversationOriginRecord } from "./sessionTypes.ts";

/** Room account data: how this conversation started. */
export const CONVERSATION_ORIGIN_EVENT = "org.safety-by-design.conversation_origin";
/** Room account data: the people this account chose to see in this room. */
export const ACCEPTED_MEMBERS_EVENT = "org.safety-by-design.accepted_members";

declare module "matrix-js-sdk/lib/@types/event.js" {
  // Module augmentation needs an interface: this is how the SDK types custom account data.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface RoomAccountDataEvents {
    [CONVERSATION_ORIGIN_EVENT]: ConversationOriginRecord;
    [ACCEPTED_MEMBERS_EVENT]: { readonly userIds: readonly string[] };
  }
}

/** How this conversation started, if this account recorded it; undefined if not (or unreadable). */
export function conversationOrigin(
  client: MatrixClient,
  roomId: string,
): ConversationOriginRecord | undefined {
  const content: unknown = client
    .getRoom(roomId)
    ?.getAccountData(CONVERSATION_ORIGIN_EVENT)
    ?.getContent();
  return toConversationOrigin(content);
}

/** Records how this conversation started, for the standing notices in it. */
export async function recordConversationOrigin(
  client: MatrixClient,
  roomId: string,
  origin: ConversationOriginRecord["origin"],
  acceptedAt: number,
): Promise<void> {
  await client.setRoomAccountData(roomId, CONVERSATION_ORIGIN_EVENT, { origin, acceptedAt });
}

/** The people this account chose to see in the room (none unless recorded). */
export function acceptedMembersOf(room: Room | null): readonly string[] {
  // Another client of this account may have written anything here.
  const content: unknown = room?.getAccountData(ACCEPTED_MEMBERS_EVENT)?.getContent();
  if (typeof content !== "object" || content === null) return [];
  const userIds = (content as Record<string, unknown>)["userIds"];
  return Array.isArray(userIds) ? userIds.filter((id): id is string => typeof id === "string") : [];
}

/** Adds people to those this account chose to see in the room; no write when nothing is new. */
export async function acceptMembers(
  client: MatrixClient,
  roomId: string,
  userIds: readonly string[],
): Promise<void> {
  const known = acceptedMembersOf(client.getRoom(roomId));
  const all = [...new Set([...known, ...userIds])];
  if (all.length === known.length) return;
  await client.setRoomAccountData(roomId, ACCEPTED_MEMBERS_EVENT, { userIds: all });
}

function toConversationOrigin(content: unknown): ConversationOriginRecord | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  const { origin, acceptedAt } = content as Record<string, unknown>;
  if (origin !== "accepted-request" && origin !== "started-by-me" && origin !== "in-person")
    return undefined;
  if (typeof acceptedAt !== "number" || !Number.isFinite(acceptedAt)) return undefined;
  return { origin, acceptedAt };
}
