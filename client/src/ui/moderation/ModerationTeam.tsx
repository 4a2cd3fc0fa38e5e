// UI: what a moderation team shares on a report (TEAM): the ages the report
// carries, in words; the team's statuses and notes, newest first, with a note
// to add; and every label of the moderation screens explained. View-shaped
// from ModerationViewModel; no report format and no rule here.
import { useId } from "react";
import type {
  ModerationBand,
  ModerationBands,
  ModerationHistoryLine,
  ModerationReportDetail,
  ModerationViewActions,
} from "../../viewmodels/ModerationViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

type When = (ms: number) => string;

/** TEAM: the ages the report carries, in words; "not known" where none went along. */
export function Ages({ bands }: { readonly bands: ModerationBands }) {
  const { t } = useTranslator();
  return (
    <section className="moderation-ages" aria-labelledby="moderation-ages-title">
      <h2 id="moderation-ages-title">{t("moderation.bands.title")}</h2>
      <dl className="facts">
        <dt>{t("moderation.bands.reporter")}</dt>
        <dd>{bandWords(t, bands.reporter)}</dd>
        <dt>{t("moderation.bands.reported")}</dt>
        <dd>{bandWords(t, bands.reported)}</dd>
      </dl>
      <p className="hint">{t("moderation.bands.hint")}</p>
    </section>
  );
}

/** TEAM: an age in words: "minderjarig, 13–15 (geverifieerd)", "volwassene (geverifieerd)", "niet bekend". */
export function bandWords(
  t: ReturnType<typeof useTranslator>["t"],
  band: ModerationBand | undefined,
): string {
  if (band === undefined) return t("moderation.bands.unknown");
  if (band.group === "adult") return t("moderation.bands.adult");
  return band.band === undefined
    ? t("moderation.bands.minor")
    : t("moderation.bands.minorBand", { band: band.band.replace("-", "–") });
}

/** TEAM: the team's statuses and notes, newest first, and a note to add. */
export function TeamHistory({
  report,
  actions,
  when,
}: {
  readonly report: ModerationReportDetail;
  readonly actions: ModerationViewActions;
  readonly when: When;
}) {
  const { t } = useTranslator();
  const ids = { note: useId(), hint: useId() };
  const who = (line: ModerationHistoryLine): string =>
    line.by.kind === "you"
      ? t("moderation.team.you")
      : t("moderation.team.moderator", { name: line.by.name });
  return (
    <section className="moderation-team" aria-labelledby="moderation-team-title">
      <h2 id="moderation-team-title">{t("moderation.team.title")}</h2>
      {report.history.length === 0 ? (
        <p className="hint">{t("moderation.team.empty")}</p>
      ) : (
        <ol className="team-history">
          {report.history.map((line) => (
            <li key={`${String(line.at)}-${line.kind}-${who(line)}`}>
              {t(`moderation.team.${line.kind}`, { who: who(line), time: when(line.at) })}
              {line.note === undefined ? null : (
                <>
                  {" — "}
                  <q className="evidence-text">{line.note}</q>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={ids.note}>{t("moderation.team.noteLabel")}</label>
      <textarea
        id={ids.note}
        className="team-note-input"
        value={report.noteDraft}
        maxLength={500}
        rows={2}
        aria-describedby={ids.hint}
        onChange={(event) => {
          actions.setNote(event.currentTarget.value);
        }}
      />
      <p id={ids.hint} className="hint">
        {t("moderation.team.noteHint")}
      </p>
      <button
        type="button"
        disabled={report.noteDraft.trim() === ""}
        onClick={() => {
          actions.addNote(report.reportId);
        }}
      >
        {t("moderation.team.saveNote")}
      </button>
    </section>
  );
}

/** TEAM: every label on this screen, explained. */
export function LabelLegend() {
  const { t } = useTranslator();
  return (
    <details className="moderation-legend">
      <summary>{t("moderation.legend.title")}</summary>
      <ul>
        <li>{t("moderation.legend.verified")}</li>
        <li>{t("moderation.legend.groupOnly")}</li>
        <li>{t("moderation.legend.bandUnknown")}</li>
        <li>{t("moderation.legend.valid")}</li>
        <li>{t("moderation.legend.invalid")}</li>
        <li>{t("moderation.legend.absent")}</li>
        <li>{t("moderation.legend.intake")}</li>
        <li>{t("moderation.legend.deadline")}</li>
        <li>{t("moderation.legend.overdue")}</li>
        <li>{t("moderation.legend.routing")}</li>
        <li>{t("moderation.legend.team")}</li>
      </ul>
    </details>
  );
}
