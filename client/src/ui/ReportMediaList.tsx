// UI: the images and files that go with a report (RMEDIA), on the report
// sheet. What the reporter may see is named ("Deze foto gaat mee", a file by
// name); what they may not (the engine's media decision, or a request held
// aside) is counted in words only. The view has no rule: `visible` is the
// view model's, from the engine.
import type { ReportMediaRow } from "../viewmodels/reportMediaRows.ts";
import type { ReportSheetSnapshot } from "../viewmodels/ReportSheetViewModel.ts";
import { PictureCanvas } from "./PictureCanvas.tsx";
import { useTranslator } from "./TranslatorContext.tsx";

export function ReportMediaList({ media }: { readonly media: readonly ReportMediaRow[] }) {
  const { t, plural } = useTranslator();
  if (media.length === 0) return null;
  const shown = media.filter((row) => row.visible);
  const unseenPhotos = media.filter((row) => !row.visible && row.kind === "image").length;
  const unseenFiles = media.filter((row) => !row.visible && row.kind === "file").length;
  return (
    <div className="report-media" data-testid="report-media">
      <h3>{t("report.media.title")}</h3>
      <ul>
        {shown.map((row) => (
          <li key={row.eventId} className="report-media-item">
            {/* The same picture as behind the sheet (blurred when it is there), drawn by this device. */}
            {row.picture !== undefined && row.preview !== undefined ? (
              <div
                className={`media-frame report-media-preview${row.preview.blurred ? " blurred" : ""}`}
              >
                <PictureCanvas
                  picture={row.picture}
                  label={t(row.preview.blurred ? "media.blurredLabel" : "media.pictureAlt")}
                />
              </div>
            ) : null}
            {row.kind === "image"
              ? t("report.media.photo")
              : t("report.media.file", { name: row.name })}
          </li>
        ))}
        {unseenPhotos > 0 ? (
          <li className="report-unseen">{plural("report.media.unseenPhotos", unseenPhotos)}</li>
        ) : null}
        {unseenFiles > 0 ? (
          <li className="report-unseen">{plural("report.media.unseenFiles", unseenFiles)}</li>
        ) : null}
      </ul>
    </div>
  );
}

/** Why filing failed, in words: the media's own problem, or the general one. */
export function reportFailedKey(
  problem: ReportSheetSnapshot["mediaProblem"],
): "report.failed" | "report.media.notRead" | "report.media.notSent" | "report.media.tooLarge" {
  switch (problem) {
    case "not-read":
      return "report.media.notRead";
    case "not-sent":
      return "report.media.notSent";
    case "too-large":
      return "report.media.tooLarge";
    default:
      return "report.failed";
  }
}
