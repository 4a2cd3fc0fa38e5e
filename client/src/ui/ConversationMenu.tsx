// UI: the conversation's menu, behind the "⋮" button in its header: block
// or unblock and report each person, and leave. A disclosure (a button that
// shows a list of buttons), not an ARIA menu: every entry is an ordinary
// button in the tab order. Escape or a tap outside closes it. Entries come
// from the snapshot; more screens can add entries here (e.g. a profile).
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslator } from "./TranslatorContext.tsx";

export function ConversationMenu({ children }: { children: (close: () => void) => ReactNode }) {
  const { t } = useTranslator();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && !wrap.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="conversation-menu" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="5" r="2" fill="currentColor" />
          <circle cx="12" cy="12" r="2" fill="currentColor" />
          <circle cx="12" cy="19" r="2" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{t("conversation.actions")}</span>
      </button>
      <div id={panelId} className="menu-panel" hidden={!open}>
        {children(() => {
          setOpen(false);
        })}
      </div>
    </div>
  );
}
