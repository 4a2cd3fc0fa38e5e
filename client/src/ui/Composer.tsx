// UI: the conversation's composer: a text box that grows with what is typed
// (up to about five lines, then it scrolls) and a send button. With a mouse
// and keyboard (a "fine" pointer), Enter sends and Shift+Enter starts a new
// line, as in WhatsApp Web and Signal Desktop; on a touch screen Enter is a
// new line and the send button sends, as in their phone apps.
import { useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslator } from "./TranslatorContext.tsx";

/** Lines the box grows to before it scrolls. */
const MAX_LINES = 5;

function enterSendsHere(): boolean {
  return typeof matchMedia === "function" && matchMedia("(pointer: fine)").matches;
}

export function Composer({
  draft,
  onChange,
  onSend,
}: {
  draft: string;
  onChange: (draft: string) => void;
  onSend: () => void;
}) {
  const { t } = useTranslator();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [enterSends] = useState(enterSendsHere);

  // Grow with the text: measured, because `field-sizing` is not in every browser yet.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const lineHeight = Number.parseFloat(style.lineHeight) || 24;
    const borders =
      Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.borderBottomWidth);
    const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
    // box-sizing is border-box: the height holds the padding and the borders.
    const max = lineHeight * MAX_LINES + padding + borders;
    element.style.height = "auto";
    const wanted = element.scrollHeight + borders;
    element.style.height = `${String(Math.min(wanted, max))}px`;
    element.style.overflowY = wanted > max ? "auto" : "hidden";
  }, [draft]);

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t("conversation.composerLabel")}
      </label>
      <textarea
        ref={box}
        id={id}
        name="message"
        rows={1}
        autoComplete="off"
        placeholder={t("conversation.composerPlaceholder")}
        aria-describedby={enterSends ? `${id}-keys` : undefined}
        value={draft}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (
            enterSends &&
            event.key === "Enter" &&
            !event.shiftKey &&
            !event.nativeEvent.isComposing
          ) {
            event.preventDefault();
            onSend();
          }
        }}
      />
      {enterSends ? (
        <span id={`${id}-keys`} className="visually-hidden">
          {t("conversation.composerKeys")}
        </span>
      ) : null}
      <button type="submit" className="send" disabled={draft.trim() === ""}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15 12 3.4 13.9z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{t("conversation.send")}</span>
      </button>
    </form>
  );
}
