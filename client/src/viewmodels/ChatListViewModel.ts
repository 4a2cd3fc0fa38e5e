// View model of the home screen: accepted conversations (Chats) and the
// (Over 400 lines: the list's sections (chats, requests, held aside) share one pass over the rooms' decisions.)
// invitations the policy engine places as requests (Requests). Where each
// invitation appears, and what of each room's name and people may show, is
// the room decision in the session's decision store; this file only sorts
// decisions into the two lists. A chat's row reads like the apps people know
// (initials, the last message, its time, the unread count), and the last
// message's words show only where the room decision shows the chat normally
// and shows its sender (previewOf).

import type { SyncState, TimelineMessage } from "../matrix/sessionTypes.ts";
import type { PolicyGateway } from "../policy/policyGateway.ts";
import type {
  MediatedName,
  MediatedRoom,
  RoomDecisionStore,
  RoomTitle,
} from "../policy/roomDecisionStore.ts";
import { assertNever } from "./assertNever.ts";
import { roomAvatar, type AvatarView } from "./avatar.ts";
import { dayLabel, nextMidnight } from "./conversationTimeline.ts";
import { wakeAtWithTimers, type WakeAt } from "./ConversationReminderViewModel.ts";
import { ViewModel } from "./ViewModel.ts";
import type { ReportOutcomes } from "../reporting/reportOutcomes.ts";

/** What the home screen needs of a session; the Matrix layer's ChatSession satisfies it. */
export type ChatListSource = {
  readonly userId: string;
  readonly syncState: SyncState;
  /** People this account blocked (their chats are marked). */
  readonly blockedUsers: readonly string[];
  subscribe(listener: () => void): () => void;
  join(roomId: string): Promise<void>;
  /** A room's newest readable message, for the row's preview and time. */
  lastMessage(roomId: string): TimelineMessage | undefined;
};

/** The time, and a wake-up at a given time (the rows' times change at midnight). */
export type ChatListClock = {
  readonly now: () => number;
  readonly wakeAt: WakeAt;
};

export type ChatListActions = {
  readonly open: (roomId: string) => void;
  readonly openRequest: (roomId: string) => void;
  readonly startNewChat: () => void;
  readonly startNewGroup: () => void;
  /** "Find people"; absent when this session cannot search (no device protection). */
  readonly findPeople?: (() => void) | undefined;
  /** The moderation screen, shown as an entry only once `isAvailable` says yes (server admins). */
  readonly moderation?:
    { readonly isAvailable: () => Promise<boolean>; readonly open: () => void } | undefined;
  /** The settings screen (language, being findable, the rules, theme, notifications, sign-out). */
  readonly openSettings?: (() => void) | undefined;
  /**
   * The outcomes of this device's reports (issue 18): the settings entry shows
   * how many came back unseen, until "Mijn meldingen" was opened.
   */
  readonly outcomes?: Pick<ReportOutcomes, "getSnapshot" | "subscribe"> | undefined;
};

/**
 * The last message under a chat's name. "text": its first line, from "me",
 * from a named member of a group, or (`from` undefined) from the other person
 * of a direct chat; "kept-back": written by someone whose messages the chat
 * does not show (nothing of it appears); "unreadable": its keys have not
 * arrived; "none": no message yet.
 */
export type ChatPreview =
  | { readonly kind: "none" }
  | {
      readonly kind: "text";
      readonly text: string;
      readonly from: "me" | MediatedName | undefined;
    }
  | { readonly kind: "kept-back" }
  | { readonly kind: "unreadable" }
  /** Everyone else left: said as that, never who or why. */
  | { readonly kind: "alone" };

/** When a chat was last active, as a chat list says it; the view words it in its language. */
export type ActivityLabel =
  /** Today: the time ("14:05"). */
  | { readonly kind: "time"; readonly timestamp: number }
  | { readonly kind: "yesterday" }
  /** Longer ago: the date, with the year when it is not this year. */
  | { readonly kind: "date"; readonly timestamp: number; readonly withYear: boolean };

export type ChatRow = {
  readonly roomId: string;
  readonly title: RoomTitle;
  readonly avatar: AvatarView;
  readonly preview: ChatPreview;
  /** undefined when the room shows no time (nothing happened in it that has one). */
  readonly activity: ActivityLabel | undefined;
  readonly unreadCount: number;
  /** The last message's time, or the room's last activity when it has none: the list's order. */
  readonly lastActivityTs: number;
  /** A direct chat with someone this account blocked. */
  readonly blocked: boolean;
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
  /** "Find people" is offered (this session has device protection to search with). */
  readonly canFindPeople: boolean;
  /** A settings entry is offered. */
  readonly canOpenSettings: boolean;
  /** Outcomes of this device's reports not yet seen in "Mijn meldingen" (the count on the settings entry). */
  readonly newOutcomes: number;
};

/** What the home screen's view may ask for. */
export type ChatListViewActions = {
  readonly showTab: (tab: HomeTab) => void;
  readonly open: (roomId: string) => void;
  readonly openRequest: (roomId: string) => void;
  readonly acceptInvitation: (roomId: string) => Promise<void>;
  readonly startNewChat: () => void;
  readonly startNewGroup: () => void;
  readonly findPeople: () => void;
  readonly openModeration: () => void;
  readonly openSettings: () => void;
};

export class ChatListViewModel extends ViewModel<ChatListSnapshot> implements ChatListViewActions {
  readonly #source: ChatListSource;
  readonly #gateway: PolicyGateway;
  readonly #rooms: RoomDecisionStore;
  readonly #actions: ChatListActions;
  #tab: HomeTab = "chats";
  #canModerate = false;
  readonly #studyAssignmentIgnored: boolean;
  readonly #clock: ChatListClock;
  #midnight: { readonly time: number; readonly cancel: () => void } | undefined;
  /** The session's sync state and blocked people as last shown (sessionStateOf). */
  #sessionState = "";
  /** Each chat's row as last shown, with what it read as. */
  readonly #rowsShown = new Map<string, { readonly key: string; readonly row: ChatRow }>();

  constructor(
    source: ChatListSource,
    gateway: PolicyGateway,
    rooms: RoomDecisionStore,
    actions: ChatListActions,
    tab: HomeTab = "chats",
    studyAssignmentIgnored = false,
    clock: ChatListClock = { now: Date.now, wakeAt: wakeAtWithTimers() },
  ) {
    super({
      ...snapshotOf(source, gateway, rooms, tab, clock.now()),
      studyAssignmentIgnored,
      canFindPeople: actions.findPeople !== undefined,
      canOpenSettings: actions.openSettings !== undefined,
      newOutcomes: actions.outcomes?.getSnapshot().unseen ?? 0,
    });
    this.#studyAssignmentIgnored = studyAssignmentIgnored;
    this.#sessionState = sessionStateOf(source);
    for (const row of this.getSnapshot().chats) this.#sameAsBefore(row);
    this.#source = source;
    this.#gateway = gateway;
    this.#rooms = rooms;
    this.#actions = actions;
    this.#tab = tab;
    this.#clock = clock;
    this.#wakeAtMidnight();
    this.onDispose(() => {
      this.#midnight?.cancel();
      this.#midnight = undefined;
    });
    // The store recomputes on every session change, then tells us; sync state
    // and who is blocked come from the session. A session change that leaves
    // those as they were is the store's to report: a list of a thousand chats
    // is not rebuilt twice per sync (docs/performance.md).
    this.onDispose(
      rooms.subscribe(() => {
        this.#refresh();
      }),
    );
    this.onDispose(
      source.subscribe(() => {
        if (sessionStateOf(source) !== this.#sessionState) this.#refresh();
      }),
    );
    if (actions.outcomes !== undefined) {
      const outcomes = actions.outcomes;
      this.onDispose(
        outcomes.subscribe(() => {
          if (outcomes.getSnapshot().unseen !== this.getSnapshot().newOutcomes) this.#refresh();
        }),
      );
    }
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

  readonly findPeople = (): void => {
    this.#actions.findPeople?.();
  };

  readonly openSettings = (): void => {
    this.#actions.openSettings?.();
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
    this.#sessionState = sessionStateOf(this.#source);
    const next = snapshotOf(this.#source, this.#gateway, this.#rooms, this.#tab, this.#clock.now());
    this.update({
      ...next,
      // A row that reads as before stays the same object, so the view redraws only rows that changed.
      chats: next.chats.map((row) => this.#sameAsBefore(row)),
      canModerate: this.#canModerate,
      studyAssignmentIgnored: this.#studyAssignmentIgnored,
      canFindPeople: this.#actions.findPeople !== undefined,
      canOpenSettings: this.#actions.openSettings !== undefined,
      newOutcomes: this.#actions.outcomes?.getSnapshot().unseen ?? 0,
    });
  }

  /** The row shown before for this chat when it reads the same, else this one (kept for next time). */
  #sameAsBefore(row: ChatRow): ChatRow {
    const key = JSON.stringify(row);
    const before = this.#rowsShown.get(row.roomId);
    if (before?.key === key) return before.row;
    this.#rowsShown.set(row.roomId, { key, row });
    return row;
  }

  /** "Today" becomes "yesterday" at midnight: the rows' times are worded again then. */
  #wakeAtMidnight(): void {
    const time = nextMidnight(this.#clock.now());
    if (this.#midnight?.time === time) return;
    this.#midnight?.cancel();
    this.#midnight = {
      time,
      cancel: this.#clock.wakeAt(time, () => {
        this.#midnight = undefined;
        this.#refresh();
        this.#wakeAtMidnight();
      }),
    };
  }
}

/**
 * What a row shows of the last message, from the room decision: nothing of
 * a room the engine does not show as a normal chat (a request, an overview,
 * a room held aside), and nothing but "kept back" of a message by someone
 * whose content the decision does not show (a stranger on request or
 * hidden, someone no longer in the room, a message sent unencrypted).
 */
export function previewOf(
  room: MediatedRoom,
  last: TimelineMessage | undefined,
  myUserId: string,
): ChatPreview {
  const others = room.members.filter((m) => m.membership === "join" || m.membership === "invite");
  if (room.membership === "join" && others.length === 0) return { kind: "alone" };
  if (last === undefined || room.decision.effect !== "normal") return { kind: "none" };
  const mine = last.sender === myUserId;
  const member = mine ? undefined : room.members.find((m) => m.userId === last.sender);
  const content = mine ? "shown" : (member?.content ?? "hidden");
  if (content !== "shown" || last.kind === "not-encrypted") return { kind: "kept-back" };
  if (last.kind === "undecryptable") return { kind: "unreadable" };
  return {
    kind: "text",
    text: firstLine(last.body),
    from: mine ? "me" : room.isDirect ? undefined : member?.name,
  };
}

/** The first line that has text, trimmed (the view cuts it to the row's width). */
function firstLine(body: string): string {
  return (
    body
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .find((line) => line !== "") ?? ""
  );
}

export function activityLabel(timestamp: number, now: number): ActivityLabel | undefined {
  if (timestamp <= 0) return undefined;
  const day = dayLabel(timestamp, now);
  switch (day.kind) {
    case "today":
      return { kind: "time", timestamp };
    case "yesterday":
      return { kind: "yesterday" };
    case "weekday":
      return {
        kind: "date",
        timestamp,
        withYear: new Date(timestamp).getFullYear() !== new Date(now).getFullYear(),
      };
    case "date":
      return { kind: "date", timestamp, withYear: day.withYear };
    default:
      return assertNever(day);
  }
}

function chatRow(
  room: MediatedRoom,
  source: ChatListSource,
  blocked: ReadonlySet<string>,
  now: number,
): ChatRow {
  const last = source.lastMessage(room.roomId);
  const lastActivityTs = last?.timestamp ?? room.lastActivityTs;
  const others = room.members.filter((m) => m.membership === "join" || m.membership === "invite");
  return {
    roomId: room.roomId,
    title: room.title,
    avatar: roomAvatar(room.roomId, room.title, room.isDirect),
    preview: previewOf(room, last, source.userId),
    activity: activityLabel(lastActivityTs, now),
    unreadCount: room.unreadCount,
    lastActivityTs,
    blocked: room.isDirect && others.length > 0 && others.every((m) => blocked.has(m.userId)),
  };
}

/** What the list shows straight from the session rather than from the room decisions. */
function sessionStateOf(source: ChatListSource): string {
  return `${source.syncState}\n${source.blockedUsers.join("\n")}`;
}

function snapshotOf(
  source: ChatListSource,
  gateway: PolicyGateway,
  store: RoomDecisionStore,
  tab: HomeTab,
  now: number,
): ChatListSnapshot {
  const chats: ChatRow[] = [];
  const invitations: InvitationRow[] = [];
  const requests: RequestRow[] = [];
  const blocked = new Set(source.blockedUsers);
  let policyFailedClosed = false;
  for (const room of store.rooms()) {
    const decision = room.decision;
    policyFailedClosed ||= decision.failedClosed;
    if (room.membership === "join") {
      chats.push(chatRow(room, source, blocked, now));
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
    canFindPeople: false,
    canOpenSettings: false,
    newOutcomes: 0,
  };
}
