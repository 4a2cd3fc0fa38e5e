// View model of what calls the person back while they are elsewhere: the
// unread count in the browser tab's title ("(3) Veilig Chatten") and, when
// they turned notifications on, a notification of each new message while
// the app is hidden. What a notification may show is the room decision's
// (`members[].notification`, from the engine's `room.notifications` per
// band): nothing for a request, a room held aside or anyone whose messages
// the chat keeps back; only "new message" for a minor; the sender's name and
// the first line for an adult. Lives as long as the session.

import type { TimelineMessage } from "../matrix/sessionTypes.ts";
import type { NotificationContent } from "@safety-by-design/policy-engine";
import type { MediatedName, MediatedRoom, RoomDecisionStore } from "../policy/roomDecisionStore.ts";
import { assertNever } from "./assertNever.ts";
import type { DeviceNotification, DeviceNotifications } from "./device.ts";
import { ViewModel } from "./ViewModel.ts";

/** What attention needs of a session; the Matrix layer's ChatSession satisfies it. */
export type AttentionSource = {
  readonly userId: string;
  lastMessage(roomId: string): TimelineMessage | undefined;
};

/** The words a notification may use, in the language shown. */
export type NotificationWords = {
  /** The app's name: the title of a notification that names no one. */
  readonly appName: () => string;
  /** "New message". */
  readonly newMessage: () => string;
};

export type AttentionDependencies = {
  readonly source: AttentionSource;
  readonly rooms: RoomDecisionStore;
  readonly notifications: DeviceNotifications;
  readonly words: NotificationWords;
  /** Opens a conversation (a notification was tapped). */
  readonly open: (roomId: string) => void;
};

export type AttentionSnapshot = {
  /** Unread messages over all chats the person is in. */
  readonly unread: number;
};

export class AttentionViewModel extends ViewModel<AttentionSnapshot> {
  readonly #deps: AttentionDependencies;
  /** The newest message seen per joined room: anything newer is new. */
  readonly #seen = new Map<string, string>();

  constructor(deps: AttentionDependencies) {
    super({ unread: unreadOf(deps.rooms.rooms()) });
    this.#deps = deps;
    // What is there when the session starts was not new to this page: never notified.
    for (const room of deps.rooms.rooms()) this.#remember(room);
    this.onDispose(
      deps.rooms.subscribe(() => {
        this.#changed();
      }),
    );
  }

  #changed(): void {
    const rooms = this.#deps.rooms.rooms();
    for (const room of rooms) {
      if (room.membership !== "join") continue;
      const known = this.#seen.has(room.roomId);
      const previous = this.#seen.get(room.roomId);
      const last = this.#remember(room);
      // A room just joined brings its history: nothing in it is a new message.
      if (!known || last === undefined || last.eventId === previous) continue;
      this.#notify(room, last);
    }
    this.update({ unread: unreadOf(rooms) });
  }

  #remember(room: MediatedRoom): TimelineMessage | undefined {
    if (room.membership !== "join") return undefined;
    const last = this.#deps.source.lastMessage(room.roomId);
    this.#seen.set(room.roomId, last?.eventId ?? "");
    return last;
  }

  #notify(room: MediatedRoom, message: TimelineMessage): void {
    const { notifications, words } = this.#deps;
    if (message.sender === this.#deps.source.userId || message.sendState !== "sent") return;
    if (!notifications.enabled() || notifications.permission() !== "granted") return;
    if (!notifications.hidden()) return;
    const sender = room.members.find((member) => member.userId === message.sender);
    // Someone not (or no longer) in the room is judged by nobody: no notification.
    const allowed = sender?.notification ?? "none";
    const open = (): void => {
      this.#deps.open(room.roomId);
    };
    const shown = notificationOf(allowed, sender?.name, message, room.roomId, words, open);
    if (shown !== undefined) notifications.show(shown);
  }
}

/** The notification the decision allows; undefined for none. */
function notificationOf(
  allowed: NotificationContent,
  sender: MediatedName | undefined,
  message: TimelineMessage,
  roomId: string,
  words: NotificationWords,
  onClick: () => void,
): DeviceNotification | undefined {
  switch (allowed) {
    case "none":
      return undefined;
    case "new-message":
      // One notification that names no one and no chat, replaced by the next.
      return { title: words.appName(), body: words.newMessage(), tag: "new-message", onClick };
    case "sender-and-text":
      return sender?.kind === "name"
        ? {
            title: sender.label,
            body: message.kind === "text" ? firstLine(message.body) : words.newMessage(),
            tag: roomId,
            onClick,
          }
        : { title: words.appName(), body: words.newMessage(), tag: roomId, onClick };
    default:
      return assertNever(allowed);
  }
}

function unreadOf(rooms: readonly MediatedRoom[]): number {
  return rooms
    .filter((room) => room.membership === "join")
    .reduce((total, room) => total + room.unreadCount, 0);
}

/** The first line with text, no longer than a notification shows anyway. */
function firstLine(body: string): string {
  const line =
    body
      .split(/\r?\n/u)
      .map((part) => part.trim())
      .find((part) => part !== "") ?? "";
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
