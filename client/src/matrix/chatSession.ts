// Matrix layer: one running, end-to-end encrypted Matrix session. This is the
// only module that holds a MatrixClient; everything above it sees the plain
// snapshot types below, never an SDK type. It is loaded with a dynamic
// import after sign-in, so the SDK and the crypto WASM stay out of the
// sign-in screen's bundle.

import {
  ClientEvent,
  createClient,
  EventType,
  IndexedDBStore,
  KnownMembership,
  MatrixEventEvent,
  MemoryStore,
  MsgType,
  NotificationCountType,
  PendingEventOrdering,
  Preset,
  RoomEvent,
  RoomMemberEvent,
  EventStatus,
  EventTimeline,
  type MatrixClient,
  type MatrixEvent,
  type Room,
  type RoomMember,
} from "matrix-js-sdk";
import { logger as sdkLogger } from "matrix-js-sdk/lib/logger.js";
import { shownNames, type ShownName } from "./displayNames.ts";
import * as keyBackup from "./keyBackup.ts";
import type { ToDeviceTransport } from "./age/ageExchange.ts";
import { trackDevicesOf } from "./trackDevices.ts";
import type { OpenIdToken } from "./age/wallet.ts";
import type { SessionCredentials } from "./signIn.ts";

export type ChatSummary = {
  readonly roomId: string;
  readonly name: string;
  /** "invite": someone asked to talk; "join": an accepted conversation. */
  readonly membership: "invite" | "join";
  readonly encrypted: boolean;
  readonly lastActivityTs: number;
  readonly unreadCount: number;
  readonly inviterUserId: string | undefined;
};

export type TimelineMessage = {
  /** The server's event ID, or the local transaction ID while it is not sent yet. */
  readonly eventId: string;
  readonly sender: string;
  readonly timestamp: number;
  /**
   * "text": readable; "undecryptable": the keys have not arrived (or never
   * will); "not-encrypted": sent in the clear into an encrypted room, which
   * no client of ours does: anyone with the server's API could have written
   * it, so its body never leaves this layer.
   */
  readonly kind: "text" | "undecryptable" | "not-encrypted";
  /**
   * The plain `body`, always rendered as text. We never render `formatted_body`
   * (HTML): no sanitizer to get wrong, no remote images, no tracking pixels.
   */
  readonly body: string;
  /** Our own messages: "sending" until the server has it; "failed" can be retried. */
  readonly sendState: "sending" | "sent" | "failed";
};

export type MemberSummary = ShownName & {
  readonly membership: "join" | "invite" | "leave" | "ban";
  /** When their membership last changed (ms): for a newcomer, when they appeared. */
  readonly since?: number | undefined;
};

export type ConversationSnapshot = {
  readonly roomId: string;
  readonly name: string;
  readonly encrypted: boolean;
  readonly members: readonly MemberSummary[];
  readonly messages: readonly TimelineMessage[];
  /** Older messages may exist on the server. */
  readonly canLoadOlder: boolean;
};

/** Someone in a room (joined or invited), as the room's state says. */
export type RoomMemberSnapshot = {
  readonly userId: string;
  /** As they set it: stranger-controlled text; the policy layer decides whether it is shown. */
  readonly displayName: string | undefined;
  /** "left": left or was removed; still judged, for what they wrote while there. */
  readonly membership: "join" | "invite" | "left";
  /** When their membership last changed (ms); undefined in an invitation's preview state. */
  readonly since: number | undefined;
};

/** A state value someone set (the room's name or topic), with who set it. */
export type SetBy = { readonly value: string; readonly setBy: string };

/**
 * Everything the device knows about a room it is invited to or in, as plain
 * facts. Every string in it that a stranger can set is raw: only the policy
 * layer's decision store turns it into what a screen may show.
 */
export type RoomSnapshot = {
  readonly roomId: string;
  readonly membership: "invite" | "join";
  readonly isDirect: boolean;
  readonly isSpace: boolean;
  readonly encrypted: boolean;
  readonly inviterUserId: string | undefined;
  readonly invitedAt: number | undefined;
  readonly inviteReason: string | undefined;
  readonly creatorUserId: string | undefined;
  readonly createdAt: number | undefined;
  /** When this account joined; undefined while invited. */
  readonly joinedAt: number | undefined;
  readonly name: SetBy | undefined;
  readonly topic: SetBy | undefined;
  /** Who set the avatar (the picture itself is never fetched). */
  readonly avatarSetBy: string | undefined;
  /** Everyone else who is joined or invited, or was. */
  readonly members: readonly RoomMemberSnapshot[];
  /**
   * Whether the list above is the whole room. Before joining, a homeserver
   * shares only part of a room's state (ours shares the members; see the
   * homeserver template), so a member list without the creator is partial.
   */
  readonly membersKnown: boolean;
  /** People the account chose to see in this room (after the overview or a notice). */
  readonly acceptedMembers: readonly string[];
  readonly lastActivityTs: number;
  readonly unreadCount: number;
};

/** What the Matrix layer knows about an invitation; the policy layer turns it into engine facts. */
export type InvitationSummary = {
  readonly roomId: string;
  readonly inviterUserId: string;
  /** As the inviter set it: shown only after disambiguation. */
  readonly inviterDisplayName: string | undefined;
  readonly invitedAt: number;
  /** The inviter marked it as a direct chat. */
  readonly isDirect: boolean;
  /** The room's name as the inviter set it (a group's name); undefined for most direct chats. */
  readonly roomName: string | undefined;
};

/** A person this account has an accepted direct chat with. */
export type ContactSummary = {
  readonly userId: string;
  readonly displayName: string | undefined;
  readonly roomId: string;
};

export type SyncState = "starting" | "syncing" | "offline";

/** How a conversation started, as this account recorded it (a fact for the policy layer). */
export type ConversationOriginRecord = {
  /** "in-person": people who already know each other (the demo seeds Noor and Lotte so). */
  readonly origin: "accepted-request" | "started-by-me" | "in-person";
  /** When this account accepted the request or started the chat, ms since the Unix epoch. */
  readonly acceptedAt: number;
};

/** Room account data: private to this account, readable on all its devices. */
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
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface AccountDataEvents {
    [DISCOVERY_SETTINGS_EVENT]: DiscoverySettings;
  }
}

export type DiscoverySettings = {
  readonly findableByPeers: boolean;
  readonly suggestedToPeers: boolean;
};

/** User account data: the discovery opt-ins (they say nothing about age). */
const DISCOVERY_SETTINGS_EVENT = "org.safety-by-design.discovery_settings";

type EncryptedToDeviceMessage = {
  readonly type: string;
  readonly sender: string;
  readonly content: Record<string, unknown>;
};

/** To-device messages kept for the first listener; more than this in one first sync is dropped. */
const MAX_TO_DEVICE_BACKLOG = 500;

export type ChatSessionOptions = {
  /** "indexeddb" in the browser; "memory" for Node tests. */
  readonly storage: "indexeddb" | "memory";
  /** 32 bytes that encrypt the crypto store; required with "indexeddb". */
  readonly cryptoStorageKey?: Uint8Array;
  /** How much the SDK may log (default "warn": its debug output is very chatty). */
  readonly sdkLogLevel?: "debug" | "info" | "warn" | "error" | "silent";
};

// The SDK logs through one process-wide loglevel logger (the per-client
// logger option does not reach its sync loop), so the level is set there.
function setSdkLogLevel(level: NonNullable<ChatSessionOptions["sdkLogLevel"]>): void {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only handle on the SDK's global level
  (sdkLogger as unknown as { setLevel(level: string): void }).setLevel(level);
}

const MEGOLM = "m.megolm.v1.aes-sha2";
// getMyMembership() returns a plain string (servers may invent memberships).
const MEMBERSHIP_JOIN: string = KnownMembership.Join;
const MEMBERSHIP_INVITE: string = KnownMembership.Invite;

export class ChatSession {
  readonly userId: string;
  readonly #client: MatrixClient;
  readonly #listeners = new Set<() => void>();
  #chats: readonly ChatSummary[] = [];
  #syncState: SyncState = "starting";
  #notifyScheduled = false;
  readonly #exhaustedHistory = new Set<string>();
  /** Encrypted to-device messages that arrived before anyone listened (the first sync). */
  #toDeviceBacklog: EncryptedToDeviceMessage[] | undefined = [];
  readonly #toDeviceHandlers = new Set<(message: EncryptedToDeviceMessage) => void>();

  private constructor(client: MatrixClient, userId: string) {
    this.#client = client;
    this.userId = userId;
  }

  /** Starts the client with Rust crypto and resolves after the first sync. */
  static async start(
    credentials: SessionCredentials,
    options: ChatSessionOptions,
  ): Promise<ChatSession> {
    setSdkLogLevel(options.sdkLogLevel ?? "warn");
    const dbPrefix = `sbd-${credentials.userId}`;
    const store =
      options.storage === "indexeddb"
        ? new IndexedDBStore({
            indexedDB: globalThis.indexedDB,
            dbName: `${dbPrefix}-sync`,
            localStorage: globalThis.localStorage,
          })
        : new MemoryStore();
    if (store instanceof IndexedDBStore) await store.startup();
    const client = createClient({
      baseUrl: credentials.homeserverUrl,
      userId: credentials.userId,
      deviceId: credentials.deviceId,
      accessToken: credentials.accessToken,
      store,
      timelineSupport: true,
      // Key backup (keyBackup.ts) hands the SDK the secret-storage key through these.
      cryptoCallbacks: keyBackup.createSecretStorageCallbacks(),
    });
    if (options.storage === "indexeddb") {
      if (options.cryptoStorageKey === undefined)
        throw new Error("an IndexedDB crypto store needs a storage key");
      await client.initRustCrypto({
        useIndexedDB: true,
        cryptoDatabasePrefix: `${dbPrefix}-crypto`,
        storageKey: options.cryptoStorageKey,
      });
    } else {
      await client.initRustCrypto({ useIndexedDB: false });
    }
    const session = new ChatSession(client, credentials.userId);
    session.#listen();
    const firstSync = new Promise<void>((resolve) => {
      const onSync = (state: string): void => {
        if (state === "PREPARED" || state === "SYNCING") {
          client.off(ClientEvent.Sync, onSync);
          resolve();
        }
      };
      client.on(ClientEvent.Sync, onSync);
    });
    await client.startClient({
      initialSyncLimit: 30,
      // Every member of every room is judged (complete mediation), so the
      // device needs them all, not only those who wrote recently.
      lazyLoadMembers: false,
      // Our own unsent messages stay apart from the timeline until the server
      // has them, so a failed one can be shown and retried in place.
      pendingEventOrdering: PendingEventOrdering.Detached,
    });
    await firstSync;
    session.#recompute();
    return session;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Something views derive from, but the SDK does not know about, changed
   * (a verified age band arrived): listeners recompute, as after a sync.
   */
  noteExternalChange(): void {
    this.#scheduleRecompute();
  }

  get chats(): readonly ChatSummary[] {
    return this.#chats;
  }

  get syncState(): SyncState {
    return this.#syncState;
  }

  /** Readable messages of a room, oldest first, then our own unsent ones. */
  messages(roomId: string): readonly TimelineMessage[] {
    const room = this.#client.getRoom(roomId);
    if (room === null) return [];
    const encrypted = room.hasEncryptionStateEvent();
    return [...room.getLiveTimeline().getEvents(), ...room.getPendingEvents()]
      .map((event) => toTimelineMessage(event, encrypted))
      .filter((m): m is TimelineMessage => m !== undefined);
  }

  /** Everything a conversation screen shows; undefined for an unknown room. */
  conversation(roomId: string): ConversationSnapshot | undefined {
    const room = this.#client.getRoom(roomId);
    if (room === null) return undefined;
    const members = room.getMembers();
    const names = shownNames(
      members.map((m) => ({ userId: m.userId, displayName: displayNameAsSent(m) })),
    );
    return {
      roomId,
      name: room.name,
      encrypted: room.hasEncryptionStateEvent(),
      members: members.flatMap((m) => {
        const shown = names.get(m.userId);
        const membership = toMembership(m.membership);
        const since = m.events.member?.getTs();
        return shown === undefined || membership === undefined
          ? []
          : [
              {
                ...shown,
                membership,
                since: since === undefined || since <= 0 ? undefined : since,
              },
            ];
      }),
      messages: this.messages(roomId),
      canLoadOlder: !this.#exhaustedHistory.has(roomId),
    };
  }

  /** Loads older messages from the server; resolves false when there are none. */
  async loadOlder(roomId: string, limit = 30): Promise<boolean> {
    const room = this.#client.getRoom(roomId);
    if (room === null) return false;
    const more = await this.#client.paginateEventTimeline(room.getLiveTimeline(), {
      backwards: true,
      limit,
    });
    if (!more) this.#exhaustedHistory.add(roomId);
    this.#scheduleRecompute();
    return more;
  }

  /** Sends a read receipt for the newest message, which clears the unread count. */
  async markRead(roomId: string): Promise<void> {
    const events = this.#client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? [];
    const newest = events.at(-1);
    if (newest !== undefined) await this.#client.sendReadReceipt(newest);
  }

  /** Sends a failed message again. */
  async retry(roomId: string, localId: string): Promise<void> {
    const room = this.#client.getRoom(roomId);
    const event = room?.getPendingEvents().find((e) => (e.getId() ?? e.getTxnId()) === localId);
    if (!room || event === undefined) return;
    await this.#client.resendEvent(event, room);
  }

  /** Leaves a conversation, or declines an invitation (the same call in Matrix). */
  async leave(roomId: string): Promise<void> {
    await this.#client.leave(roomId);
  }

  /** Blocks a person: their messages and invitations no longer reach this account. */
  async block(userId: string): Promise<void> {
    const ignored = this.#client.getIgnoredUsers();
    if (!ignored.includes(userId)) await this.#client.setIgnoredUsers([...ignored, userId]);
  }

  get blockedUsers(): readonly string[] {
    return this.#client.getIgnoredUsers();
  }

  /** The homeserver this account lives on (the part after the colon). */
  get serverName(): string {
    return serverNameOf(this.userId);
  }

  /** Pending invitations, newest first. */
  invitations(): readonly InvitationSummary[] {
    return this.#client
      .getRooms()
      .filter((room) => room.getMyMembership() === MEMBERSHIP_INVITE)
      .flatMap((room) => {
        const myMember = room.getMember(this.userId);
        const inviteEvent = myMember?.events.member;
        const inviterUserId = inviteEvent?.getSender();
        if (inviterUserId === undefined || inviteEvent === undefined) return [];
        const inviter = room.getMember(inviterUserId);
        const content = inviteEvent.getContent<{ is_direct?: unknown }>();
        return [
          {
            roomId: room.roomId,
            inviterUserId,
            inviterDisplayName: inviter === null ? undefined : displayNameAsSent(inviter),
            invitedAt: inviteEvent.getTs(),
            isDirect: content.is_direct === true,
            roomName: stringOrUndefined(
              room
                .getLiveTimeline()
                .getState(EventTimeline.FORWARDS)
                ?.getStateEvents(EventType.RoomName, "")
                ?.getContent<{ name?: unknown }>().name,
            ),
          },
        ];
      })
      .sort((a, b) => b.invitedAt - a.invitedAt);
  }

  /** Every room this account is invited to or in, as plain facts. */
  rooms(): readonly RoomSnapshot[] {
    const direct = this.#directRoomIds();
    return this.#client
      .getRooms()
      .filter(
        (room) =>
          room.getMyMembership() === MEMBERSHIP_JOIN ||
          room.getMyMembership() === MEMBERSHIP_INVITE,
      )
      .map((room) => this.#roomSnapshot(room, direct));
  }

  /** One room's facts; undefined when this account is neither invited nor in it. */
  room(roomId: string): RoomSnapshot | undefined {
    const room = this.#client.getRoom(roomId);
    const membership = room?.getMyMembership();
    if (!room || (membership !== MEMBERSHIP_JOIN && membership !== MEMBERSHIP_INVITE)) {
      return undefined;
    }
    return this.#roomSnapshot(room, this.#directRoomIds());
  }

  /** Records that this account chose to see these people in this room. */
  async acceptMembers(roomId: string, userIds: readonly string[]): Promise<void> {
    const room = this.#client.getRoom(roomId);
    const known = acceptedMembersOf(room?.getAccountData(ACCEPTED_MEMBERS_EVENT)?.getContent());
    const all = [...new Set([...known, ...userIds])];
    if (all.length === known.length) return;
    await this.#client.setRoomAccountData(roomId, ACCEPTED_MEMBERS_EVENT, { userIds: all });
  }

  #directRoomIds(): ReadonlySet<string> {
    const direct =
      this.#client.getAccountData(EventType.Direct)?.getContent<Record<string, string[]>>() ?? {};
    return new Set(Object.values(direct).flat());
  }

  #roomSnapshot(room: Room, directRoomIds: ReadonlySet<string>): RoomSnapshot {
    const state = room.getLiveTimeline().getState(EventTimeline.FORWARDS);
    const membership = room.getMyMembership() === MEMBERSHIP_INVITE ? "invite" : "join";
    const myEvent = room.getMember(this.userId)?.events.member;
    const createEvent = state?.getStateEvents(EventType.RoomCreate, "");
    const creatorUserId =
      stringOrUndefined(createEvent?.getContent()["creator"]) ?? createEvent?.getSender();
    const setBy = (type: EventType, key: "name" | "topic"): SetBy | undefined => {
      const event = state?.getStateEvents(type, "");
      const value = stringOrUndefined(event?.getContent()[key]);
      const sender = event?.getSender();
      return value === undefined || value.trim() === "" || sender === undefined
        ? undefined
        : { value, setBy: sender };
    };
    const members: RoomMemberSnapshot[] = [];
    const everyone = new Set<string>();
    for (const member of room.getMembers()) {
      everyone.add(member.userId);
      if (member.userId === this.userId) continue;
      if (member.membership !== MEMBERSHIP_JOIN && member.membership !== MEMBERSHIP_INVITE)
        continue;
      const since = member.events.member?.getTs();
      members.push({
        userId: member.userId,
        displayName: displayNameAsSent(member),
        membership: member.membership === MEMBERSHIP_JOIN ? "join" : "invite",
        since: since === undefined || since <= 0 ? undefined : since,
      });
    }
    const inviterUserId = membership === "invite" ? myEvent?.getSender() : undefined;
    const isDirect =
      directRoomIds.has(room.roomId) ||
      (membership === "invite" && myEvent?.getContent()["is_direct"] === true);
    return {
      roomId: room.roomId,
      membership,
      isDirect,
      isSpace: room.isSpaceRoom(),
      encrypted: room.hasEncryptionStateEvent(),
      inviterUserId,
      invitedAt: membership === "invite" ? myEvent?.getTs() : undefined,
      inviteReason:
        membership === "invite" ? stringOrUndefined(myEvent?.getContent()["reason"]) : undefined,
      creatorUserId,
      createdAt: createEvent && createEvent.getTs() > 0 ? createEvent.getTs() : undefined,
      joinedAt: membership === "join" ? myEvent?.getTs() : undefined,
      name: setBy(EventType.RoomName, "name"),
      topic: setBy(EventType.RoomTopic, "topic"),
      avatarSetBy: state?.getStateEvents(EventType.RoomAvatar, "")?.getSender(),
      members,
      // Joined: the whole state is here. Invited: only if the server shared the creator's membership.
      membersKnown:
        membership === "join" || (creatorUserId !== undefined && everyone.has(creatorUserId)),
      acceptedMembers: acceptedMembersOf(room.getAccountData(ACCEPTED_MEMBERS_EVENT)?.getContent()),
      lastActivityTs: room.getLastActiveTimestamp(),
      unreadCount: room.getUnreadNotificationCount(NotificationCountType.Total),
    };
  }

  /**
   * People with whom this account has an accepted direct chat that both
   * joined: the client's definition of "a contact".
   */
  contacts(): readonly ContactSummary[] {
    const direct =
      this.#client.getAccountData(EventType.Direct)?.getContent<Record<string, string[]>>() ?? {};
    return Object.entries(direct).flatMap(([userId, roomIds]) => {
      const room = roomIds
        .map((roomId) => this.#client.getRoom(roomId))
        .find(
          (r) =>
            r?.getMyMembership() === MEMBERSHIP_JOIN &&
            r.getMember(userId)?.membership === MEMBERSHIP_JOIN,
        );
      return room
        ? [{ userId, displayName: contactName(room.getMember(userId)), roomId: room.roomId }]
        : [];
    });
  }

  /** Rooms both this account and the other person have joined. */
  sharedRoomCount(otherUserId: string): number {
    return this.#client
      .getRooms()
      .filter(
        (room) =>
          room.getMyMembership() === MEMBERSHIP_JOIN &&
          room.getMember(otherUserId)?.membership === MEMBERSHIP_JOIN,
      ).length;
  }

  /** The joined direct chat with this person, if there is one (from m.direct). */
  directChatWith(otherUserId: string): string | undefined {
    const direct =
      this.#client.getAccountData(EventType.Direct)?.getContent<Record<string, string[]>>() ?? {};
    return (direct[otherUserId] ?? []).find(
      (roomId) => this.#client.getRoom(roomId)?.getMyMembership() === MEMBERSHIP_JOIN,
    );
  }

  /** Creates an encrypted direct chat with one other person and invites them. */
  async createEncryptedDirectChat(otherUserId: string): Promise<string> {
    const { room_id: roomId } = await this.#client.createRoom({
      preset: Preset.TrustedPrivateChat,
      is_direct: true,
      invite: [otherUserId],
      initial_state: [
        { type: EventType.RoomEncryption, state_key: "", content: { algorithm: MEGOLM } },
      ],
    });
    await this.markAsDirectChat(roomId, otherUserId);
    await this.#recordStartedByMe(roomId, [otherUserId]);
    return roomId;
  }

  /** Creates an encrypted group with a name and invites the others. */
  async createEncryptedGroup(name: string, otherUserIds: readonly string[]): Promise<string> {
    const { room_id: roomId } = await this.#client.createRoom({
      name,
      preset: Preset.PrivateChat,
      invite: [...otherUserIds],
      initial_state: [
        { type: EventType.RoomEncryption, state_key: "", content: { algorithm: MEGOLM } },
      ],
    });
    await this.#recordStartedByMe(roomId, otherUserIds);
    return roomId;
  }

  // The chat exists either way. Without the record its origin reads as "unknown",
  // which the policy engine treats as an accepted request: the protective side.
  // The people this account invited are people it chose to see.
  async #recordStartedByMe(roomId: string, invited: readonly string[]): Promise<void> {
    await this.recordConversationOrigin(roomId, "started-by-me").catch(() => undefined);
    await this.acceptMembers(roomId, invited).catch(() => undefined);
  }

  /** Records in m.direct that this room is the direct chat with that person. */
  async markAsDirectChat(roomId: string, otherUserId: string): Promise<void> {
    const direct: Record<string, string[]> =
      this.#client.getAccountData(EventType.Direct)?.getContent<Record<string, string[]>>() ?? {};
    const rooms = direct[otherUserId] ?? [];
    if (rooms.includes(roomId)) return;
    await this.#client.setAccountData(EventType.Direct, {
      ...direct,
      [otherUserId]: [...rooms, roomId],
    });
  }

  /** How this conversation started, if this account recorded it; undefined if not (or unreadable). */
  conversationOrigin(roomId: string): ConversationOriginRecord | undefined {
    const content: unknown = this.#client
      .getRoom(roomId)
      ?.getAccountData(CONVERSATION_ORIGIN_EVENT)
      ?.getContent();
    return toConversationOrigin(content);
  }

  /** Records how this conversation started, for the standing notices in it. */
  async recordConversationOrigin(
    roomId: string,
    origin: ConversationOriginRecord["origin"],
    acceptedAt: number = Date.now(),
  ): Promise<void> {
    await this.#client.setRoomAccountData(roomId, CONVERSATION_ORIGIN_EVENT, {
      origin,
      acceptedAt,
    });
  }

  /** When this account joined the room (its membership event); undefined when not joined. */
  joinedAt(roomId: string): number | undefined {
    const room = this.#client.getRoom(roomId);
    if (room?.getMyMembership() !== MEMBERSHIP_JOIN) return undefined;
    return room.getMember(this.userId)?.events.member?.getTs();
  }

  /** Invites someone into a room this account is in. */
  async inviteToRoom(roomId: string, userId: string): Promise<void> {
    await this.#client.invite(roomId, userId);
  }

  /**
   * Joins, and returns once this device has synced the join: the server
   * accepts a join before the device knows the room's state, and a message
   * sent in between cannot be encrypted ("unconfigured room"). Bounded: after
   * `syncTimeoutMs` it returns anyway (the room then appears on a later sync).
   */
  async join(roomId: string, syncTimeoutMs = 15_000): Promise<void> {
    await this.#client.joinRoom(roomId);
    await this.#untilSynced(
      () => this.#client.getRoom(roomId)?.getMyMembership() === MEMBERSHIP_JOIN,
      syncTimeoutMs,
    );
  }

  /** Resolves when `done()` holds after a sync or a membership change, or after the timeout. */
  async #untilSynced(done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return;
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (!done()) return;
        finish();
      };
      const finish = (): void => {
        clearTimeout(timer);
        this.#client.off(ClientEvent.Sync, check);
        this.#client.off(RoomEvent.MyMembership, check);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.#client.on(ClientEvent.Sync, check);
      this.#client.on(RoomEvent.MyMembership, check);
    });
  }

  /** Sends a text message; refuses a room that is not encrypted (we never send plaintext). */
  async sendText(roomId: string, body: string): Promise<string> {
    if (!this.#client.getRoom(roomId)?.hasEncryptionStateEvent()) {
      throw new Error("refusing to send into a room without end-to-end encryption");
    }
    const { event_id: eventId } = await this.#client.sendMessage(roomId, {
      msgtype: MsgType.Text,
      body,
    });
    return eventId;
  }

  stop(): void {
    this.#client.stopClient();
    this.#listeners.clear();
  }

  /** Signs out on the server and deletes this user's local stores. */
  async signOut(): Promise<void> {
    // Keys of the newest messages may not be in the key backup yet; the stores go below.
    await this.waitForKeyBackup().catch(() => "timed-out");
    try {
      await this.#client.logout(true);
    } finally {
      this.#client.stopClient();
      await this.#client.clearStores({ cryptoDatabasePrefix: `sbd-${this.userId}-crypto` });
      this.#listeners.clear();
    }
  }

  // --- Key backup: old messages stay readable after signing in again ---------
  // The logic is in keyBackup.ts (docs/key-backup.md); these only delegate.

  /** Whether a recovery key protects this account's key backup, and whether this device has it. */
  recoveryStatus(): Promise<keyBackup.RecoveryStatus> {
    return keyBackup.recoveryStatus(this.#client);
  }

  /** Makes a new recovery key and key backup; the key is returned once, to show to the person. */
  setUpRecovery(options?: keyBackup.SetUpRecoveryOptions): Promise<keyBackup.SetUpRecoveryResult> {
    return keyBackup.setUpRecovery(this.#client, options);
  }

  /** Unlocks the key backup with the typed recovery key; old messages become readable. */
  restoreWithRecoveryKey(input: string): Promise<keyBackup.RestoreResult> {
    return keyBackup.restoreWithRecoveryKey(this.#client, input);
  }

  /** Waits (bounded) until every key on this device is in the backup; signOut does this first. */
  waitForKeyBackup(timeoutMs = 15_000): Promise<keyBackup.KeyBackupUploadState> {
    return keyBackup.waitForKeyBackup(this.#client, timeoutMs);
  }

  // --- end of key backup ---------------------------------------------------

  /**
   * Olm-encrypted to-device messages, for the age exchange (age/ageExchange.ts).
   * The first handler also receives what arrived during the first sync.
   */
  readonly toDevice: ToDeviceTransport = {
    send: async (userId, type, content) => {
      const crypto = this.#client.getCrypto();
      if (crypto === undefined) throw new Error("end-to-end encryption is not running");
      // Strangers share no room yet, so their devices may not be tracked (trackDevices.ts).
      await trackDevicesOf(crypto, userId);
      const deviceMap = await crypto.getUserDeviceInfo([userId]);
      const devices = [...(deviceMap.get(userId)?.keys() ?? [])].map((deviceId) => ({
        userId,
        deviceId,
      }));
      if (devices.length === 0) return 0;
      await this.#client.queueToDevice(
        await crypto.encryptToDeviceMessages(type, devices, content),
      );
      return devices.length;
    },
    onEncrypted: (handler) => {
      this.#toDeviceHandlers.add(handler);
      const backlog = this.#toDeviceBacklog ?? [];
      this.#toDeviceBacklog = undefined;
      for (const message of backlog) handler(message);
      return () => this.#toDeviceHandlers.delete(handler);
    },
  };

  /** This account's display name, as its profile says (what "Find people" registers). */
  async ownDisplayName(): Promise<string | undefined> {
    // No name set is an error answer (404): then there is no name to show.
    const profile = await this.#client.getProfileInfo(this.userId).catch(() => undefined);
    return typeof profile?.displayname === "string" ? profile.displayname : undefined;
  }

  /** This account's discovery opt-ins (user account data); both off unless set. */
  discoverySettings(): DiscoverySettings {
    const content: unknown = this.#client.getAccountData(DISCOVERY_SETTINGS_EVENT)?.getContent();
    const value = (typeof content === "object" && content !== null ? content : {}) as Record<
      string,
      unknown
    >;
    return {
      findableByPeers: value["findableByPeers"] === true,
      suggestedToPeers: value["suggestedToPeers"] === true,
    };
  }

  /**
   * Saves the opt-ins (user account data). Being findable is a registration
   * with the discovery gatekeeper (policy/discovery.ts), never a room.
   */
  async setDiscoverySettings(settings: DiscoverySettings): Promise<void> {
    await this.#client.setAccountData(DISCOVERY_SETTINGS_EVENT, { ...settings });
  }

  /** A Matrix OpenID token: proves this user ID to a third party (the age provider), nothing more. */
  async openIdToken(): Promise<OpenIdToken> {
    const token = await this.#client.getOpenIdToken();
    return { access_token: token.access_token, matrix_server_name: token.matrix_server_name };
  }

  #listen(): void {
    this.#client.on(ClientEvent.ReceivedToDeviceMessage, ({ message, encryptionInfo }) => {
      // Only what Olm decrypted, from the user the decryption authenticated.
      if (encryptionInfo === null || encryptionInfo.sender !== message.sender) return;
      const received: EncryptedToDeviceMessage = {
        type: message.type,
        sender: message.sender,
        content: message.content,
      };
      if (this.#toDeviceBacklog !== undefined) {
        if (this.#toDeviceBacklog.length < MAX_TO_DEVICE_BACKLOG)
          this.#toDeviceBacklog.push(received);
        return;
      }
      for (const handler of this.#toDeviceHandlers) handler(received);
    });
    const changed = (): void => {
      this.#scheduleRecompute();
    };
    this.#client.on(ClientEvent.Sync, (state: string) => {
      this.#syncState = state === "ERROR" || state === "RECONNECTING" ? "offline" : "syncing";
      changed();
    });
    this.#client.on(ClientEvent.Room, changed);
    this.#client.on(RoomEvent.Timeline, changed);
    this.#client.on(RoomEvent.MyMembership, changed);
    this.#client.on(RoomEvent.Name, changed);
    this.#client.on(RoomEvent.Receipt, changed);
    this.#client.on(MatrixEventEvent.Decrypted, changed);
    this.#client.on(RoomEvent.LocalEchoUpdated, changed);
    this.#client.on(RoomMemberEvent.Name, changed);
    this.#client.on(RoomMemberEvent.Membership, changed);
    this.#client.on(ClientEvent.AccountData, changed);
    this.#client.on(RoomEvent.AccountData, changed);
  }

  // Many SDK events arrive in one burst per sync: coalesce them into one snapshot.
  #scheduleRecompute(): void {
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    queueMicrotask(() => {
      this.#notifyScheduled = false;
      this.#recompute();
    });
  }

  #recompute(): void {
    this.#chats = this.#client
      .getRooms()
      .filter(
        (room) =>
          room.getMyMembership() === MEMBERSHIP_JOIN ||
          room.getMyMembership() === MEMBERSHIP_INVITE,
      )
      .map((room) => toChatSummary(room, this.userId))
      .sort((a, b) => b.lastActivityTs - a.lastActivityTs);
    for (const listener of this.#listeners) listener();
  }
}

function toChatSummary(room: Room, myUserId: string): ChatSummary {
  const membership = room.getMyMembership() === MEMBERSHIP_INVITE ? "invite" : "join";
  const inviteEvent = room.getMember(myUserId)?.events.member;
  return {
    roomId: room.roomId,
    name: room.name,
    membership,
    encrypted: room.hasEncryptionStateEvent(),
    lastActivityTs: room.getLastActiveTimestamp(),
    unreadCount: room.getUnreadNotificationCount(NotificationCountType.Total),
    inviterUserId: membership === "invite" ? inviteEvent?.getSender() : undefined,
  };
}

/**
 * The display name exactly as its owner set it. The SDK's `rawDisplayName`
 * already drops direction overrides, which turns a name drawn as "Lotte" into
 * plain "ettol": the policy layer must judge what was sent, and clean it
 * itself (displayNames.ts), so a bidi trick is both stripped and flagged.
 */
function displayNameAsSent(member: RoomMember): string | undefined {
  const sent: unknown = member.events.member?.getContent()["displayname"];
  if (typeof sent === "string" && sent.trim() !== "") return sent;
  return member.rawDisplayName === member.userId ? undefined : member.rawDisplayName;
}

function contactName(member: RoomMember | null): string | undefined {
  return member === null ? undefined : displayNameAsSent(member);
}

function acceptedMembersOf(content: unknown): readonly string[] {
  if (typeof content !== "object" || content === null) return [];
  const userIds = (content as Record<string, unknown>)["userIds"];
  return Array.isArray(userIds) ? userIds.filter((id): id is string => typeof id === "string") : [];
}

function toConversationOrigin(content: unknown): ConversationOriginRecord | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  const { origin, acceptedAt } = content as Record<string, unknown>;
  if (origin !== "accepted-request" && origin !== "started-by-me" && origin !== "in-person")
    return undefined;
  if (typeof acceptedAt !== "number" || !Number.isFinite(acceptedAt)) return undefined;
  return { origin, acceptedAt };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function serverNameOf(userId: string): string {
  return userId.slice(userId.indexOf(":") + 1);
}

function toMembership(membership: string | undefined): MemberSummary["membership"] | undefined {
  return membership === "join" ||
    membership === "invite" ||
    membership === "leave" ||
    membership === "ban"
    ? membership
    : undefined;
}

function sendStateOf(event: MatrixEvent): TimelineMessage["sendState"] {
  const status = event.status;
  if (status === null || status === EventStatus.SENT) return "sent";
  if (status === EventStatus.NOT_SENT || status === EventStatus.CANCELLED) return "failed";
  return "sending";
}

function toTimelineMessage(
  event: MatrixEvent,
  encryptedRoom: boolean,
): TimelineMessage | undefined {
  const eventId = event.getId() ?? event.getTxnId();
  const sender = event.getSender();
  if (eventId === undefined || sender === undefined) return undefined;
  // Still being decrypted: it will appear when the Decrypted event fires.
  if (event.isBeingDecrypted()) return undefined;
  if (event.isDecryptionFailure()) {
    return {
      eventId,
      sender,
      timestamp: event.getTs(),
      kind: "undecryptable",
      body: "",
      sendState: "sent",
    };
  }
  if (event.getType() !== (EventType.RoomMessage as string)) return undefined;
  if (encryptedRoom && !event.isEncrypted() && event.status === null) {
    return {
      eventId,
      sender,
      timestamp: event.getTs(),
      kind: "not-encrypted",
      body: "",
      sendState: "sent",
    };
  }
  // The event as its sender sent it: the SDK would show an edit's text in place
  // of the original, even a plaintext edit injected into an encrypted room. An
  // edit shows as its own message, judged like any other.
  const body: unknown = event.getOriginalContent()["body"];
  return {
    eventId,
    sender,
    timestamp: event.getTs(),
    kind: "text",
    body: typeof body === "string" ? body : "",
    sendState: sendStateOf(event),
  };
}
