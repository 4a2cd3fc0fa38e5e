// View model of the home screen: accepted conversations (Chats) and the
// invitations the policy engine places as requests (Requests). Where each
// invitation appears, and what of each room's name and people may show, is
// the room decision in the session's decision store; this file only sorts
// decisions into the two lists.

import type { SyncState } from "../matrix/chatSession.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type { MediatedName, RoomDecisionStore, RoomTitle } from "../policy/roomDecisionStore.ts";
import { assertNever } from "./assertNever.ts";
import { ViewModel } from "./ViewModel.ts";

/** What the home screen needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ChatListSource = {
  readonly userId: string;
  readonly syncState: SyncState;
  subscribe(listener: () => void): () => void;
  join(roomId: string): Promise<void>;
};

export type ChatListActions = {
  readonly signOut: () => Promise<void>;
  readonly open: (roomId: string) => void;
  readonly openRequest: (roomId: string) => void;
  readonly startNewChat: () => void;
  readonly startNewGroup: () => void;
  /** "Find people"; absent when this session cannot search (no device protection). */
  readonly findPeople?: (() => void) | undefined;
  /** The moderation screen, shown as an entry only once `isAvailable` says yes (server admins). */
  readonly moderation?:
    { readonly isAvailable: () => Promise<boolean>; readonly open: () => void } | undefined;
};

export type ChatRow = {
  readonly roomId: string;
  readonly title: RoomTitle;
  readonly unreadCount: number;
  readonly lastActivityTs: number;
};

/** An invitation the engine presents as a normal chat (e.g. a friend's group of friends). */
export type InvitationRow = {
  readonly roomId: string;
  readonly inviter: MediatedName;
  /** A group's title; undefined for a direct chat. */
  readonly group: RoomTitle | undefined;
};

export type RequestRow = {
  readonly roomId: string;
  /** Who asked: a neutral label while the engine keeps their name back. */
  readonly inviter: MediatedName;
  readonly isGroup: boolean;
  readonly invitedAt: number;
  /** "overview": the group safety overview; "filtered": held aside, nothing shown. */
  readonly presentation: "request" | "overview" | "filtered";
};

export type HomeTab = "chats" | "requests";

export type ChatListSnapshot = {
  readonly userId: string;
  readonly offline: boolean;
  readonly tab: HomeTab;
  readonly chats: readonly ChatRow[];
  readonly invitations: readonly InvitationRow[];
  readonly requests: readonly RequestRow[];
  /** The safety policy could not be applied: decisions fell back to the most protective answer. */
  readonly policyFailedClosed: boolean;
  /** A pack marked as a control arm (no protection) is in use: shown as a banner. */
  readonly controlArm: boolean;
  /**
   * A study assignment on this device was ignored: this deployment is not
   * configured for studies, so the account runs the production pack (banner).
   */
  readonly studyAssignmentIgnored: boolean;
  /** This account may open the moderation screen (it is a server admin). */
  readonly canModerate: boolean;
};

export class ChatListViewModel extends ViewModel<ChatListSnapshot> {
  readonly #source: ChatListSource;
  readonly #gateway: PolicyGateway;
  readonly #rooms: RoomDecisionStore;
  readonly #actions: ChatListActions;
  #tab: HomeTab = "chats";
  #canModerate = false;
  readonly #studyAssignmentIgnored: boolean;

  constructor(
    source: ChatListSource,
    gateway: PolicyGateway,
    rooms: RoomDecisionStore,
    actions: ChatListActions,
    tab: HomeTab = "chats",
    studyAssignmentIgnored = false,
  ) {
    super({ ...snapshotOf(source, gateway, rooms, tab), studyAssignmentIgnored });
    this.#studyAssignmentIgnored = studyAssignmentIgnored;
    this.#source = source;
    this.#gateway = gateway;
    this.#rooms = rooms;
    this.#actions = actions;
    this.#tab = tab;
    // The store recomputes on every session change, then tells us; sync state comes from the session.
    this.onDispose(
      rooms.subscribe(() => {
        this.#refresh();
      }),
    );
    this.onDispose(
      source.subscribe(() => {
        this.#refresh();
      }),
    );
    let disposed = false;
    this.onDispose(() => {
      disposed = true;
    });
    void actions.moderation?.isAvailable().then(
      (available) => {
        if (disposed || !available) return;
        this.#canModerate = true;
        this.#refresh();
      },
      () => undefined,
    );
  }

  readonly openModeration = (): void => {
    if (this.#canModerate) this.#actions.moderation?.open();
  };

  readonly showTab = (tab: HomeTab): void => {
    this.#tab = tab;
    this.#refresh();
  };

  readonly signOut = async (): Promise<void> => {
    await this.#actions.signOut();
  };

  readonly open = (roomId: string): void => {
    this.#actions.open(roomId);
  };

  readonly openRequest = (roomId: string): void => {
    this.#actions.openRequest(roomId);
  };

  readonly startNewChat = (): void => {
    this.#actions.startNewChat();
  };

  readonly startNewGroup = (): void => {
    this.#actions.startNewGroup();
  };

  get canFindPeople(): boolean {
    return this.#actions.findPeople !== undefined;
  }

  readonly findPeople = (): void => {
    this.#actions.findPeople?.();
  };

  /** Accepts an invitation the engine presents as a normal chat. */
  readonly acceptInvitation = async (roomId: string): Promise<void> => {
    await this.#source.join(roomId);
    this.#actions.open(roomId);
  };

  get userId(): string {
    return this.#source.userId;
  }

  #refresh(): void {
    this.update({
      ...snapshotOf(this.#source, this.#gateway, this.#rooms, this.#tab),
      canModerate: this.#canModerate,
      studyAssignmentIgnored: this.#studyAssignmentIgnored,
    });
  }
}

function snapshotOf(
  source: ChatListSource,
  gateway: PolicyGateway,
  store: RoomDecisionStore,
  tab: HomeTab,
): ChatListSnapshot {
  const chats: ChatRow[] = [];
  const invitations: InvitationRow[] = [];
  const requests: RequestRow[] = [];
  let policyFailedClosed = false;
  for (const room of store.rooms()) {
    const decision = room.decision;
    policyFailedClosed ||= decision.failedClosed;
    if (room.membership === "join") {
      chats.push({
        roomId: room.roomId,
        title: room.title,
        unreadCount: room.unreadCount,
        lastActivityTs: room.lastActivityTs,
      });
      continue;
    }
    const inviter: MediatedName = room.inviter?.name ?? { kind: "unknown", tag: 0 };
    switch (decision.effect) {
      case "normal":
        invitations.push({
          roomId: room.roomId,
          inviter,
          group: room.isDirect ? undefined : room.title,
        });
        break;
      case "overview":
      case "filtered":
        requests.push({
          roomId: room.roomId,
          inviter,
          isGroup: !room.isDirect,
          invitedAt: room.invitedAt ?? 0,
          presentation:
            decision.effect === "filtered" ? "filtered" : room.isDirect ? "request" : "overview",
        });
        break;
      case "declined":
        // Declined on this device by the policy layer's enforcement; never listed.
        break;
      default:
        assertNever(decision.effect);
    }
  }
  chats.sort((a, b) => b.lastActivityTs - a.lastActivityTs);
  requests.sort((a, b) => b.invitedAt - a.invitedAt);
  return {
    userId: source.userId,
    offline: source.syncState === "offline",
    tab,
    chats,
    invitations,
    requests,
    policyFailedClosed: policyFailedClosed || gateway.engine.problems.length > 0,
    controlArm: gateway.engine.pack.purpose === "control-arm",
    canModerate: false,
    studyAssignmentIgnored: false,
  };
}
