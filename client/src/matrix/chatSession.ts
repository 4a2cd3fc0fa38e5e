// Matrix layer: one running, end-to-end encrypted Matrix session.
// (Over 400 lines: it is the layer's one facade, ~45 short documented methods; the logic is beside it.)
//
// This is the only class that holds a MatrixClient; everything above it sees
// the plain types of sessionTypes.ts, never an SDK type. It composes the
// modules beside it: sessionClient (the client and its stores), roomSnapshots
// (rooms as facts), roomTimeline (messages, and the gap a limited sync
// leaves), roomMembership, conversationOrigins, discoverySettings,
// toDeviceTransport, keyBackup and sdkLogging. It is loaded with a dynamic
// import after sign-in, so the SDK and the crypto WASM stay out of the
// sign-in screen's bundle.

// First, before the SDK loads: some SDK modules bind their logging methods then (sdkLogging.ts).
import { setSdkLogLevel } from "./sdkLogging.ts";
import {
  ClientEvent,
  EventStatus,
  HttpApiEvent,
  MatrixEventEvent,
  MsgType,
  PendingEventOrdering,
  RoomEvent,
  RoomMemberEvent,
  type MatrixClient,
} from "matrix-js-sdk";
import type { ToDeviceTransport } from "../age/ageExchange.ts";
import type { OpenIdToken } from "../age/wallet.ts";
import * as conversationOrigins from "./conversationOrigins.ts";
import { declinedRequestMessages } from "./declinedRequestMessages.ts";
import * as discovery from "./discoverySettings.ts";
import * as keyBackup from "./keyBackup.ts";
import { waitForKeyBackup, type KeyBackupUploadState } from "./keyBackupUploads.ts";
import { downloadMedia, MediaDownloadError } from "./mediaDownload.ts";
import type { DownloadedMedia, MediaPart } from "./mediaTypes.ts";
import { mediaEventContent, uploadEncrypted } from "./mediaUpload.ts";
import * as roomMembership from "./roomMembership.ts";
import {
  contactsOf,
  conversationMembers,
  directChatWith,
  directRoomIds,
  invitationsOf,
  joinedOrInvited,
  MEMBERSHIP_INVITE,
  MEMBERSHIP_JOIN,
  sharedRoomCount,
  toChatSummary,
  toRoomSnapshot,
} from "./roomSnapshots.ts";
import {
  hasOlderHistory,
  lastTimelineMessage,
  loadOlder,
  timelineMessages,
  TimelineGaps,
} from "./roomTimeline.ts";
import {
  storeRoomSettingsBesideSync,
  type RoomEncryptionSettings,
} from "./roomEncryptionSettings.ts";
import { createSessionClient, storePrefix, type ChatSessionOptions } from "./sessionClient.ts";
import type {
  ChatSummary,
  ContactSummary,
  ConversationOriginRecord,
  ConversationSnapshot,
  DiscoverySettings,
  InvitationSummary,
  RoomSnapshot,
  SyncState,
  TimelineMessage,
} from "./sessionTypes.ts";
import type { OutgoingMedia } from "../media/outgoingMedia.ts";
import type { SessionCredentials } from "./signIn.ts";
import { SignedOutElsewhereError } from "./signedOutElsewhere.ts";
import { createToDeviceTransport } from "./toDeviceTransport.ts";

export type { ChatSessionOptions } from "./sessionClient.ts";

/** The shortest pause between two times listeners are told of changes. */
const RECOMPUTE_PAUSE_MS = 50;

export class ChatSession {
  readonly userId: string;
  readonly #client: MatrixClient;
  readonly #listeners = new Set<() => void>();
  /** `chats`, worked out when asked after a change (the app never asks: only tools do). */
  #chats: readonly ChatSummary[] | undefined;
  #syncState: SyncState = "starting";
  /** The homeserver refused this device's token (M_UNKNOWN_TOKEN): see signedOutElsewhere. */
  #signedOutElsewhere = false;
  #notifyScheduled = false;
  /** Until when listeners are not told again (performance.now()): see #scheduleRecompute. */
  #quietUntil = 0;
  readonly #exhaustedHistory = new Set<string>();
  readonly #gaps: TimelineGaps;
  /** Each room's encryption settings, stored beside the sync; sends wait for theirs. */
  readonly #roomEncryption: RoomEncryptionSettings;

  /**
   * Olm-encrypted to-device messages, for the age exchange (age/ageExchange.ts).
   * The first handler also receives what arrived during the first sync.
   */
  readonly toDevice: ToDeviceTransport;

  private constructor(client: MatrixClient, userId: string) {
    this.#client = client;
    this.userId = userId;
    this.toDevice = createToDeviceTransport(client);
    this.#roomEncryption = storeRoomSettingsBesideSync(client.getCrypto());
    this.#gaps = new TimelineGaps(client, () => {
      this.#scheduleRecompute();
    });
  }

  /** Starts the client with Rust crypto and resolves after the first sync. */
  static async start(
    credentials: SessionCredentials,
    options: ChatSessionOptions,
  ): Promise<ChatSession> {
    setSdkLogLevel(options.sdkLogLevel ?? "warn");
    options.onStage?.("keys");
    const client = await createSessionClient(credentials, options);
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
      // A remembered device signed out while the app was closed: the first
      // sync is refused, and would otherwise be waited for for ever.
      client.once(HttpApiEvent.SessionLoggedOut, () => {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      });
    });
    options.onStage?.("sync");
    await client.startClient({
      // A new device's first sync brings each chat's newest 10 events: enough
      // for the chat list's last message and a first screen of the chat; older
      // ones load when scrolled to (ui/useLoadOlderAtTop.ts). Each event of
      // that sync is processed before anything shows: with 30, an account of
      // 1,000 chats spent about 0.5 s more on them (docs/performance.md).
      initialSyncLimit: 10,
      // Every member of every room is judged (complete mediation), so the
      // device needs them all, not only those who wrote recently.
      lazyLoadMembers: false,
      // Our own unsent messages stay apart from the timeline until the server
      // has them, so a failed one can be shown and retried in place.
      pendingEventOrdering: PendingEventOrdering.Detached,
    });
    await firstSync;
    if (session.#signedOutElsewhere) {
      await session.forget();
      throw new SignedOutElsewhereError();
    }
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

  get syncState(): SyncState {
    return this.#syncState;
  }

  /**
   * True once the homeserver refused this device's token (401 M_UNKNOWN_TOKEN,
   * the SDK's "Session.logged_out"): the device was signed out elsewhere
   * ("sign out everywhere", an admin, a classroom's new QR code). The session
   * has stopped; its listeners are told once. A soft logout (an expired
   * token, `soft_logout: true`, only with refresh tokens, which this app does
   * not ask for) counts the same: a fresh sign-in makes a new device either way.
   */
  get signedOutElsewhere(): boolean {
    return this.#signedOutElsewhere;
  }

  // --- Rooms as facts --------------------------------------------------------
  // The app reads rooms()/room() (the policy layer's decision store and
  // on-device enforcement). `chats` and invitations() are narrower, older
  // views of the same rooms, read only by the tools (scenario runner, demo
  // seeding), the integration tests and e2e helpers, which wait on them.

  /** Every room this account is invited to or in, as plain facts. */
  rooms(): readonly RoomSnapshot[] {
    const direct = directRoomIds(this.#client);
    return joinedOrInvited(this.#client).map((room) => toRoomSnapshot(room, this.userId, direct));
  }

  /** One room's facts; undefined when this account is neither invited nor in it. */
  room(roomId: string): RoomSnapshot | undefined {
    const room = this.#client.getRoom(roomId);
    const membership = room?.getMyMembership();
    if (!room || (membership !== MEMBERSHIP_JOIN && membership !== MEMBERSHIP_INVITE)) {
      return undefined;
    }
    return toRoomSnapshot(room, this.userId, directRoomIds(this.#client));
  }

  /** Joined and invited rooms, most recently active first (a view of rooms() for tools and tests). */
  get chats(): readonly ChatSummary[] {
    this.#chats ??= joinedOrInvited(this.#client)
      .map((room) => toChatSummary(room, this.userId))
      .sort((a, b) => b.lastActivityTs - a.lastActivityTs);
    return this.#chats;
  }

  /** Pending invitations, newest first (a view of rooms() for tools and tests). */
  invitations(): readonly InvitationSummary[] {
    return invitationsOf(this.#client, this.userId);
  }

  /**
   * People with whom this account has an accepted direct chat that both
   * joined: the client's definition of "a contact".
   */
  contacts(): readonly ContactSummary[] {
    return contactsOf(this.#client);
  }

  /** Rooms both this account and the other person have joined. */
  sharedRoomCount(otherUserId: string): number {
    return sharedRoomCount(this.#client, otherUserId);
  }

  /** The joined direct chat with this person, if there is one (from m.direct). */
  directChatWith(otherUserId: string): string | undefined {
    return directChatWith(this.#client, otherUserId);
  }

  /** When this account joined the room (its membership event); undefined when not joined. */
  joinedAt(roomId: string): number | undefined {
    const room = this.#client.getRoom(roomId);
    if (room?.getMyMembership() !== MEMBERSHIP_JOIN) return undefined;
    return room.getMember(this.userId)?.events.member?.getTs();
  }

  /** Records that this account chose to see these people in this room. */
  async acceptMembers(roomId: string, userIds: readonly string[]): Promise<void> {
    await conversationOrigins.acceptMembers(this.#client, roomId, userIds);
  }

  /** How this conversation started, if this account recorded it; undefined if not (or unreadable). */
  conversationOrigin(roomId: string): ConversationOriginRecord | undefined {
    return conversationOrigins.conversationOrigin(this.#client, roomId);
  }

  /** Records how this conversation started, for the standing notices in it. */
  async recordConversationOrigin(
    roomId: string,
    origin: ConversationOriginRecord["origin"],
    acceptedAt: number = Date.now(),
  ): Promise<void> {
    await conversationOrigins.recordConversationOrigin(this.#client, roomId, origin, acceptedAt);
  }

  // --- A conversation --------------------------------------------------------

  /** Readable messages of a room, oldest first, then our own unsent ones. */
  messages(roomId: string): readonly TimelineMessage[] {
    const room = this.#client.getRoom(roomId);
    return room === null ? [] : timelineMessages(room);
  }

  /** The newest readable message of a room (for the chat list's preview); undefined if none. */
  lastMessage(roomId: string): TimelineMessage | undefined {
    const room = this.#client.getRoom(roomId);
    return room === null ? undefined : lastTimelineMessage(room);
  }

  /** Everything a conversation screen shows; undefined for an unknown room. */
  conversation(roomId: string): ConversationSnapshot | undefined {
    const room = this.#client.getRoom(roomId);
    if (room === null) return undefined;
    return {
      roomId,
      name: room.name,
      encrypted: room.hasEncryptionStateEvent(),
      members: conversationMembers(room),
      messages: timelineMessages(room),
      canLoadOlder: !this.#exhaustedHistory.has(roomId) && hasOlderHistory(room),
    };
  }

  /** Loads older messages from the server; resolves false when there are none. */
  async loadOlder(roomId: string, limit = 30): Promise<boolean> {
    const room = this.#client.getRoom(roomId);
    if (room === null) return false;
    const more = await loadOlder(this.#client, room, limit);
    if (!more) this.#exhaustedHistory.add(roomId);
    this.#scheduleRecompute();
    return more;
  }

  /** Sends a read receipt for the newest message, which clears the unread count. */
  async markRead(roomId: string): Promise<void> {
    const room = this.#client.getRoom(roomId);
    // Only in a room the person is in, for an event the server has: the server
    // refuses (403) a receipt for an event the person may not see, such as one
    // after they left or in a room they are only invited to.
    if (room?.getMyMembership() !== MEMBERSHIP_JOIN) return;
    const newest = room
      .getLiveTimeline()
      .getEvents()
      .findLast((event) => event.getId()?.startsWith("$") === true && event.status === null);
    if (newest !== undefined) await this.#client.sendReadReceipt(newest);
  }

  /** Sends a text message; refuses a room that is not encrypted (we never send plaintext). */
  async sendText(roomId: string, body: string): Promise<string> {
    if (!this.#client.getRoom(roomId)?.hasEncryptionStateEvent()) {
      throw new Error("refusing to send into a room without end-to-end encryption");
    }
    await this.#roomEncryption.settled(roomId);
    const { event_id: eventId } = await this.#client.sendMessage(roomId, {
      msgtype: MsgType.Text,
      body,
    });
    return eventId;
  }

  /**
   * Uploads an attachment's ciphertext (media/mediaOutbox.ts prepared and
   * encrypted it); resolves to its mxc URI. Aborting `signal` stops it.
   */
  uploadMedia(
    ciphertext: Uint8Array<ArrayBuffer>,
    onProgress: (loaded: number) => void,
    signal: AbortSignal,
  ): Promise<string> {
    return uploadEncrypted(this.#client, ciphertext, onProgress, signal);
  }

  /**
   * Sends an uploaded image or file (`m.image`/`m.file` with EncryptedFile v2);
   * refuses a room that is not encrypted. The same `txnId` is the same event
   * to the homeserver, so the outbox's retry never sends it twice. A failed
   * send leaves no SDK copy behind: the outbox, which retries it, is the one
   * place an unsent attachment lives.
   */
  async sendMedia(roomId: string, media: OutgoingMedia, txnId: string): Promise<string> {
    const room = this.#client.getRoom(roomId);
    if (!room?.hasEncryptionStateEvent()) {
      throw new Error("refusing to send into a room without end-to-end encryption");
    }
    try {
      await this.#roomEncryption.settled(roomId);
      const { event_id: eventId } = await this.#client.sendMessage(
        roomId,
        mediaEventContent(media),
        txnId,
      );
      return eventId;
    } catch (error) {
      const echo = room.getPendingEvents().find((event) => event.getTxnId() === txnId);
      if (echo !== undefined && echo.status === EventStatus.NOT_SENT) {
        this.#client.cancelPendingEvent(echo);
      }
      throw error;
    }
  }

  /** Takes a sent message back (a redaction); the others' devices may have kept a copy. */
  async redact(roomId: string, eventId: string): Promise<void> {
    await this.#client.redactEvent(roomId, eventId);
  }

  /** Sends a failed message again. */
  async retry(roomId: string, localId: string): Promise<void> {
    const room = this.#client.getRoom(roomId);
    const event = room?.getPendingEvents().find((e) => (e.getId() ?? e.getTxnId()) === localId);
    if (!room || event === undefined) return;
    await this.#roomEncryption.settled(roomId);
    await this.#client.resendEvent(event, room);
  }

  /**
   * Downloads and decrypts an image's preview or a file, for the layers above
   * once the engine's decision (and for a stranger's, the person's tap)
   * allows it. The keys stay in this layer (mediaDownload.ts); a message whose
   * media has a problem is refused (MediaDownloadError "refused"), never fetched.
   */
  async downloadMedia(roomId: string, eventId: string, part: MediaPart): Promise<DownloadedMedia> {
    const room = this.#client.getRoom(roomId);
    if (room === null) throw new MediaDownloadError("refused");
    return downloadMedia(this.#client, room, eventId, part);
  }

  // --- Starting, joining, leaving --------------------------------------------

  /** Creates an encrypted direct chat with one other person and invites them. */
  createEncryptedDirectChat(otherUserId: string): Promise<string> {
    return roomMembership.createEncryptedDirectChat(this.#client, otherUserId);
  }

  /** Creates an encrypted group with a name and invites the others. */
  createEncryptedGroup(name: string, otherUserIds: readonly string[]): Promise<string> {
    return roomMembership.createEncryptedGroup(this.#client, name, otherUserIds);
  }

  /** Records in m.direct that this room is the direct chat with that person. */
  markAsDirectChat(roomId: string, otherUserId: string): Promise<void> {
    return roomMembership.markAsDirectChat(this.#client, roomId, otherUserId);
  }

  /** Invites someone into a room this account is in. */
  async inviteToRoom(roomId: string, userId: string): Promise<void> {
    await this.#client.invite(roomId, userId);
  }

  /**
   * Joins, and returns once this device has synced the join, so a message
   * sent right after is encrypted for the room (roomMembership.ts). Bounded:
   * after `syncTimeoutMs` it returns anyway.
   */
  join(roomId: string, syncTimeoutMs = 15_000): Promise<void> {
    return roomMembership.joinAndSync(this.#client, roomId, syncTimeoutMs);
  }

  /** Leaves a conversation, or declines an invitation (the same call in Matrix). */
  async leave(roomId: string): Promise<void> {
    await this.#client.leave(roomId);
  }

  /**
   * The messages of a request this account declined without reading them,
   * decrypted on this device, for a report that seals them (the report sheet
   * never shows them). Call after `leave`, before `block`: the homeserver
   * hides a blocked person's messages.
   */
  async declinedRequestMessages(roomId: string): Promise<readonly TimelineMessage[]> {
    return declinedRequestMessages(this.#client, roomId);
  }

  /** Blocks a person: their messages and invitations no longer reach this account. */
  async block(userId: string): Promise<void> {
    const ignored = this.#client.getIgnoredUsers();
    if (!ignored.includes(userId)) await this.#client.setIgnoredUsers([...ignored, userId]);
  }

  /** Unblocks a person: what they send reaches this account again (from now on). */
  async unblock(userId: string): Promise<void> {
    const ignored = this.#client.getIgnoredUsers();
    if (ignored.includes(userId)) {
      await this.#client.setIgnoredUsers(ignored.filter((ignoredId) => ignoredId !== userId));
    }
  }

  /** Whom this account blocked (Matrix's ignored users). */
  get blockedUsers(): readonly string[] {
    return this.#client.getIgnoredUsers();
  }

  /** The homeserver this account lives on (the part after the colon). */
  get serverName(): string {
    return serverNameOf(this.userId);
  }

  // --- The account -----------------------------------------------------------

  /** This account's display name, as its profile says (what "Find people" registers). */
  ownDisplayName(): Promise<string | undefined> {
    return discovery.ownDisplayName(this.#client);
  }

  /** This account's discovery opt-ins (user account data); both off unless set. */
  discoverySettings(): DiscoverySettings {
    return discovery.discoverySettings(this.#client);
  }

  /**
   * Saves the opt-ins (user account data). Being findable is a registration
   * with the discovery gatekeeper (policy/discovery.ts), never a room.
   */
  setDiscoverySettings(settings: DiscoverySettings): Promise<void> {
    return discovery.setDiscoverySettings(this.#client, settings);
  }

  /** A Matrix OpenID token: proves this user ID to a third party (the age provider), nothing more. */
  async openIdToken(): Promise<OpenIdToken> {
    const token = await this.#client.getOpenIdToken();
    return { access_token: token.access_token, matrix_server_name: token.matrix_server_name };
  }

  // --- Key backup: old messages stay readable after signing in again ---------
  // The logic is in keyBackup.ts and keyBackupUploads.ts (docs/key-backup.md); these only delegate.

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
  waitForKeyBackup(timeoutMs = 15_000): Promise<KeyBackupUploadState> {
    return waitForKeyBackup(this.#client, timeoutMs);
  }

  // --- Stopping ----------------------------------------------------------------

  stop(): void {
    this.#client.stopClient();
    this.#listeners.clear();
    this.#gaps.clear();
  }

  /**
   * After the device was signed out elsewhere: stops and deletes this user's
   * local stores (sync and crypto), asking the server nothing (it refuses
   * this token). A new sign-in is a new device, which needs a fresh crypto store.
   */
  async forget(): Promise<void> {
    this.#client.stopClient();
    this.#gaps.clear();
    await this.#client.clearStores({
      cryptoDatabasePrefix: `${storePrefix(this.userId)}-crypto`,
    });
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
      this.#gaps.clear();
      await this.#client.clearStores({
        cryptoDatabasePrefix: `${storePrefix(this.userId)}-crypto`,
      });
      this.#listeners.clear();
    }
  }

  // --- Keeping listeners up to date --------------------------------------------

  #listen(): void {
    const changed = (): void => {
      this.#scheduleRecompute();
    };
    this.#client.on(ClientEvent.Sync, (state: string) => {
      this.#syncState = state === "ERROR" || state === "RECONNECTING" ? "offline" : "syncing";
      // A gap whose filling the network broke off is filled once it is back.
      if (state === "SYNCING") this.#gaps.retry();
      changed();
    });
    // Signed out elsewhere: every request would be refused from now on.
    this.#client.on(HttpApiEvent.SessionLoggedOut, () => {
      if (this.#signedOutElsewhere) return;
      this.#signedOutElsewhere = true;
      this.#client.stopClient();
      changed();
    });
    // A limited sync left a gap before the newest messages (roomTimeline.ts).
    this.#client.on(RoomEvent.TimelineReset, this.#gaps.onTimelineReset);
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

  // Many SDK events arrive in one burst per sync: coalesce them into one
  // snapshot. After a start, decryptions go on arriving one by one for
  // seconds (each a task of its own): a change after a quiet spell is told at
  // once, but then listeners hear at most once per pause, twice as long as
  // they took last time (at least RECOMPUTE_PAUSE_MS), so the main thread is
  // not kept busy redrawing the chat list per decrypted message and gets to
  // show it (docs/performance.md).
  #scheduleRecompute(): void {
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    const run = (): void => {
      this.#notifyScheduled = false;
      this.#recompute();
    };
    const wait = this.#quietUntil - performance.now();
    if (wait <= 0) queueMicrotask(run);
    else setTimeout(run, wait);
  }

  #recompute(): void {
    // Worked out again only if asked: during a large first sync this ran for
    // every room added, over all rooms so far (docs/performance.md).
    this.#chats = undefined;
    const started = performance.now();
    for (const listener of this.#listeners) listener();
    const took = performance.now() - started;
    this.#quietUntil = performance.now() + Math.max(RECOMPUTE_PAUSE_MS, 2 * took);
  }
}

export function serverNameOf(userId: string): string {
  return userId.slice(userId.indexOf(":") + 1);
}
