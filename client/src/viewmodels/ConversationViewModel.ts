// View model of one conversation: its messages as rows ready to render, the
// composer, and the actions on it (send, retry, load older, leave, block).

import type { ConversationSnapshot, TimelineMessage } from "../matrix/chatSession.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type { ConversationReminderViewModel } from "./ConversationReminderViewModel.ts";
import type { ReportSubject } from "./ReportSheetViewModel.ts";
import { ViewModel } from "./ViewModel.ts";

/** What a conversation needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ConversationSource = {
  readonly userId: string;
  conversation(roomId: string): ConversationSnapshot | undefined;
  subscribe(listener: () => void): () => void;
  sendText(roomId: string, body: string): Promise<string>;
  retry(roomId: string, localId: string): Promise<void>;
  loadOlder(roomId: string): Promise<boolean>;
  markRead(roomId: string): Promise<void>;
  leave(roomId: string): Promise<void>;
  block(userId: string): Promise<void>;
};

export type MessageRow = {
  readonly id: string;
  /** For "undecryptable" rows: how many unreadable messages in a row this stands for. */
  readonly count: number;
  readonly mine: boolean;
  /** Who wrote it, disambiguated (with the Matrix ID when a name could mislead). */
  readonly senderLabel: string;
  readonly body: string;
  readonly kind: TimelineMessage["kind"];
  readonly sendState: TimelineMessage["sendState"];
  readonly timestamp: number;
};

export type ConversationViewSnapshot = {
  readonly roomId: string;
  readonly title: string;
  readonly found: boolean;
  readonly rows: readonly MessageRow[];
  readonly draft: string;
  readonly canLoadOlder: boolean;
  readonly loadingOlder: boolean;
  /** The other people in a direct chat, for block. */
  readonly others: readonly { readonly userId: string; readonly label: string }[];
  readonly notice: MessageKey | undefined;
};

export class ConversationViewModel extends ViewModel<ConversationViewSnapshot> {
  readonly #source: ConversationSource;
  readonly #roomId: string;
  readonly #onClosed: () => void;
  readonly #openReport: (subject: ReportSubject) => void;
  #draft = "";
  #loadingOlder = false;
  #notice: MessageKey | undefined;
  #lastReadId: string | undefined;

  /** The engine's standing notices at the top; owned (and disposed) by this view model. */
  readonly reminder: ConversationReminderViewModel | undefined;

  constructor(
    source: ConversationSource,
    roomId: string,
    onClosed: () => void,
    reminder?: ConversationReminderViewModel,
    /** Opens the report sheet (the app owns it, so it outlives this screen). */
    openReport?: (subject: ReportSubject) => void,
  ) {
    super(emptySnapshot(roomId));
    this.#source = source;
    this.#roomId = roomId;
    this.#onClosed = onClosed;
    this.#openReport = openReport ?? (() => undefined);
    this.reminder = reminder;
    if (reminder !== undefined)
      this.onDispose(() => {
        reminder.dispose();
      });
    this.#refresh();
    this.onDispose(
      source.subscribe(() => {
        this.#refresh();
      }),
    );
  }

  readonly setDraft = (draft: string): void => {
    this.#draft = draft;
    this.#refresh();
  };

  /** Sends the draft. A failure leaves the message in the list as "failed", with retry. */
  readonly send = async (): Promise<void> => {
    const body = this.#draft.trim();
    if (body === "") return;
    this.#draft = "";
    this.#refresh();
    try {
      await this.#source.sendText(this.#roomId, body);
    } catch {
      // The SDK keeps the unsent message (state "failed"); it is shown with a retry button.
      this.#refresh();
    }
  };

  readonly retry = async (localId: string): Promise<void> => {
    try {
      await this.#source.retry(this.#roomId, localId);
    } catch {
      this.#refresh();
    }
  };

  readonly loadOlder = async (): Promise<void> => {
    if (this.#loadingOlder) return;
    this.#loadingOlder = true;
    this.#refresh();
    try {
      await this.#source.loadOlder(this.#roomId);
    } catch {
      this.#notice = "conversation.loadOlderFailed";
    } finally {
      this.#loadingOlder = false;
      this.#refresh();
    }
  };

  readonly leave = async (): Promise<void> => {
    await this.#source.leave(this.#roomId);
    this.reminder?.chosen("leave");
    this.#onClosed();
  };

  readonly block = async (userId: string): Promise<void> => {
    await this.#source.block(userId);
    await this.#source.leave(this.#roomId);
    this.reminder?.chosen("block");
    this.#onClosed();
  };

  readonly close = (): void => {
    this.#onClosed();
  };

  /** Report: opens the sheet that shows what will be shared, with one button to send. */
  readonly reportMessage = (eventId: string): void => {
    this.#openReport({ kind: "message", roomId: this.#roomId, eventId });
  };

  readonly reportPerson = (userId: string): void => {
    this.#openReport({ kind: "profile", roomId: this.#roomId, userId });
  };

  #refresh(): void {
    const conversation = this.#source.conversation(this.#roomId);
    if (conversation === undefined) {
      this.update({ ...emptySnapshot(this.#roomId), draft: this.#draft });
      return;
    }
    const labels = new Map(conversation.members.map((m) => [m.userId, m.label]));
    const rows = collapseUnreadable(
      conversation.messages.map((m) => ({
        id: m.eventId,
        count: 1,
        mine: m.sender === this.#source.userId,
        senderLabel: labels.get(m.sender) ?? m.sender,
        body: m.body,
        kind: m.kind,
        sendState: m.sendState,
        timestamp: m.timestamp,
      })),
    );
    this.update({
      roomId: this.#roomId,
      title: conversation.name,
      found: true,
      rows,
      draft: this.#draft,
      canLoadOlder: conversation.canLoadOlder,
      loadingOlder: this.#loadingOlder,
      others: conversation.members
        .filter((m) => m.userId !== this.#source.userId && m.membership !== "leave")
        .map((m) => ({ userId: m.userId, label: m.label })),
      notice: this.#notice,
    });
    this.#markReadIfNew(rows);
  }

  #markReadIfNew(rows: readonly MessageRow[]): void {
    const newest = rows.findLast((r) => r.sendState === "sent");
    if (newest === undefined || newest.id === this.#lastReadId) return;
    this.#lastReadId = newest.id;
    // A failed receipt only leaves the unread count standing; nothing to show.
    this.#source.markRead(this.#roomId).catch(() => undefined);
  }
}

/**
 * Unreadable messages come in runs (everything sent before this device
 * existed); one calm row per run says it once instead of many times.
 */
export function collapseUnreadable(rows: readonly MessageRow[]): readonly MessageRow[] {
  const collapsed: MessageRow[] = [];
  for (const row of rows) {
    const previous = collapsed.at(-1);
    if (row.kind === "undecryptable" && previous?.kind === "undecryptable") {
      collapsed[collapsed.length - 1] = {
        ...previous,
        count: previous.count + 1,
        timestamp: row.timestamp,
      };
    } else {
      collapsed.push(row);
    }
  }
  return collapsed;
}

function emptySnapshot(roomId: string): ConversationViewSnapshot {
  return {
    roomId,
    title: "",
    found: false,
    rows: [],
    draft: "",
    canLoadOlder: false,
    loadingOlder: false,
    others: [],
    notice: undefined,
  };
}
