// UI: the moderation screen's list: the team key first (pasted once on this
// device), then the reports the homeserver holds, open and handled.
import { useId } from "react";
import type { MessageKey } from "../../i18n/i18n.ts";
import type {
  ModerationReportRow,
  ModerationSnapshot,
  ModerationViewActions,
} from "../../viewmodels/ModerationViewModel.ts";
import { ScreenHeader } from "../ScreenHeader.tsx";
import { useTranslator } from "../TranslatorContext.tsx";
import { bandWords } from "./ModerationTeam.tsx";

type Props = {
  readonly view: ModerationSnapshot;
  readonly actions: ModerationViewActions;
  readonly when: (ms: number) => string;
};

export function ModerationInbox({ view, actions, when }: Props) {
  const { t, plural } = useTranslator();
  const ids = { key: useId(), hint: useId(), error: useId() };
  const { key, inbox } = view;
  return (
    <section className="moderation" aria-labelledby="moderation-title">
      <ScreenHeader
        titleId="moderation-title"
        title={t("moderation.title")}
        backLabel={t("moderation.back")}
        onBack={actions.back}
      />
      {key.kind === "checking" ? (
        <p className="status" role="status">
          {t("moderation.key.busy")}
        </p>
      ) : null}

      {key.kind === "needed" ? (
        <>
          <h2>{t("moderation.key.title")}</h2>
          <p>{t("moderation.key.intro")}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void actions.importKey();
            }}
          >
            <label htmlFor={ids.key}>{t("moderation.key.label")}</label>
            <textarea
              id={ids.key}
              className="moderation-key-input"
              value={key.input}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              aria-describedby={key.error ? `${ids.hint} ${ids.error}` : ids.hint}
              aria-invalid={key.error ? true : undefined}
              onChange={(event) => {
                actions.setKeyInput(event.currentTarget.value);
              }}
            />
            <p id={ids.hint} className="hint">
              {t("moderation.key.hint")}
            </p>
            {key.error ? (
              <p id={ids.error} className="error" role="alert">
                {t(key.error)}
              </p>
            ) : null}
            <button type="submit" className="primary" disabled={key.busy}>
              {key.busy ? t("moderation.key.busy") : t("moderation.key.submit")}
            </button>
          </form>
        </>
      ) : null}

      {key.kind === "ready" ? (
        <>
          {key.matchesDeployment === false ? (
            <p className="status warning" role="note">
              {t("moderation.key.mismatch")}
            </p>
          ) : null}
          <p className="hint">{t("moderation.sealedNote")}</p>
          <p className="hint">{plural("moderation.key.count", key.keyCount)}</p>
          <div className="moderation-toolbar">
            <button
              type="button"
              disabled={inbox.status === "loading"}
              onClick={() => void actions.refresh()}
            >
              {t("moderation.refresh")}
            </button>
            {key.adding === undefined ? (
              <button type="button" onClick={actions.startAddingKey}>
                {t("moderation.key.add")}
              </button>
            ) : null}
            <button type="button" onClick={actions.forgetKey}>
              {t("moderation.key.forget")}
            </button>
          </div>
          {key.adding === undefined ? null : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void actions.importKey();
              }}
            >
              <p>{t("moderation.key.addIntro")}</p>
              <label htmlFor={ids.key}>{t("moderation.key.label")}</label>
              <textarea
                id={ids.key}
                className="moderation-key-input"
                value={key.adding.input}
                spellCheck={false}
                autoComplete="off"
                autoCapitalize="off"
                aria-describedby={key.adding.error ? ids.error : undefined}
                aria-invalid={key.adding.error ? true : undefined}
                onChange={(event) => {
                  actions.setKeyInput(event.currentTarget.value);
                }}
              />
              {key.adding.error ? (
                <p id={ids.error} className="error" role="alert">
                  {t(key.adding.error)}
                </p>
              ) : null}
              <div className="moderation-toolbar">
                <button type="submit" className="primary" disabled={key.adding.busy}>
                  {key.adding.busy ? t("moderation.key.busy") : t("moderation.key.addSubmit")}
                </button>
                <button type="button" onClick={actions.cancelAddingKey}>
                  {t("moderation.key.addCancel")}
                </button>
              </div>
            </form>
          )}
          {inbox.status === "loading" ? (
            <p className="status" role="status">
              {t("moderation.loading")}
            </p>
          ) : null}
          {inbox.error ? (
            <p className="status warning" role="alert">
              {t(inbox.error)}
            </p>
          ) : null}

          <h2>{t("moderation.list.open")}</h2>
          {inbox.status === "loaded" && inbox.open.length === 0 ? (
            <p className="empty">{t("moderation.list.empty")}</p>
          ) : (
            <ReportRows rows={inbox.open} actions={actions} when={when} />
          )}
          {inbox.incomplete > 0 ? (
            <p className="hint">{plural("moderation.list.incomplete", inbox.incomplete)}</p>
          ) : null}
          {inbox.unrecognised > 0 ? (
            <p className="hint">{plural("moderation.list.unrecognised", inbox.unrecognised)}</p>
          ) : null}
          {inbox.userReportsListed ? null : (
            <p className="hint">{t("moderation.list.userReportsUnsupported")}</p>
          )}
          {inbox.truncated ? <p className="hint">{t("moderation.list.truncated")}</p> : null}

          {inbox.handled.length > 0 ? (
            <>
              <h2>{t("moderation.list.handled")}</h2>
              <ReportRows rows={inbox.handled} actions={actions} when={when} />
            </>
          ) : null}
          <details className="moderation-legend">
            <summary>{t("moderation.legend.title")}</summary>
            <ul>
              <li>{t("moderation.legend.subject")}</li>
              <li>{t("moderation.legend.verified")}</li>
              <li>{t("moderation.legend.groupOnly")}</li>
              <li>{t("moderation.legend.bandUnknown")}</li>
              <li>{t("moderation.legend.valid")}</li>
              <li>{t("moderation.legend.invalid")}</li>
              <li>{t("moderation.legend.absent")}</li>
              <li>{t("moderation.legend.intake")}</li>
              <li>{t("moderation.legend.deadline")}</li>
              <li>{t("moderation.legend.overdue")}</li>
            </ul>
          </details>
        </>
      ) : null}
    </section>
  );
}

function ReportRows({
  rows,
  actions,
  when,
}: {
  readonly rows: readonly ModerationReportRow[];
  readonly actions: ModerationViewActions;
  readonly when: (ms: number) => string;
}) {
  const { t, plural } = useTranslator();
  const age = (ms: number): string => {
    const minutes = Math.floor(ms / 60_000);
    if (minutes < 60) return plural("moderation.age.minutes", minutes);
    const hours = Math.floor(minutes / 60);
    return hours < 48
      ? plural("moderation.age.hours", hours)
      : plural("moderation.age.days", Math.floor(hours / 24));
  };
  return (
    <ul className="rows">
      {rows.map((row) => (
        <li key={row.reportId}>
          <button
            type="button"
            className="row report-row"
            onClick={() => {
              actions.openReport(row.reportId);
            }}
          >
            <span className="row-name">
              {row.category === undefined
                ? t("moderation.row.unreadable")
                : t(categoryKey(row.category))}
              <span className="row-id">
                {t("moderation.row.received", {
                  time: when(row.receivedAt),
                  id: row.reportId.slice(0, 8),
                })}
              </span>
              {row.handledAt === undefined ? (
                <span
                  className={
                    row.overdue ? "row-id report-deadline overdue" : "row-id report-deadline"
                  }
                >
                  {t("moderation.row.age", { age: age(row.ageMs), deadline: when(row.deadlineAt) })}
                </span>
              ) : null}
            </span>
            <span className="report-tags">
              {row.subject === undefined ? null : (
                <span className="tag">{t(`moderation.subject.${row.subject}`)}</span>
              )}
              {row.signature === undefined ? null : (
                <span className={`tag signature-${row.signature}`}>
                  {t(`moderation.signature.${row.signature}`)}
                </span>
              )}
              {row.channel === "intake" ? (
                <span className="tag">{t("moderation.channel.intake")}</span>
              ) : null}
              {/* TEAM: the ages the report carries, in words (explained in the legend). */}
              {row.bands === undefined ? null : (
                <>
                  <span className="tag">
                    {t("moderation.row.bandReporter", { band: bandWords(t, row.bands.reporter) })}
                  </span>
                  <span className="tag">
                    {t("moderation.row.bandReported", { band: bandWords(t, row.bands.reported) })}
                  </span>
                </>
              )}
              {row.overdue ? (
                <span className="tag signature-invalid">{t("moderation.row.overdue")}</span>
              ) : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A report category's words for moderators (the same id the reporter picked and the engine routed). */
export function categoryKey(category: NonNullable<ModerationReportRow["category"]>): MessageKey {
  return `moderation.category.${category}`;
}
