// UI: an image or file inside a message bubble, as its MediaView says:
// a placeholder (something is wrong with it, or it may not be seen), a
// button to load it (nothing was fetched), a picture (blurred until the
// person taps, when the decision says so), or a file's card with a download
// button (never opened here). The engine's warning, help, block and report
// sit right under it. Tells its view model when a picture's row is on screen
// or leaves it, so only pictures on screen hold memory. A picture shown as it
// is opens full screen on a tap (MediaViewer.tsx). Contains no rules.
import { useEffect, useRef } from "react";
import { PictureCanvas } from "./PictureCanvas.tsx";
import type { MediaState, MediaView } from "../viewmodels/conversationMedia.ts";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { WhyDetails } from "./WhyDetails.tsx";

type Words = ReturnType<typeof useTranslator>;

export type MediaItemActions = {
  readonly onTap: () => void;
  readonly onUnblur: () => void;
  /** Opens the picture full screen. */
  readonly onOpen: () => void;
  readonly onVisible: () => void;
  readonly onHidden: () => void;
  readonly onBlock: () => void;
  readonly onReport: () => void;
};

export function MediaItem({
  media,
  actions,
  warning = true,
}: {
  media: MediaView;
  actions: MediaItemActions;
  /** Show the decision's warning here: once per run of messages by the same sender. */
  warning?: boolean;
}) {
  const words = useTranslator();
  const { t } = words;
  const warned = warning && media.notices.length > 0;
  return (
    <div className={`media-item media-item-${media.display}`}>
      {media.display === "picture" ? (
        <Picture media={media} state={media.state} actions={actions} words={words} />
      ) : (
        <FileCard media={media} state={media.state} actions={actions} words={words} />
      )}
      {warned ? (
        <div className="media-warning">
          <NoticeList notices={media.notices} />
          <HelpRows ids={media.help} />
          <div className="actions">
            {media.canBlock ? (
              <button type="button" onClick={actions.onBlock}>
                {t("request.block")}
              </button>
            ) : null}
            {media.canReport ? (
              <button type="button" aria-haspopup="dialog" onClick={actions.onReport}>
                {t("conversation.reportPerson")}
              </button>
            ) : null}
          </div>
          {media.why === undefined ? null : <WhyDetails why={media.why} />}
        </div>
      ) : null}
    </div>
  );
}

function Picture({
  media,
  state,
  actions,
  words,
}: {
  media: MediaView;
  state: MediaState;
  actions: MediaItemActions;
  words: Words;
}) {
  const frame = useRef<HTMLDivElement>(null);
  // The latest callbacks, so the observer below is made once per mounted picture.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  // Only pictures on screen (and a screen's height around it) are fetched and held.
  useEffect(() => {
    const element = frame.current;
    const visible = (): void => {
      latest.current.onVisible();
    };
    const hidden = (): void => {
      latest.current.onHidden();
    };
    if (element === null || typeof IntersectionObserver === "undefined") {
      visible();
      return hidden;
    }
    // Observed against the list that scrolls (a margin on the page's viewport would not
    // reach past the list's clipped edges), a screen's height above and below it.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) (entry.isIntersecting ? visible : hidden)();
      },
      { root: element.closest(".conversation-scroll"), rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      hidden();
    };
  }, []);
  return (
    <div ref={frame} className="media-slot">
      <PictureState media={media} state={state} actions={actions} words={words} />
    </div>
  );
}

function PictureState({
  media,
  state,
  actions,
  words,
}: {
  media: MediaView;
  state: MediaState;
  actions: MediaItemActions;
  words: Words;
}) {
  const { t } = words;
  // Keeps the bubble's shape while nothing is drawn (the declared size, within reason).
  const ratio =
    media.width !== undefined && media.height !== undefined
      ? Math.min(2, Math.max(0.5, media.height / media.width))
      : 0.75;
  const box = { aspectRatio: `1 / ${String(ratio)}` };

  switch (state.kind) {
    case "picture":
      return (
        <div className={`media-frame${state.blurred ? " blurred" : ""}`}>
          <PictureCanvas
            picture={state.picture}
            label={t(state.blurred ? "media.blurredLabel" : "media.pictureAlt")}
          />
          {state.canOpen ? (
            <button
              type="button"
              className="media-open"
              aria-haspopup="dialog"
              onClick={actions.onOpen}
            >
              <span className="visually-hidden">{t("media.open")}</span>
            </button>
          ) : null}
          {state.blurred ? (
            <button type="button" className="media-unblur" onClick={actions.onUnblur}>
              {t("media.unblur")}
            </button>
          ) : null}
        </div>
      );
    case "waiting":
      return (
        <div className="media-frame media-empty" style={box}>
          {state.tap ? (
            <>
              <button type="button" className="media-load" onClick={actions.onTap}>
                {t("media.tapToLoad")}
                {media.size === undefined ? null : (
                  <span className="media-size"> · {formatSize(media.size, words)}</span>
                )}
              </button>
              <p className="media-hint">{t("media.tapHint")}</p>
            </>
          ) : (
            <span className="media-hint">{t("media.loading")}</span>
          )}
        </div>
      );
    case "loading":
      return (
        <div className="media-frame media-empty" style={box} aria-busy="true">
          <span className="media-hint">{t("media.loading")}</span>
        </div>
      );
    case "unavailable":
      return (
        <div className="media-frame media-empty" style={box}>
          <p className="media-hint">{t("media.unavailable")}</p>
          <button type="button" className="media-load" onClick={actions.onTap}>
            {t("conversation.retry")}
          </button>
        </div>
      );
    default:
      return <Placeholder state={state} words={words} />;
  }
}

function FileCard({
  media,
  state,
  actions,
  words,
}: {
  media: MediaView;
  state: MediaState;
  actions: MediaItemActions;
  words: Words;
}) {
  const { t } = words;
  if (state.kind === "placeholder" || state.kind === "not-viewable") {
    return <Placeholder state={state} words={words} />;
  }
  const details = [
    media.mimetype,
    media.size === undefined ? undefined : formatSize(media.size, words),
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
  return (
    <div className="media-file">
      <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
        <path
          d="M6 2h8l6 6v14H6zM14 2v6h6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      <div className="media-file-text">
        {/* The sender's file name: text, never a link. */}
        <span className="media-file-name">{media.name === "" ? t("media.file") : media.name}</span>
        {details === "" ? null : <span className="media-file-details">{details}</span>}
        <span className="media-hint">
          {state.kind === "saved"
            ? t("media.saved")
            : state.kind === "unavailable"
              ? t("media.unavailable")
              : t("media.fileHint")}
        </span>
      </div>
      {state.kind === "waiting" && state.tap ? (
        <button
          type="button"
          className="media-download"
          aria-label={t("media.downloadLabel", {
            name: media.name === "" ? t("media.file") : media.name,
          })}
          onClick={actions.onTap}
        >
          {t("media.download")}
        </button>
      ) : state.kind === "unavailable" ? (
        <button type="button" className="media-download" onClick={actions.onTap}>
          {t("conversation.retry")}
        </button>
      ) : state.kind === "loading" ? (
        <span className="media-hint" aria-busy="true">
          …
        </span>
      ) : null}
    </div>
  );
}

function Placeholder({
  state,
  words,
}: {
  state: Extract<MediaState, { kind: "placeholder" | "not-viewable" }> | MediaState;
  words: Words;
}) {
  const { t } = words;
  const text =
    state.kind === "placeholder"
      ? t(`media.problem.${state.problem}`)
      : state.kind === "not-viewable"
        ? t("media.notViewable")
        : t("media.unavailable");
  return (
    <div className={`media-placeholder media-${state.kind}`}>
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
        <path
          d="M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M3 3l18 18"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      <p>{text}</p>
    </div>
  );
}

/** A size in the reader's language: "340 kB", "4,2 MB". */
function formatSize(bytes: number, words: Words): string {
  const { locale } = words;
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [Math.max(1, bytes / 1000), "kilobyte"];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
