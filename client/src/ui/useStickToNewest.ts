// UI: a conversation's scrolling, as chat apps do it. It opens at the newest
// message and follows new ones while the person is at the bottom (or when
// they sent it); scrolled up, it stays where they are, counts what arrived
// below, and offers a jump back. Older messages loaded above keep what was
// on screen in place. Scroll position is the view's own state: nothing here
// decides what shows.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** Closer to the bottom than this (px) counts as "at the newest message". */
const AT_BOTTOM_PX = 40;

/** What the scrolling needs to know of a row. */
export type ScrollRow = {
  readonly id: string;
  readonly type: string;
  readonly mine?: boolean;
};

/** How many rows from someone else came after the row `seenId` (0 when it is not there). */
export function newRowsAfter(rows: readonly ScrollRow[], seenId: string | undefined): number {
  if (seenId === undefined) return 0;
  const index = rows.findIndex((row) => row.id === seenId);
  if (index === -1) return 0;
  return rows
    .slice(index + 1)
    .filter((row) => (row.type === "message" && row.mine !== true) || row.type === "newcomer")
    .length;
}

export type StickToNewest = {
  /** Ref callback for the scrolling element (the message list's container). */
  readonly attach: (element: HTMLDivElement | null) => void;
  readonly onScroll: () => void;
  readonly atBottom: boolean;
  /** Rows from others that arrived while scrolled up. */
  readonly unseen: number;
  readonly jumpToNewest: () => void;
};

type Seen = { first: string | undefined; newest: string | undefined; height: number };

export function useStickToNewest(rows: readonly ScrollRow[]): StickToNewest {
  const box = useRef<HTMLDivElement | null>(null);
  // A state beside the ref, so the effects run again once the element is there.
  const [attached, setAttached] = useState(false);
  const atBottomRef = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const [seenId, setSeenId] = useState<string | undefined>(undefined);
  const previous = useRef<Seen>({ first: undefined, newest: undefined, height: 0 });
  const newestId = rows.at(-1)?.id;
  const newestIsMine = rows.at(-1)?.mine === true;
  const firstId = rows[0]?.id;

  const attach = useCallback((element: HTMLDivElement | null): void => {
    box.current = element;
    setAttached(element !== null);
  }, []);

  const note = useCallback((bottom: boolean, newest: string | undefined): void => {
    atBottomRef.current = bottom;
    setAtBottom(bottom);
    if (bottom) setSeenId(newest);
  }, []);

  // After every change of rows, before paint (no flicker at the wrong place).
  useLayoutEffect(() => {
    const element = box.current;
    if (!attached || !element) return;
    const before = previous.current;
    const olderAbove = firstId !== before.first && newestId === before.newest && before.height > 0;
    const mineArrived = newestId !== before.newest && newestIsMine;
    if (olderAbove) {
      // Older messages came in above: what the person was reading stays where it was.
      element.scrollTop += element.scrollHeight - before.height;
    } else if (atBottomRef.current || mineArrived) {
      element.scrollTop = element.scrollHeight;
      note(true, newestId);
    }
    previous.current = { first: firstId, newest: newestId, height: element.scrollHeight };
  }, [attached, rows, firstId, newestId, newestIsMine, note]);

  // The list's box changes (the keyboard opens, the composer grows, a note expands): stay at the newest.
  useEffect(() => {
    const element = box.current;
    if (!attached || !element || typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(() => {
      if (atBottomRef.current) element.scrollTop = element.scrollHeight;
      previous.current = { ...previous.current, height: element.scrollHeight };
    });
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => {
      observer.disconnect();
    };
  }, [attached]);

  const onScroll = useCallback((): void => {
    const element = box.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight <= AT_BOTTOM_PX;
    if (bottom || bottom !== atBottomRef.current) note(bottom, newestId);
    previous.current = { ...previous.current, height: element.scrollHeight };
  }, [newestId, note]);

  const jumpToNewest = useCallback((): void => {
    const element = box.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    note(true, newestId);
    // The button goes away; the messages are where the keyboard continues.
    element.focus({ preventScroll: true });
  }, [newestId, note]);

  return {
    attach,
    onScroll,
    atBottom,
    unseen: atBottom ? 0 : newRowsAfter(rows, seenId),
    jumpToNewest,
  };
}
