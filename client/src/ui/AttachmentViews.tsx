// UI: sending a photo or file in a conversation. The picked file opens in a
// sheet from the bottom, as on a phone: the photo (or the file's name and
// size), a caption that may stay empty and a line saying the location comes
// out first; a file that is too large says so with the limit. When the
// engine's decision says to think first, the sheet shows its notice with help
// and why, and both choices (send anyway, don't send). Above the composer a
// tray shows what is on its way: progress, cancel, retry, and "unsend" with
// the engine's caveat once sent. Renders AttachmentViewModel; no rules here.
import { useId } from "react";
import type {
  AttachmentSnapshot,
  AttachmentStage,
  AttachmentViewActions,
  AttachmentViewModel,
  UploadRow,
} from "../viewmodels/AttachmentViewModel.ts";
import { Dialog } from "./Dialog.tsx";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

type Words = ReturnType<typeof useTranslator>;

/** Binds the tray and the sheet to the conversation's attachment view model. */
export function AttachmentsContainer({ viewModel }: { viewModel: AttachmentViewModel }) {
  return <Attachments view={useViewModel(viewModel)} actions={viewModel} />;
}

export function Attachments({
  view,
  actions,
}: {
  view: AttachmentSnapshot;
  actions: AttachmentViewActions;
}) {
  return (
    <>
      <UploadTray uploads={view.uploads} actions={actions} />
      <AttachmentSheet stage={view.stage} actions={actions} />
    </>
  );
}

export function AttachmentSheet({
  stage,
  actions,
}: {
  stage: AttachmentStage;
  actions: AttachmentViewActions;
}) {
  const words = useTranslator();
  const { t } = words;
  const titleId = useId();
  const captionId = useId();
  switch (stage.kind) {
    case "none":
      return null;
    case "refused":
      return (
        <Dialog titleId={titleId} className="attachment-sheet" onClose={actions.discard}>
          <h1 id={titleId} tabIndex={-1}>
            {t(
              stage.problem === "too-large" ? "attachment.tooLargeTitle" : "attachment.emptyTitle",
            )}
          </h1>
          <p className="attachment-name">{stage.name}</p>
          <p role="alert">
            {stage.problem === "too-large"
              ? t("attachment.tooLarge", { max: stage.maxMegabytes })
              : t("attachment.empty")}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={actions.discard}>
              {t("attachment.ok")}
            </button>
          </div>
        </Dialog>
      );
    case "preview":
      return (
        <Dialog titleId={titleId} className="attachment-sheet" onClose={actions.discard}>
          <h1 id={titleId} tabIndex={-1}>
            {t(
              stage.attachmentKind === "image"
                ? "attachment.previewTitlePhoto"
                : "attachment.previewTitleFile",
            )}
          </h1>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              actions.send();
            }}
          >
            <Picked
              previewUrl={stage.previewUrl}
              name={stage.name}
              size={stage.size}
              words={words}
            />
            <p className="hint">
              {t(
                stage.attachmentKind === "image"
                  ? "attachment.locationStripped"
                  : "attachment.fileNote",
              )}
            </p>
            <label htmlFor={captionId}>{t("attachment.caption")}</label>
            <input
              id={captionId}
              name="caption"
              type="text"
              autoComplete="off"
              value={stage.caption}
              onChange={(event) => {
                actions.setCaption(event.currentTarget.value);
              }}
            />
            <div className="actions">
              <button type="submit" className="primary">
                {t("attachment.send")}
              </button>
              <button type="button" onClick={actions.discard}>
                {t("attachment.cancel")}
              </button>
            </div>
          </form>
        </Dialog>
      );
    case "think-first":
      return (
        <Dialog
          titleId={titleId}
          className="attachment-sheet think-first"
          onClose={actions.discard}
        >
          <h1 id={titleId} tabIndex={-1}>
            {t("attachment.thinkFirstTitle")}
          </h1>
          <NoticeList notices={stage.notices} />
          <HelpRows ids={stage.help} />
          <div className="actions">
            <button type="button" className="primary" onClick={actions.discard}>
              {t("attachment.dontSend")}
            </button>
            <button type="button" onClick={actions.sendAnyway}>
              {t("attachment.sendAnyway")}
            </button>
          </div>
          <WhyDetails why={stage.why} />
        </Dialog>
      );
    default:
      return null;
  }
}

function Picked({
  previewUrl,
  name,
  size,
  words,
}: {
  previewUrl: string | undefined;
  name: string;
  size: number;
  words: Words;
}) {
  if (previewUrl !== undefined) {
    return (
      <img className="attachment-preview" src={previewUrl} alt={words.t("attachment.previewAlt")} />
    );
  }
  return (
    <p className="attachment-file">
      <FileIcon />
      <span className="attachment-name">{name}</span>
      <span className="hint">{sizeText(size, words)}</span>
    </p>
  );
}

/** Kilobytes under one megabyte, else megabytes with one decimal, in the reader's notation. */
export function sizeText(bytes: number, { t, locale }: Words): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return bytes < 1024 * 1024
    ? t("attachment.sizeKilobytes", { size: number(Math.max(1, Math.round(bytes / 1024))) })
    : t("attachment.sizeMegabytes", { size: number(bytes / (1024 * 1024)) });
}

export function UploadTray({
  uploads,
  actions,
}: {
  uploads: readonly UploadRow[];
  actions: AttachmentViewActions;
}) {
  const { t } = useTranslator();
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-tray" aria-label={t("attachment.trayLabel")}>
      {uploads.map((row) => (
        <Upload key={row.id} row={row} actions={actions} />
      ))}
    </ul>
  );
}

function Upload({ row, actions }: { row: UploadRow; actions: AttachmentViewActions }) {
  const { t } = useTranslator();
  const name = row.attachmentKind === "image" ? t("attachment.photo") : row.name;
  return (
    <li className={`upload ${row.state}`}>
      <div className="upload-line">
        {row.attachmentKind === "image" ? <PhotoIcon /> : <FileIcon />}
        <span className="upload-name">{name}</span>
        <span className="upload-state" role="status">
          {stateText(row, t)}
        </span>
      </div>
      {row.state === "uploading" ? (
        <progress
          max={100}
          value={row.percent}
          aria-label={t("attachment.progressLabel", { name })}
        />
      ) : null}
      {row.unsendCaveat !== undefined ? <NoticeList notices={[row.unsendCaveat]} /> : null}
      <div className="actions">
        {row.state === "failed" ? (
          <button type="button" onClick={() => void actions.retryUpload(row.id)}>
            {t("attachment.retry")}
          </button>
        ) : null}
        {row.canCancel ? (
          <button
            type="button"
            onClick={() => {
              actions.cancelUpload(row.id);
            }}
          >
            {t("attachment.cancel")}
          </button>
        ) : null}
        {row.state === "sent" && row.unsendCaveat !== undefined ? (
          <button type="button" onClick={() => void actions.unsend(row.id)}>
            {t("attachment.unsend")}
          </button>
        ) : null}
        {row.state === "sent" || row.state === "unsent" || row.failedStep === "unsend" ? (
          <button
            type="button"
            onClick={() => {
              actions.dismiss(row.id);
            }}
          >
            {t("attachment.close")}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function stateText(row: UploadRow, t: Words["t"]): string {
  switch (row.state) {
    case "preparing":
      return t("attachment.preparing");
    case "uploading":
      return t("attachment.uploading", { percent: row.percent });
    case "sending":
      return t("attachment.sendingEvent");
    case "failed":
      return t(row.failedStep === "unsend" ? "attachment.unsendFailed" : "attachment.failed");
    case "sent":
      return t("attachment.sent");
    case "unsending":
      return t("attachment.unsending");
    case "unsent":
      return t("attachment.unsent");
    default:
      return "";
  }
}

function PhotoIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 12h14l-4.5-6-3.5 4.5-2.5-3z"
        fill="currentColor"
      />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M6 2h8l5 5v15H6zm7 1.5V8h4.5z" fill="currentColor" />
    </svg>
  );
}
