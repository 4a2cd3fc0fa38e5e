// UI: a modal dialog on the browser's own <dialog> (showModal): the browser
// keeps the keyboard inside it, makes everything behind it inert for screen
// readers and pointers, and closes it with Escape; a dialog opened from a
// dialog (help over the report sheet) stacks on top. Focus moves to its title
// on open and back to what had it (the button that opened it) on close. Its
// top bar never scrolls away: the quick exit, and help or a close button.
// The view model decides when it is open: Escape asks `onClose`, and the
// dialog closes when the view model stops rendering it.
import { useEffectEvent, useLayoutEffect, useRef, type ReactNode } from "react";
import { HelpButton, QuickExitButton } from "./SafetyActions.tsx";

export function Dialog({
  titleId,
  className,
  onClose,
  offerHelp = true,
  closeLabel,
  children,
}: {
  /** The id of the dialog's heading (tabIndex -1): it names the dialog and takes focus on open. */
  titleId: string;
  className: string;
  /** Escape, or the close button: the view model closes the dialog. */
  onClose: () => void;
  /** A Help button in the top bar (not in help itself). */
  offerHelp?: boolean;
  /** A close button in the top bar, with this label. */
  closeLabel?: string | undefined;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useEffectEvent(onClose);

  // Before paint: open as a modal, focus the title; on unmount close and hand focus back.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onCancel = (event: Event): void => {
      // Escape: the view model decides, and this closes when it stops rendering the dialog.
      event.preventDefault();
      close();
    };
    // The browser may close it without asking (a second Escape, say): the view model follows.
    const onClosed = (): void => {
      close();
    };
    element.addEventListener("cancel", onCancel);
    element.addEventListener("close", onClosed);
    if (!element.open) element.showModal();
    element.ownerDocument.getElementById(titleId)?.focus();
    return () => {
      element.removeEventListener("cancel", onCancel);
      element.removeEventListener("close", onClosed);
      if (element.open) element.close();
      if (opener?.isConnected === true) opener.focus();
    };
  }, [titleId]);

  return (
    <dialog ref={dialog} className={`dialog ${className}`} aria-labelledby={titleId}>
      <div className="dialog-bar">
        <QuickExitButton />
        {offerHelp ? <HelpButton /> : null}
        {closeLabel !== undefined ? (
          <button type="button" className="dialog-close" onClick={onClose}>
            {closeLabel}
          </button>
        ) : null}
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
