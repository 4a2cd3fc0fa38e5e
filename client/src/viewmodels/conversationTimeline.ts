// View-model layer: how a conversation's rows read like a chat app's: a date
// line where the day changes ("Today", "Yesterday", a weekday, a date) and
// messages grouped into runs by the same sender. Pure functions of the rows
// and the clock's time (in the device's time zone); nothing here decides what
// may show, only how what may show is laid out.

/** How a day is named above its messages; the view words it in its language. */
export type DayLabel =
  | { readonly kind: "today" }
  | { readonly kind: "yesterday" }
  /** Two to six days ago: the weekday's name. */
  | { readonly kind: "weekday"; readonly timestamp: number }
  /** Longer ago: the date, with the year when it is not this year. */
  | { readonly kind: "date"; readonly timestamp: number; readonly withYear: boolean };

/** A date line between the messages of two days. */
export type DayRow = {
  readonly type: "day";
  readonly id: string;
  readonly day: DayLabel;
};

/** Messages by the same sender this close together read as one run (as in WhatsApp and Signal). */
export const GROUP_WINDOW_MS = 5 * 60_000;

/** What grouping needs to know about a row; message rows and announcements satisfy it. */
export type GroupableRow = {
  readonly type: string;
  readonly id: string;
  readonly timestamp: number;
};

/** Midnight at the start of the day `time` falls on, in the device's time zone. */
export function startOfDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The next midnight after `time` (a date line may change then). */
export function nextMidnight(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

/** Whole calendar days from `time`'s day to `now`'s day (0: the same day), across DST changes. */
function daysBefore(time: number, now: number): number {
  const from = new Date(startOfDay(time));
  const to = new Date(startOfDay(now));
  const utcFrom = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const utcTo = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((utcTo - utcFrom) / 86_400_000);
}

export function dayLabel(time: number, now: number): DayLabel {
  const days = daysBefore(time, now);
  if (days <= 0) return { kind: "today" };
  if (days === 1) return { kind: "yesterday" };
  if (days < 7) return { kind: "weekday", timestamp: time };
  return {
    kind: "date",
    timestamp: time,
    withYear: new Date(time).getFullYear() !== new Date(now).getFullYear(),
  };
}

/** The rows with a date line before the first row of each day. */
export function withDayRows<R extends GroupableRow>(
  rows: readonly R[],
  now: number,
): readonly (R | DayRow)[] {
  const out: (R | DayRow)[] = [];
  let day: number | undefined;
  for (const row of rows) {
    const start = startOfDay(row.timestamp);
    if (start !== day) {
      day = start;
      out.push({ type: "day", id: `day-${String(start)}`, day: dayLabel(row.timestamp, now) });
    }
    out.push(row);
  }
  return out;
}

/**
 * Whether `row` continues the run of `previous`: the same sender, both
 * readable or both kept back (not an unreadable run), within GROUP_WINDOW_MS
 * on the same day.
 */
export function continuesRun(
  previous: { readonly senderHandle: string; readonly kind: string; readonly timestamp: number },
  row: { readonly senderHandle: string; readonly kind: string; readonly timestamp: number },
): boolean {
  const groupable = (kind: string): boolean => kind === "text" || kind === "hidden";
  return (
    previous.senderHandle === row.senderHandle &&
    groupable(previous.kind) &&
    groupable(row.kind) &&
    row.timestamp - previous.timestamp <= GROUP_WINDOW_MS &&
    startOfDay(previous.timestamp) === startOfDay(row.timestamp)
  );
}
