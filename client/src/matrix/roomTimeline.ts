// Matrix layer: a room's messages, and the history behind them.
//
// The SDK keeps a room's events in timelines. After a `limited` sync (the
// device was cut off while more happened than one sync returns; the SDK's
// default sync filter sets no limit, so Synapse's default of 10 events
// applies) it starts a new live timeline at the newest events: the events
// from before the cut stay in the old timeline, and what was sent in between
// is only on the server. hydrogen keeps such a gap as a fragment that is
// filled when it scrolls into view; Element's TimelineWindow paginates across
// it on scrolling. A conversation here shows the live timeline without
// scrolling state, so the gap is filled at once: the new live timeline is
// paginated backwards until the SDK links it to the timeline that holds the
// last event seen before the cut. Messages are read across linked timelines,
// so nothing on either side of the former gap disappears.

import {
  EventStatus,
  EventTimeline,
  EventType,
  type EventTimelineSet,
  type MatrixClient,
  type MatrixEvent,
  type Room,
} from "matrix-js-sdk";
import { isMediaMsgtype, readMediaContent } from "./mediaContent.ts";
import type { TimelineMessage } from "./sessionTypes.ts";

/** Events asked for per page when filling a gap. */
const GAP_PAGE_SIZE = 50;
/** A larger gap is filled this far; loadOlder continues from there, as for older history. */
const MAX_GAP_PAGES = 10;

/** Readable messages of a room, oldest first, then our own unsent ones. */
export function timelineMessages(room: Room): readonly TimelineMessage[] {
  const encrypted = room.hasEncryptionStateEvent();
  const events = linkedTimelines(room.getLiveTimeline()).flatMap((timeline) =>
    timeline.getEvents(),
  );
  return [...events, ...room.getPendingEvents()]
    .map((event) => toTimelineMessage(event, encrypted))
    .filter((m): m is TimelineMessage => m !== undefined);
}

/**
 * The newest readable message of a room (our own unsent ones count), for a
 * chat list's preview; undefined when there is none yet. Reads from the end,
 * so a list of many rooms does not convert every room's whole timeline.
 */
export function lastTimelineMessage(room: Room): TimelineMessage | undefined {
  const encrypted = room.hasEncryptionStateEvent();
  const pending = room.getPendingEvents();
  const live = room.getLiveTimeline().getEvents();
  for (const events of [pending, live]) {
    for (let index = events.length - 1; index >= 0; index--) {
      const event = events[index];
      const message = event === undefined ? undefined : toTimelineMessage(event, encrypted);
      if (message !== undefined) return message;
    }
  }
  return undefined;
}

/**
 * Paginates backwards from `timeline` (a live timeline that a limited sync
 * started) until it joins the timeline before the gap, reaches the room's
 * first event, or has fetched MAX_GAP_PAGES pages (loadOlder goes on from
 * there). Rejects when the network fails; then it can be called again.
 */
async function fillGap(client: MatrixClient, timeline: EventTimeline): Promise<void> {
  for (let page = 0; page < MAX_GAP_PAGES && !gapClosed(timeline); page++) {
    await client.paginateEventTimeline(timeline, { backwards: true, limit: GAP_PAGE_SIZE });
  }
}

/**
 * Whether the server holds messages older than the oldest one known: false
 * once the room's creation is loaded or the server gives no token to page
 * back with. (A sync's `prev_batch` is there even at a room's very start, so
 * the token alone would offer "load older" where there is nothing.)
 */
export function hasOlderHistory(room: Room): boolean {
  const oldest = linkedTimelines(room.getLiveTimeline())[0];
  if (oldest?.getPaginationToken(EventTimeline.BACKWARDS) == null) return false;
  return !oldest.getEvents().some((event) => event.getType() === (EventType.RoomCreate as string));
}

/** Loads older messages from the server, before the oldest one known; false when there are none. */
export async function loadOlder(client: MatrixClient, room: Room, limit: number): Promise<boolean> {
  const oldest = linkedTimelines(room.getLiveTimeline())[0];
  if (oldest?.getPaginationToken(EventTimeline.BACKWARDS) == null) return false;
  return client.paginateEventTimeline(oldest, { backwards: true, limit });
}

function gapClosed(timeline: EventTimeline): boolean {
  return (
    timeline.getNeighbouringTimeline(EventTimeline.BACKWARDS) !== null ||
    timeline.getPaginationToken(EventTimeline.BACKWARDS) === null
  );
}

/** The live timeline and those the SDK linked before it, oldest first. */
function linkedTimelines(live: EventTimeline): EventTimeline[] {
  const chain = [live];
  for (
    let previous = live.getNeighbouringTimeline(EventTimeline.BACKWARDS);
    previous !== null && !chain.includes(previous);
    previous = previous.getNeighbouringTimeline(EventTimeline.BACKWARDS)
  ) {
    chain.unshift(previous);
  }
  return chain;
}

function sendStateOf(event: MatrixEvent): TimelineMessage["sendState"] {
  const status = event.status;
  if (status === null || status === EventStatus.SENT) return "sent";
  if (status === EventStatus.NOT_SENT || status === EventStatus.CANCELLED) return "failed";
  return "sending";
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function captionOf(content: Readonly<Record<string, unknown>>): string {
  const filename = content["filename"];
  const body = textOf(content["body"]);
  return typeof filename === "string" && filename !== body ? body : "";
}

/** One event as a message (undefined: not a message, or still being decrypted). */
export function toTimelineMessage(
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
  const content = event.getOriginalContent();
  const body: unknown = content["body"];
  // An image or file: what it declares and what is wrong with it; its keys stay in this layer.
  const media = isMediaMsgtype(content["msgtype"])
    ? readMediaContent(content, encryptedRoom).media
    : undefined;
  return {
    eventId,
    sender,
    timestamp: event.getTs(),
    kind: "text",
    // For media, the caption (MSC2530: a `filename` beside a different `body`), else its name.
    body: media === undefined ? textOf(body) : captionOf(content) || media.name,
    sendState: sendStateOf(event),
    ...(media === undefined ? {} : { media }),
    // Taken back by its sender (a redaction): its content is gone; the row says so.
    ...(event.isRedacted() ? { withdrawn: true } : {}),
  };
}

/**
 * The gaps limited syncs left in a session's rooms, each filled once
 * (fillGap). A fill that the network breaks off stays noted and is tried
 * again after the next successful sync (`retry`).
 */
export class TimelineGaps {
  readonly #client: MatrixClient;
  readonly #filled: () => void;
  /** Live timelines a limited sync started, whose gap is not filled yet. */
  readonly #open = new Set<EventTimeline>();
  #filling = false;

  /** `filled` is called after each gap is filled: the room's messages changed. */
  constructor(client: MatrixClient, filled: () => void) {
    this.#client = client;
    this.#filled = filled;
  }

  /**
   * Hears RoomEvent.TimelineReset. With `resetAllTimelines` the SDK dropped
   * the old timelines: there is nothing to join, as without timelineSupport.
   */
  readonly onTimelineReset = (
    room: Room | undefined,
    timelineSet: EventTimelineSet,
    resetAllTimelines: boolean,
  ): void => {
    if (room === undefined || resetAllTimelines) return;
    if (timelineSet !== room.getUnfilteredTimelineSet()) return;
    this.#open.add(room.getLiveTimeline());
    this.#fill();
  };

  /** Tries the gaps a broken-off fill left open again (after a successful sync). */
  retry(): void {
    if (this.#open.size > 0) this.#fill();
  }

  /** Forgets every gap (the session stopped). */
  clear(): void {
    this.#open.clear();
  }

  #fill(): void {
    if (this.#filling) return;
    this.#filling = true;
    void (async () => {
      try {
        // A gap noted while another is being filled is taken in the same run.
        for (let gap = first(this.#open); gap !== undefined; gap = first(this.#open)) {
          const done = await fillGap(this.#client, gap).then(
            () => true,
            () => false,
          );
          // Cut off again: the gap stays noted for retry().
          if (!done) return;
          // Joined up, or (a very long gap) filled as far as one fill goes: loadOlder goes on.
          this.#open.delete(gap);
          this.#filled();
        }
      } finally {
        this.#filling = false;
      }
    })();
  }
}

function first<T>(items: ReadonlySet<T>): T | undefined {
  return items.values().next().value;
}
