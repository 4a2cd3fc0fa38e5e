// UI: the conversation's composer: a text box that grows with what is typed
// (up to about five lines, then it scrolls) and a send button. With a mouse
// and keyboard (a "fine" pointer), Enter sends and Shift+Enter starts a new
// line, as in WhatsApp Web and Signal Desktop; on a touch screen Enter is a
// new line and the send button sends, as in their phone apps. The paperclip
// opens the phone's own sheet (camera, photos, files) through one file input
// without `accept` or `capture`: the phone offers every source, as WhatsApp's
// web app does; what is picked goes to the attachment view model.
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
  onPick,
}: {
  draft: string;
  onChange: (draft: string) => void;
  onSend: () => void;
  /** A photo or file was picked; absent: no attach button. */
  onPick?: ((file: File) => void) | undefined;
}) {
  const { t } = useTranslator();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
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
      {onPick !== undefined ? (
        <>
          <button
            type="button"
            className="attach"
            onClick={() => {
              picker.current?.click();
            }}
          >
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <path
                d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"
                fill="currentColor"
              />
            </svg>
            <span className="visually-hidden">{t("attachment.add")}</span>
          </button>
          <input
            ref={picker}
            type="file"
            className="attach-input"
            hidden
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              // Cleared, so picking the same file again is a new pick.
              event.currentTarget.value = "";
              if (file !== undefined) onPick(file);
            }}
          />
        </>
      ) : null}
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
