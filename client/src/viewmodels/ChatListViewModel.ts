// View model of the chat list: the accepted conversations of a running
// session, newest first, as plain rows the view renders.

import type { ChatSummary, SyncState } from "../matrix/chatSession.ts";
import { ViewModel } from "./ViewModel.ts";

/** What the chat list needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ChatListSource = {
  readonly userId: string;
  readonly chats: readonly ChatSummary[];
  readonly syncState: SyncState;
  subscribe(listener: () => void): () => void;
};

export type ChatListActions = {
  readonly signOut: () => Promise<void>;
  readonly open: (roomId: string) => void;
};

export type ChatRow = {
  readonly roomId: string;
  readonly name: string;
  readonly unreadCount: number;
  readonly lastActivityTs: number;
};

export type ChatListSnapshot = {
  readonly userId: string;
  readonly offline: boolean;
  readonly chats: readonly ChatRow[];
};

export class ChatListViewModel extends ViewModel<ChatListSnapshot> {
  readonly #source: ChatListSource;
  readonly #actions: ChatListActions;

  constructor(source: ChatListSource, actions: ChatListActions) {
    super(snapshotOf(source));
    this.#source = source;
    this.#actions = actions;
    this.onDispose(
      source.subscribe(() => {
        this.update(snapshotOf(source));
      }),
    );
  }

  readonly signOut = async (): Promise<void> => {
    await this.#actions.signOut();
  };

  readonly open = (roomId: string): void => {
    this.#actions.open(roomId);
  };

  get userId(): string {
    return this.#source.userId;
  }
}

function snapshotOf(source: ChatListSource): ChatListSnapshot {
  return {
    userId: source.userId,
    offline: source.syncState === "offline",
    // Invites are requests, not chats: the Requests list (and the policy
    // engine's incoming-contact decision) decides where they appear.
    chats: source.chats
      .filter((chat) => chat.membership === "join")
      .map((chat) => ({
        roomId: chat.roomId,
        name: chat.name,
        unreadCount: chat.unreadCount,
        lastActivityTs: chat.lastActivityTs,
      })),
  };
}
