// View model of one conversation: its messages as rows ready to render (with
// (Over 400 lines: the conversation is the app's busiest screen; media and attachments already live beside it (conversationMedia.ts, AttachmentViewModel.ts).)
// date lines and runs by the same sender), the composer, and the actions on
// it (send, retry, load older, leave, block, unblock). What each person
// controls (their messages, their name) shows only as the room's decision in
// the session's decision store allows: someone the engine keeps back appears
// as "someone you don't know", their messages as a row the person may open
// (or not, for an 8-12), and someone unknown who joined is announced where
// they appeared, with help. Whom the person blocked is the session's list.

import type { RelationshipClass } from "@safety-by-design/policy-engine";
import type { HelpResourceId } from "../help/resources.ts";
import type { ConversationSnapshot, TimelineMessage } from "../matrix/sessionTypes.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type {
  MediatedName,
  MediatedRoom,
  RoomDecisionStore,
  RoomTitle,
} from "../policy/roomDecisionStore.ts";
import { strangerTag } from "../policy/strangerTag.ts";
import { browserMediaDisplay, noMediaDisplay, type MediaDisplay } from "../media/mediaDisplay.ts";
import {
  wakeAtWithTimers,
  type ConversationReminderViewModel,
  type WakeAt,
} from "./ConversationReminderViewModel.ts";
import {
  ConversationMedia,
  type MediaItem,
  type MediaSource,
  type MediaView,
  type ViewerState,
} from "./conversationMedia.ts";
import type { AttachmentViewModel } from "./AttachmentViewModel.ts";
import { continuesRun, nextMidnight, withDayRows, type DayRow } from "./conversationTimeline.ts";
import type { NoticeView } from "./noticeView.ts";
import type { ReportSubject } from "./ReportSheetViewModel.ts";
import { ViewModel } from "./ViewModel.ts";
import { whyViewOf, type WhyView } from "./whyView.ts";

/** What a conversation needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ConversationSource = MediaSource & {
  readonly userId: string;
  conversation(roomId: string): ConversationSnapshot | undefined;
  subscribe(listener: () => void): () => void;
  sendText(roomId: string, body: string): Promise<string>;
  retry(roomId: string, localId: string): Promise<void>;
  loadOlder(roomId: string): Promise<boolean>;
  markRead(roomId: string): Promise<void>;
  leave(roomId: string): Promise<void>;
  block(userId: string): Promise<void>;
  unblock(userId: string): Promise<void>;
  /** Whom this account blocked (Matrix's ignored users). */
  readonly blockedUsers: readonly string[];
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
  /** On a hidden message: why it is kept back (the room decision's rules); otherwise undefined. */
  readonly why: WhyView | undefined;
  readonly sendState: TimelineMessage["sendState"];
  readonly timestamp: number;
  /**
   * An image or file (`body` is then its name or caption), as the engine's
   * `media` decision allows; undefined for a text message or a kept-back one.
   */
  readonly media: MediaView | undefined;
  /** Its sender took it back (unsend): shown as a short neutral line, never as an empty bubble. */
  readonly withdrawn: boolean;
  /** By the same sender as the message just before, a few minutes apart: one run of bubbles. */
  readonly continues: boolean;
  /** Name the sender above the bubble: the first of a run by someone else, in a group. */
  readonly showSender: boolean;
};

/** Someone unknown joined or was added: announced where it happened, with help. */
export type NewcomerRow = {
  readonly type: "newcomer";
  readonly id: string;
  readonly handle: PersonHandle;
  readonly name: MediatedName;
  readonly relationship: RelationshipClass | null;
  readonly notices: readonly NoticeView[];
  readonly help: readonly HelpResourceId[];
  /** What they write is hidden until the person chooses to see it. */
  readonly canView: boolean;
  /** The person blocked them (since they joined). */
  readonly blocked: boolean;
  /** Why they are announced (the room decision's rules, for the reader's band). */
  readonly why: WhyView;
  readonly timestamp: number;
};

export type TimelineRow = MessageRow | NewcomerRow | DayRow;

/** A picture open full screen: the full picture (fetched on opening) with its message's line. */
export type MediaViewerView = {
  readonly eventId: string;
  readonly state: ViewerState;
  /** The caption; empty when there is none (the body was the file's name). */
  readonly caption: string;
  readonly mine: boolean;
  readonly sender: MediatedName;
  readonly timestamp: number;
};
export type { DayLabel, DayRow } from "./conversationTimeline.ts";

/** Someone else in the conversation, for the menu (block or unblock, report). */
export type OtherPerson = {
  readonly handle: PersonHandle;
  readonly name: MediatedName;
  readonly blocked: boolean;
};

/**
 * What takes the composer's place: "open" is the composer; "blocked": the
 * person blocked everyone else here; "alone": nobody else is in it any more
 * (nothing said about why or where they went).
 */
export type ConversationState =
  | { readonly kind: "open" }
  | { readonly kind: "blocked"; readonly people: readonly OtherPerson[] }
  | { readonly kind: "alone" };

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
  /** The other people in the conversation, for block, unblock and report. */
  readonly others: readonly OtherPerson[];
  readonly state: ConversationState;
  readonly notice: MessageKey | undefined;
  /** A picture open full screen; undefined when none is. */
  readonly viewer: MediaViewerView | undefined;
};

/** The time, and a wake-up at a given time (the date lines change at midnight). */
export type ConversationClock = {
  readonly now: () => number;
  readonly wakeAt: WakeAt;
};

/** What the conversation's view may ask for. */
export type ConversationViewActions = {
  readonly close: () => void;
  readonly setDraft: (draft: string) => void;
  readonly send: () => Promise<void>;
  readonly retry: (localId: string) => Promise<void>;
  readonly loadOlder: () => Promise<void>;
  readonly leave: () => Promise<void>;
  readonly block: (handle: PersonHandle) => Promise<void>;
  readonly unblock: (handle: PersonHandle) => Promise<void>;
  readonly viewMember: (handle: PersonHandle) => Promise<void>;
  readonly reportMessage: (eventId: string) => void;
  readonly reportPerson: (handle: PersonHandle) => void;
  /** Opens this person's profile (ProfileViewModel). */
  readonly openProfile: (handle: PersonHandle) => void;
  /** Tap on an image (fetch it, where the decision offers that) or a file (download it). */
  readonly tapMedia: (eventId: string) => void;
  /** Show a blurred picture as it is. */
  readonly unblurMedia: (eventId: string) => void;
  /** An image's row came on screen, or left it (its memory is freed). */
  readonly mediaVisible: (eventId: string) => void;
  readonly mediaHidden: (eventId: string) => void;
  /** Opens a shown picture full screen (its full picture is fetched then). */
  readonly openMedia: (eventId: string) => void;
  /** Closes the full-screen viewer (its close button, Escape; the browser's back does too). */
  readonly closeMedia: () => void;
};

/** A step in the browser's history (navigation.ts): its back closes what opened it. */
export type OpenStep = (back: () => void) => { readonly leave: () => void };

export class ConversationViewModel
  extends ViewModel<ConversationViewSnapshot>
  implements ConversationViewActions
{
  readonly #source: ConversationSource;
  readonly #rooms: RoomDecisionStore;
  readonly #roomId: string;
  readonly #handles = new PersonHandles();
  readonly #onClosed: () => void;
  readonly #openReport: (subject: ReportSubject) => void;
  readonly #clock: ConversationClock;
  readonly #openProfile: (userId: string) => void;
  #midnight: { readonly time: number; readonly cancel: () => void } | undefined;
  #draft = "";
  #loadingOlder = false;
  #notice: MessageKey | undefined;
  #lastReadId: string | undefined;
  readonly #media: ConversationMedia;
  readonly #openStep: OpenStep;
  /** The viewer's history step, while it is open. */
  #viewerStep: { readonly leave: () => void } | undefined;

  /** The engine's standing notices at the top; owned (and disposed) by this view model. */
  readonly reminder: ConversationReminderViewModel | undefined;

  /** Sending photos and files (preview, think-first, uploads); owned (and disposed) by this view model. */
  readonly attachments: AttachmentViewModel | undefined;

  constructor(
    source: ConversationSource,
    rooms: RoomDecisionStore,
    roomId: string,
    onClosed: () => void,
    reminder?: ConversationReminderViewModel,
    /** Opens the report sheet (the app owns it, so it outlives this screen). */
    openReport?: (subject: ReportSubject) => void,
    clock: ConversationClock = { now: Date.now, wakeAt: wakeAtWithTimers() },
    /** Opens a person's profile, named as this room shows them. */
    openProfile?: (userId: string) => void,
    /** Draws pictures and saves files (the browser's by default; none without a document). */
    mediaDisplay: MediaDisplay = typeof document === "undefined"
      ? noMediaDisplay
      : browserMediaDisplay(document),
    /** Sending photos and files; absent: the composer has no attach button. */
    attachments?: AttachmentViewModel,
    /** One history step per open viewer, so the browser's back closes it; none by default. */
    openStep: OpenStep = () => ({ leave: () => undefined }),
  ) {
    super(emptySnapshot(roomId));
    this.#openStep = openStep;
    this.#media = new ConversationMedia(roomId, source, mediaDisplay, () => {
      this.#refresh();
    });
    this.onDispose(() => {
      this.#media.dispose();
      this.#viewerStep?.leave();
      this.#viewerStep = undefined;
    });
    this.#source = source;
    this.#rooms = rooms;
    this.#roomId = roomId;
    this.#onClosed = onClosed;
    this.#openReport = openReport ?? (() => undefined);
    this.#clock = clock;
    this.#openProfile = openProfile ?? (() => undefined);
    this.onDispose(() => {
      this.#midnight?.cancel();
      this.#midnight = undefined;
    });
    this.reminder = reminder;
    if (reminder !== undefined)
      this.onDispose(() => {
        reminder.dispose();
      });
    this.attachments = attachments;
    if (attachments !== undefined)
      this.onDispose(() => {
        attachments.dispose();
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

  /**
   * Blocks one person and stays: the conversation then says so (and offers
   * to unblock), as WhatsApp and Signal do; leaving is its own choice.
   */
  readonly block = async (handle: PersonHandle): Promise<void> => {
    const userId = this.#handles.userIdOf(handle);
    if (userId === undefined) return;
    try {
      await this.#source.block(userId);
    } catch {
      this.#notice = "conversation.actionFailed";
      this.#refresh();
      return;
    }
    this.reminder?.chosen("block");
  };

  readonly unblock = async (handle: PersonHandle): Promise<void> => {
    const userId = this.#handles.userIdOf(handle);
    if (userId === undefined) return;
    try {
      await this.#source.unblock(userId);
    } catch {
      this.#notice = "conversation.actionFailed";
      this.#refresh();
    }
  };

  readonly close = (): void => {
    this.#onClosed();
  };

  /** Report: opens the sheet that shows what will be shared, with one button to send. */
  readonly reportMessage = (eventId: string): void => {
    this.#openReport({ kind: "message", roomId: this.#roomId, eventId });
  };

  readonly openProfile = (handle: PersonHandle): void => {
    const userId = this.#handles.userIdOf(handle);
    if (userId !== undefined) this.#openProfile(userId);
  };

  readonly tapMedia = (eventId: string): void => {
    this.#media.tap(eventId);
  };

  readonly unblurMedia = (eventId: string): void => {
    this.#media.unblur(eventId);
  };

  readonly mediaVisible = (eventId: string): void => {
    this.#media.visible(eventId);
  };

  readonly mediaHidden = (eventId: string): void => {
    this.#media.hidden(eventId);
  };

  readonly openMedia = (eventId: string): void => {
    if (!this.#media.open(eventId)) return;
    this.#viewerStep ??= this.#openStep(() => {
      this.#viewerStep = undefined;
      this.#media.closeViewer();
    });
  };

  readonly closeMedia = (): void => {
    this.#viewerStep?.leave();
    this.#viewerStep = undefined;
    this.#media.closeViewer();
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
    const blocked = new Set(this.#source.blockedUsers);
    const now = this.#clock.now();
    const media = this.#mediaViews(conversation, room);
    const rows = timelineRows(
      conversation,
      room,
      this.#source.userId,
      this.#handles,
      blocked,
      media,
    );
    const others: OtherPerson[] = room.members
      .filter((member) => member.membership === "join" || member.membership === "invite")
      .map((member) => ({
        handle: this.#handles.of(member.userId),
        name: member.name,
        blocked: blocked.has(member.userId),
      }));
    this.update({
      roomId: this.#roomId,
      title: room.title,
      found: true,
      isGroup: !room.isDirect,
      rows: withDayRows(rows, now),
      draft: this.#draft,
      canLoadOlder: conversation.canLoadOlder,
      loadingOlder: this.#loadingOlder,
      others,
      state:
        others.length === 0
          ? { kind: "alone" }
          : others.every((other) => other.blocked)
            ? { kind: "blocked", people: others }
            : { kind: "open" },
      notice: this.#notice,
      viewer: this.#viewerView(rows),
    });
    this.#markReadIfNew(rows);
    this.#wakeAtMidnight(now);
  }

  /**
   * The images and files that may show (not kept back with their sender),
   * each with the engine's `media` decision for its sender; fetches what
   * became allowed.
   */
  #mediaViews(
    conversation: ConversationSnapshot,
    room: MediatedRoom,
  ): ReadonlyMap<string, MediaView> {
    const myUserId = this.#source.userId;
    const members = new Map(room.members.map((member) => [member.userId, member]));
    const items: MediaItem[] = [];
    for (const message of conversation.messages) {
      if (message.media === undefined || message.kind !== "text") continue;
      const mine = message.sender === myUserId;
      if (!mine && members.get(message.sender)?.content !== "shown") continue;
      items.push({
        eventId: message.eventId,
        media: message.media,
        decision: mine
          ? undefined
          : this.#rooms.incomingMedia(this.#roomId, message.sender, message.media.kind),
        sending: mine && message.sendState !== "sent",
      });
    }
    this.#media.update(items);
    return new Map(
      items.map((item) => [
        item.eventId,
        this.#media.viewOf(
          item,
          item.decision === undefined ? undefined : whyViewOf([item.decision], room.readerBand),
        ),
      ]),
    );
  }

  /** The open picture with its message's caption, sender and time (as the row shows them). */
  #viewerView(rows: readonly (MessageRow | NewcomerRow)[]): MediaViewerView | undefined {
    const open = this.#media.viewer();
    if (open === undefined) {
      // Closed from within (its sender blocked, the message gone): its history step goes too.
      this.#viewerStep?.leave();
      this.#viewerStep = undefined;
      return undefined;
    }
    const row = rows.find((r): r is MessageRow => r.type === "message" && r.id === open.eventId);
    if (row?.media === undefined) return undefined;
    return {
      eventId: open.eventId,
      state: open.state,
      caption: row.body === row.media.name ? "" : row.body,
      mine: row.mine,
      sender: row.sender,
      timestamp: row.timestamp,
    };
  }

  /** "Today" becomes "Yesterday" at midnight, even when nothing else happens. */
  #wakeAtMidnight(now: number): void {
    const time = nextMidnight(now);
    if (time === this.#midnight?.time) return;
    this.#midnight?.cancel();
    this.#midnight = {
      time,
      cancel: this.#clock.wakeAt(time, () => {
        this.#midnight = undefined;
        this.#refresh();
      }),
    };
  }

  #markReadIfNew(rows: readonly (MessageRow | NewcomerRow)[]): void {
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
  blocked: ReadonlySet<string>,
  media: ReadonlyMap<string, MediaView>,
): readonly (MessageRow | NewcomerRow)[] {
  const members = new Map(room.members.map((member) => [member.userId, member]));
  const why = whyViewOf([room.decision], room.readerBand);
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
        why: kept ? why : undefined,
        sendState: message.sendState,
        timestamp: message.timestamp,
        media: kept ? undefined : media.get(message.eventId),
        withdrawn: message.withdrawn === true,
        continues: false,
        showSender: false,
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
      // The room's "someone joined" notice, and a look-alike warning about this person's
      // name where the name shows: beside "someone you don't know" it points at nothing
      // (the decision keeps the name back) and it comes with the name once that shows.
      // Who they are (adult, age unknown) is the relationship label, to keep it short.
      notices: [
        ...room.decision.notices.filter((notice) => notice.id === "stranger-joined"),
        ...(member.name.kind === "name"
          ? member.notices.filter((notice) => notice.id.startsWith("name-resembles"))
          : []),
      ],
      help: room.decision.help,
      canView: member.content === "on-request",
      blocked: blocked.has(member.userId),
      why,
      timestamp: member.since ?? 0,
    }));
  const rows = [...messages, ...newcomers].sort((a, b) => a.timestamp - b.timestamp);
  return inRuns(rows, !room.isDirect);
}

/** Marks runs of messages by the same sender; in a group, the first of a run names them. */
function inRuns(
  rows: readonly (MessageRow | NewcomerRow)[],
  isGroup: boolean,
): readonly (MessageRow | NewcomerRow)[] {
  return rows.map((row, index) => {
    if (row.type !== "message") return row;
    const previous = rows[index - 1];
    const continues = previous?.type === "message" && continuesRun(previous, row);
    const readable = row.kind === "text" || row.kind === "hidden";
    return { ...row, continues, showSender: isGroup && !row.mine && readable && !continues };
  });
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
    state: { kind: "open" },
    notice: undefined,
    viewer: undefined,
  };
}
