// View model of one conversation: its messages as rows ready to render, the
// composer, and the actions on it (send, retry, load older, leave, block).
// What each person controls (their messages, their name) shows only as the
// room's decision in the session's decision store allows: someone the engine
// keeps back appears as "someone you don't know", their messages as a row the
// person may open (or not, for an 8-12), and someone unknown who joined is
// announced where they appeared, with help.

import type { HelpResourceId, Notice, RelationshipClass } from "@safety-by-design/policy-engine";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/chatSession.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type {
  MediatedName,
  MediatedRoom,
  RoomDecisionStore,
  RoomTitle,
} from "../policy/roomDecisionStore.ts";
import { strangerTag } from "../policy/strangerTag.ts";
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
  /** The person chose to see what this member writes in this room ("show anyway"). */
  acceptMembers(roomId: string, userIds: readonly string[]): Promise<void>;
};

export type MessageRow = {
  readonly type: "message";
  readonly id: string;
  /** For "undecryptable" rows: how many unreadable messages in a row this stands for. */
  readonly count: number;
  readonly mine: boolean;
  /** Opaque: names the sender for "show anyway" without putting their Matrix ID in the snapshot. */
  readonly senderHandle: PersonHandle;
  /** Who wrote it, as the decision store allows (a neutral label for someone kept back). */
  readonly sender: MediatedName;
  /** Empty unless `kind` is "text". */
  readonly body: string;
  /**
   * "hidden": from someone the engine keeps back (the body never reaches this
   * row); "not-encrypted": sent in the clear into an encrypted room.
   */
  readonly kind: TimelineMessage["kind"] | "hidden";
  /** A hidden message whose sender the person may choose to see. */
  readonly canView: boolean;
  readonly sendState: TimelineMessage["sendState"];
  readonly timestamp: number;
};

/** Someone unknown joined or was added: announced where it happened, with help. */
export type NewcomerRow = {
  readonly type: "newcomer";
  readonly id: string;
  readonly handle: PersonHandle;
  readonly name: MediatedName;
  readonly relationship: RelationshipClass | null;
  readonly notices: readonly Notice[];
  readonly help: readonly HelpResourceId[];
  /** What they write is hidden until the person chooses to see it. */
  readonly canView: boolean;
  readonly timestamp: number;
};

export type TimelineRow = MessageRow | NewcomerRow;

/**
 * A person in this conversation, for actions (block, report, show anyway).
 * Views get handles, never Matrix IDs: an ID can be the message (a stranger
 * can register "@stuur-een-foto:server"), and the view model alone maps back.
 */
export type PersonHandle = string;

export type ConversationViewSnapshot = {
  readonly roomId: string;
  readonly title: RoomTitle;
  readonly found: boolean;
  readonly isGroup: boolean;
  readonly rows: readonly TimelineRow[];
  readonly draft: string;
  readonly canLoadOlder: boolean;
  readonly loadingOlder: boolean;
  /** The other people in the conversation, for block and report. */
  readonly others: readonly { readonly handle: PersonHandle; readonly name: MediatedName }[];
  readonly notice: MessageKey | undefined;
};

export class ConversationViewModel extends ViewModel<ConversationViewSnapshot> {
  readonly #source: ConversationSource;
  readonly #rooms: RoomDecisionStore;
  readonly #roomId: string;
  readonly #handles = new PersonHandles();
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
    rooms: RoomDecisionStore,
    roomId: string,
    onClosed: () => void,
    reminder?: ConversationReminderViewModel,
    /** Opens the report sheet (the app owns it, so it outlives this screen). */
    openReport?: (subject: ReportSubject) => void,
  ) {
    super(emptySnapshot(roomId));
    this.#source = source;
    this.#rooms = rooms;
    this.#roomId = roomId;
    this.#onClosed = onClosed;
    this.#openReport = openReport ?? (() => undefined);
    this.reminder = reminder;
    if (reminder !== undefined)
      this.onDispose(() => {
        reminder.dispose();
      });
    this.#refresh();
    // The store recomputes after every session change and then tells us.
    this.onDispose(
      rooms.subscribe(() => {
        this.#refresh();
      }),
    );
  }

  /** "Show anyway": the person chooses to see what this member writes here. */
  readonly viewMember = async (handle: PersonHandle): Promise<void> => {
    const userId = this.#handles.userIdOf(handle);
    if (userId === undefined) return;
    try {
      await this.#source.acceptMembers(this.#roomId, [userId]);
    } catch {
      this.#notice = "conversation.viewFailed";
      this.#refresh();
    }
  };

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

  readonly block = async (handle: PersonHandle): Promise<void> => {
    const userId = this.#handles.userIdOf(handle);
    if (userId === undefined) return;
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

  readonly reportPerson = (handle: PersonHandle): void => {
    const userId = this.#handles.userIdOf(handle);
    if (userId === undefined) return;
    this.#openReport({ kind: "profile", roomId: this.#roomId, userId });
  };

  #refresh(): void {
    const conversation = this.#source.conversation(this.#roomId);
    const room = this.#rooms.room(this.#roomId);
    if (conversation === undefined || room === undefined) {
      this.update({ ...emptySnapshot(this.#roomId), draft: this.#draft });
      return;
    }
    const rows = timelineRows(conversation, room, this.#source.userId, this.#handles);
    this.update({
      roomId: this.#roomId,
      title: room.title,
      found: true,
      isGroup: !room.isDirect,
      rows,
      draft: this.#draft,
      canLoadOlder: conversation.canLoadOlder,
      loadingOlder: this.#loadingOlder,
      others: room.members
        .filter((member) => member.membership === "join" || member.membership === "invite")
        .map((member) => ({ handle: this.#handles.of(member.userId), name: member.name })),
      notice: this.#notice,
    });
    this.#markReadIfNew(rows);
  }

  #markReadIfNew(rows: readonly TimelineRow[]): void {
    const newest = rows.findLast(
      (r): r is MessageRow => r.type === "message" && r.sendState === "sent",
    );
    if (newest === undefined || newest.id === this.#lastReadId) return;
    this.#lastReadId = newest.id;
    // A failed receipt only leaves the unread count standing; nothing to show.
    this.#source.markRead(this.#roomId).catch(() => undefined);
  }
}

/** Handles for the people of one conversation screen, stable while it is open. */
class PersonHandles {
  readonly #byUserId = new Map<string, PersonHandle>();
  readonly #byHandle = new Map<PersonHandle, string>();

  of(userId: string): PersonHandle {
    let handle = this.#byUserId.get(userId);
    if (handle === undefined) {
      handle = `person-${String(this.#byUserId.size + 1)}`;
      this.#byUserId.set(userId, handle);
      this.#byHandle.set(handle, userId);
    }
    return handle;
  }

  userIdOf(handle: PersonHandle): string | undefined {
    return this.#byHandle.get(handle);
  }
}

/** Messages and newcomers in time order, each as the room's decision allows. */
function timelineRows(
  conversation: ConversationSnapshot,
  room: MediatedRoom,
  myUserId: string,
  handles: PersonHandles,
): readonly TimelineRow[] {
  const members = new Map(room.members.map((member) => [member.userId, member]));
  const messages = collapseUnreadable(
    conversation.messages.map((message): MessageRow => {
      const mine = message.sender === myUserId;
      const member = members.get(message.sender);
      // Someone the store does not know (never a member) is kept back like a stranger.
      const content = mine ? "shown" : (member?.content ?? "hidden");
      const kept = content !== "shown" && message.kind === "text";
      return {
        type: "message",
        id: message.eventId,
        count: 1,
        mine,
        senderHandle: handles.of(message.sender),
        sender: mine
          ? { kind: "name", label: myUserId, userId: myUserId }
          : (member?.name ?? { kind: "unknown", tag: strangerTag(message.sender) }),
        body: kept ? "" : message.body,
        kind: kept ? "hidden" : message.kind,
        canView: kept && content === "on-request",
        sendState: message.sendState,
        timestamp: message.timestamp,
      };
    }),
  );
  const newcomers: NewcomerRow[] = room.members
    .filter((member) => member.announce && member.since !== undefined)
    .map((member) => ({
      type: "newcomer",
      id: `newcomer-${handles.of(member.userId)}-${String(member.since)}`,
      handle: handles.of(member.userId),
      name: member.name,
      relationship: member.relationship,
      // The room's "someone joined" notice, and a look-alike warning about this person;
      // who they are (adult, age unknown) is the relationship label, to keep it short.
      notices: [
        ...room.decision.notices.filter((notice) => notice.id === "stranger-joined"),
        ...member.notices.filter((notice) => notice.id.startsWith("name-resembles")),
      ],
      help: room.decision.help,
      canView: member.content === "on-request",
      timestamp: member.since ?? 0,
    }));
  return [...messages, ...newcomers].sort((a, b) => a.timestamp - b.timestamp);
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
    title: { kind: "people", names: [] },
    found: false,
    isGroup: false,
    rows: [],
    draft: "",
    canLoadOlder: false,
    loadingOlder: false,
    others: [],
    notice: undefined,
  };
}
