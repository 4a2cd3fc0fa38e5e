// UI: reported images and files on the moderation screen (RMEDIA). Each is a
// placeholder with a warning ("Foto (2,1 MB) — kan schokkend zijn") and a
// "Toon" button; only the tap downloads, checks and decrypts it (the view
// model's). A picture is drawn from what this device decoded and redrew; a
// file is saved, never opened here. No rule lives here.
import type { ModerationViewActions } from "../../viewmodels/ModerationViewModel.ts";
import type {
  ModerationMediaView,
  ModerationMediaState,
} from "../../viewmodels/moderationMedia.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import { sizeText } from "../AttachmentViews.tsx";
import { PictureCanvas } from "../PictureCanvas.tsx";
import { useTranslator } from "../TranslatorContext.tsx";

export function ModerationReportMedia({
  media,
  actions,
}: {
  readonly media: readonly ModerationMediaView[];
  readonly actions: Pick<ModerationViewActions, "showMedia">;
}) {
  const words = useTranslator();
  const { t } = words;
  if (media.length === 0) return null;
  return (
    <section className="moderation-media" aria-labelledby="moderation-media-title">
      <h2 id="moderation-media-title">{t("moderation.media.title")}</h2>
      <p className="hint">{t("moderation.media.warning")}</p>
      <ul className="moderation-media-list">
        {media.map((item) => {
          const size = sizeText(item.size, words);
          const label =
            item.display === "picture"
              ? t("moderation.media.photo", { size })
              : t("moderation.media.file", { name: item.name, size });
          return (
            <li key={item.index} className="moderation-media-item" data-testid="moderation-media">
              {item.state.kind === "picture" ? (
                <PictureCanvas
                  picture={item.state.picture}
                  label={t("moderation.media.pictureLabel")}
                  className="moderation-media-picture"
                />
              ) : (
                <div className="moderation-media-placeholder">
                  <p>{label}</p>
                  <MediaStatus state={item.state} />
                  {item.state.kind === "hidden" ||
                  (item.state.kind === "failed" && item.state.reason === "unavailable") ? (
                    <button
                      type="button"
                      aria-label={`${t(item.display === "picture" ? "moderation.media.show" : "moderation.media.save")}: ${label}`}
                      onClick={() => void actions.showMedia(item.index)}
                    >
                      {t(
                        item.display === "picture"
                          ? "moderation.media.show"
                          : "moderation.media.save",
                      )}
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MediaStatus({ state }: { readonly state: ModerationMediaState }) {
  const { t } = useTranslator();
  switch (state.kind) {
    case "loading":
      return (
        <p className="hint" role="status">
          {t("moderation.media.loading")}
        </p>
      );
    case "saved":
      return (
        <p className="hint" role="status">
          {t("moderation.media.saved")}
        </p>
      );
    case "failed":
      return (
        <p className="error" role="alert">
          {t(failureKey(state.reason))}
        </p>
      );
    default:
      return null;
  }
}

function failureKey(
  reason: Extract<ModerationMediaState, { kind: "failed" }>["reason"],
): MessageKey {
  switch (reason) {
    case "gone":
      return "moderation.media.error.gone";
    case "damaged":
      return "moderation.media.error.damaged";
    case "too-large":
      return "moderation.media.error.tooLarge";
    case "refused":
      return "moderation.media.error.refused";
    case "not-configured":
      return "moderation.media.error.notConfigured";
    default:
      return "moderation.media.error.unavailable";
  }
}
