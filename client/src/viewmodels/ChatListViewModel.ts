// View model of the home screen: accepted conversations (Chats) and the
// invitations the policy engine places as requests (Requests). Where each
// invitation appears is the engine's incoming-contact decision, asked through
// the policy gateway; this file only sorts decisions into the two lists.

import type { IncomingContactDecision } from "@safety-by-design/policy-engine";
import type { ChatSummary, InvitationSummary, SyncState } from "../matrix/chatSession.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import { assertNever } from "./assertNever.ts";
import { ViewModel } from "./ViewModel.ts";

/** What the home screen needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ChatListSource = {
  readonly userId: string;
  readonly chats: readonly ChatSummary[];
  readonly syncState: SyncState;
  invitations(): readonly InvitationSummary[];
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
  readonly name: string;
  readonly unreadCount: number;
  readonly lastActivityTs: number;
};

/** An invitation the engine presents as a normal chat (e.g. from a contact). */
export type InvitationRow = {
  readonly roomId: string;
  readonly inviterUserId: string;
  readonly inviterName: string;
  /** A group's name; undefined for a direct chat. */
  readonly groupName: string | undefined;
};

export type RequestRow = {
  readonly roomId: string;
  readonly inviterUserId: string;
  readonly inviterName: string | undefined;
  readonly invitedAt: number;
  /** "filtered": held aside, preview hidden. */
  readonly presentation: "request" | "filtered";
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
  /** This account may open the moderation screen (it is a server admin). */
  readonly canModerate: boolean;
};

export class ChatListViewModel extends ViewModel<ChatListSnapshot> {
  readonly #source: ChatListSource;
  readonly #gateway: PolicyGateway;
  readonly #actions: ChatListActions;
  #tab: HomeTab = "chats";
  #canModerate = false;

  constructor(
    source: ChatListSource,
    gateway: PolicyGateway,
    actions: ChatListActions,
    tab: HomeTab = "chats",
  ) {
    super(snapshotOf(source, gateway, tab));
    this.#source = source;
    this.#gateway = gateway;
    this.#actions = actions;
    this.#tab = tab;
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
      ...snapshotOf(this.#source, this.#gateway, this.#tab),
      canModerate: this.#canModerate,
    });
  }
}

function snapshotOf(
  source: ChatListSource,
  gateway: PolicyGateway,
  tab: HomeTab,
): ChatListSnapshot {
  const invitations: InvitationRow[] = [];
  const requests: RequestRow[] = [];
  let policyFailedClosed = false;
  for (const invitation of source.invitations()) {
    const decision: IncomingContactDecision = gateway.presentInvitation(invitation);
    policyFailedClosed ||= decision.failedClosed;
    const name = invitation.inviterDisplayName;
    switch (decision.effect) {
      case "normal":
        invitations.push({
          roomId: invitation.roomId,
          inviterUserId: invitation.inviterUserId,
          inviterName: name ?? invitation.inviterUserId,
          groupName: invitation.isDirect ? undefined : invitation.roomName,
        });
        break;
      case "request":
      case "filtered":
        requests.push({
          roomId: invitation.roomId,
          inviterUserId: invitation.inviterUserId,
          inviterName: name,
          invitedAt: invitation.invitedAt,
          presentation: decision.effect,
        });
        break;
      case "declined":
        // Declined on this device by the policy layer's enforcement; never listed.
        break;
      default:
        assertNever(decision.effect);
    }
  }
  return {
    userId: source.userId,
    offline: source.syncState === "offline",
    tab,
    chats: source.chats
      .filter((chat) => chat.membership === "join")
      .map((chat) => ({
        roomId: chat.roomId,
        name: chat.name,
        unreadCount: chat.unreadCount,
        lastActivityTs: chat.lastActivityTs,
      })),
    invitations,
    requests,
    policyFailedClosed: policyFailedClosed || gateway.engine.problems.length > 0,
    controlArm: gateway.engine.pack.purpose === "control-arm",
    canModerate: false,
  };
}
