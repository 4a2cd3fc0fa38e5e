// UI: older messages load by themselves when the person scrolls up to them,
// as in the chat apps they know; the "Oudere berichten laden" button stays
// for the keyboard and screen readers, and is what this watches. A new
// device's first sync brings only a chat's newest messages (chatSession.ts),
// so a chat opened there can be shorter than the screen: then older pages
// load at once, until the screen is full, but AUTOMATIC_LOADS_IN_A_ROW at
// most (messages this phone cannot read fold into one short row, and would
// otherwise page through the whole history). Loading is the view's own
// business: nothing here decides what shows.
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";

/** Pages loaded one after another without the person scrolling: a screen's worth, not a whole history. */
export const AUTOMATIC_LOADS_IN_A_ROW = 3;

/**
 * A ref callback for the load-older button: while it is on screen (scrolled
 * to, or the chat is shorter than the screen) and nothing is loading, the
 * next older page loads. `onScroll` resets the count of loads in a row.
 */
export function useLoadOlderAtTop(options: {
  readonly canLoadOlder: boolean;
  readonly loadingOlder: boolean;
  readonly loadOlder: () => unknown;
}): { readonly watch: (button: HTMLButtonElement | null) => void; readonly onScroll: () => void } {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const inARow = useRef(0);
  const button = useRef<HTMLButtonElement | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);

  const onVisible = useCallback((entries: readonly IntersectionObserverEntry[]): void => {
    const { canLoadOlder, loadingOlder, loadOlder } = latest.current;
    if (!entries.some((entry) => entry.isIntersecting)) return;
    if (!canLoadOlder || loadingOlder || inARow.current >= AUTOMATIC_LOADS_IN_A_ROW) return;
    inARow.current += 1;
    loadOlder();
  }, []);

  const watch = useCallback(
    (element: HTMLButtonElement | null): void => {
      observer.current?.disconnect();
      observer.current = null;
      button.current = element;
      if (element === null || typeof IntersectionObserver === "undefined") return;
      observer.current = new IntersectionObserver(onVisible);
      observer.current.observe(element);
    },
    [onVisible],
  );

  // A page has loaded: if the button is still on screen (the chat still
  // shorter than the screen), observing again reports it, and the next loads.
  useEffect(() => {
    const element = button.current;
    if (options.loadingOlder || element === null || observer.current === null) return;
    observer.current.unobserve(element);
    observer.current.observe(element);
  }, [options.loadingOlder]);

  useEffect(
    () => () => {
      observer.current?.disconnect();
    },
    [],
  );

  const onScroll = useCallback((): void => {
    inARow.current = 0;
  }, []);

  return { watch, onScroll };
}
