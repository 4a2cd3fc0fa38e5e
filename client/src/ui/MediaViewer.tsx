// UI: a picture full screen, as in any chat app: the sender's full picture
// (fetched when it was opened, only for a picture shown as it is), its
// caption, who sent it and when. A modal dialog (Dialog.tsx): focus moves in
// and back to the picture that opened it, Escape and the close button close
// it, and the browser's back too (the view model holds one history step).
// Zooming is the browser's own pinch. A picture the checks refuse shows its
// placeholder, never the picture. Help is in its top bar, as over every
// sheet: a picture can be the moment someone needs it. Contains no rules.
import { useId } from "react";
import type { MediaViewerView } from "../viewmodels/ConversationViewModel.ts";
import { Dialog } from "./Dialog.tsx";
import { PictureCanvas } from "./PictureCanvas.tsx";
import { ShownName } from "./ShownName.tsx";
import { useTranslator } from "./TranslatorContext.tsx";

export function MediaViewer({
  viewer,
  time,
  onClose,
}: {
  viewer: MediaViewerView;
  /** The message's time, as its row shows it. */
  time: string;
  onClose: () => void;
}) {
  const { t } = useTranslator();
  const titleId = useId();
  const { state } = viewer;
  return (
    <Dialog
      titleId={titleId}
      className="media-viewer"
      onClose={onClose}
      closeLabel={t("media.viewerClose")}
    >
      <h2 id={titleId} tabIndex={-1} className="media-viewer-title">
        {viewer.mine ? (
          t("media.viewerTitleMine")
        ) : (
          <>
            {t("media.viewerTitleFrom")} <ShownName name={viewer.sender} />
          </>
        )}
      </h2>
      <div className="media-viewer-stage">
        {state.kind === "picture" ? (
          <PictureCanvas
            picture={state.picture}
            label={t("media.viewerAlt")}
            className="media-viewer-picture"
          />
        ) : state.kind === "loading" ? (
          <p className="media-hint" aria-busy="true">
            {t("media.loading")}
          </p>
        ) : (
          <p className="media-hint" role="status">
            {state.kind === "placeholder"
              ? t(`media.problem.${state.problem}`)
              : t("media.unavailable")}
          </p>
        )}
      </div>
      {viewer.caption === "" ? null : <p className="media-viewer-caption">{viewer.caption}</p>}
      <p className="media-viewer-meta">
        <time dateTime={new Date(viewer.timestamp).toISOString()}>{time}</time>
      </p>
    </Dialog>
  );
}
