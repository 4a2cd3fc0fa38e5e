// The moderators' screen: import the team key, list reports, read one, mark
// it handled. Renders ModerationViewModel; routing advice and checks come
// decided from below.
import { useId } from "react";
import { HELP_RESOURCES, type HelpResourceId } from "../help/resources.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type {
  ModerationEvidenceMessage,
  ModerationReportDetail,
  ModerationReportRow,
  ModerationViewModel,
} from "../viewmodels/ModerationViewModel.ts";
import { HelpResourceDetails } from "./HelpResourceList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

type T = ReturnType<typeof useTranslator>["t"];

export function ModerationView({ viewModel }: { viewModel: ModerationViewModel }) {
  const view = useViewModel(viewModel);
  const { t, plural, locale } = useTranslator();
  const ids = { key: useId(), hint: useId(), error: useId() };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const when = (ms: number) => dateTime.format(new Date(ms));

  if (view.selected !== undefined) {
    return <ReportDetail report={view.selected} viewModel={viewModel} t={t} when={when} />;
  }

  const { key, inbox } = view;
  return (
    <section className="moderation" aria-labelledby="moderation-title">
      <ScreenHeader
        titleId="moderation-title"
        title={t("moderation.title")}
        backLabel={t("moderation.back")}
        onBack={viewModel.back}
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
              void viewModel.importKey();
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
                viewModel.setKeyInput(event.currentTarget.value);
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
          <div className="moderation-toolbar">
            <button
              type="button"
              disabled={inbox.status === "loading"}
              onClick={() => void viewModel.refresh()}
            >
              {t("moderation.refresh")}
            </button>
            <button type="button" onClick={viewModel.forgetKey}>
              {t("moderation.key.forget")}
            </button>
          </div>
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
            <ReportRows rows={inbox.open} viewModel={viewModel} t={t} when={when} />
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
              <ReportRows rows={inbox.handled} viewModel={viewModel} t={t} when={when} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ReportRows({
  rows,
  viewModel,
  t,
  when,
}: {
  rows: readonly ModerationReportRow[];
  viewModel: ModerationViewModel;
  t: T;
  when: (ms: number) => string;
}) {
  return (
    <ul className="rows">
      {rows.map((row) => (
        <li key={row.reportId}>
          <button
            type="button"
            className="row report-row"
            onClick={() => {
              viewModel.openReport(row.reportId);
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
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function ReportDetail({
  report,
  viewModel,
  t,
  when,
}: {
  report: ModerationReportDetail;
  viewModel: ModerationViewModel;
  t: T;
  when: (ms: number) => string;
}) {
  const { content, checks } = report;
  return (
    <section className="moderation moderation-report" aria-labelledby="moderation-title">
      <ScreenHeader
        titleId="moderation-title"
        title={t("moderation.report.title", { id: report.reportId.slice(0, 8) })}
        backLabel={t("moderation.report.back")}
        onBack={viewModel.closeReport}
      />
      <dl className="facts">
        <dt>{t("moderation.report.category")}</dt>
        <dd>
          {report.category === undefined
            ? t("moderation.row.unreadable")
            : t(categoryKey(report.category))}
        </dd>
        {content.kind === "opened" ? (
          <>
            <dt>{t("moderation.report.created")}</dt>
            <dd>{when(content.bundle.createdAt)}</dd>
          </>
        ) : null}
        <dt>{t("moderation.report.received")}</dt>
        <dd>{when(report.receivedAt)}</dd>
      </dl>

      {content.kind === "unreadable" ? (
        <>
          <h2>{t("moderation.unreadable.title")}</h2>
          <ul className="problems">
            {content.problems.map((problem) => (
              <li key={problem} lang="en">
                {problem}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2>{t("moderation.evidence.title")}</h2>
          {content.bundle.evidence.kind === "messages" ? (
            <>
              <p className="hint">
                {t("moderation.evidence.room", { roomId: content.bundle.evidence.roomId })}
              </p>
              <h3>{t("moderation.evidence.reported")}</h3>
              <Evidence message={content.bundle.evidence.reported} reported t={t} when={when} />
              <h3>{t("moderation.evidence.context")}</h3>
              {content.bundle.evidence.context.length === 0 ? (
                <p className="hint">
                  {content.bundle.evidence.contextConsent
                    ? t("moderation.evidence.noContext")
                    : t("moderation.evidence.noConsent")}
                </p>
              ) : (
                <ol className="evidence-context">
                  {content.bundle.evidence.context.map((message) => (
                    <li key={message.eventId}>
                      <Evidence message={message} reported={false} t={t} when={when} />
                    </li>
                  ))}
                </ol>
              )}
            </>
          ) : (
            <p>{t("moderation.evidence.profile", { userId: content.bundle.evidence.userId })}</p>
          )}
          <h3>{t("moderation.report.note")}</h3>
          <p className="evidence-text">{content.bundle.note ?? t("moderation.report.noNote")}</p>

          <h2>{t("moderation.dsa.title")}</h2>
          <dl className="facts">
            <dt>{t("moderation.dsa.explanation")}</dt>
            <dd className="evidence-text">{content.bundle.notice.explanation}</dd>
            <dt>{t("moderation.dsa.location")}</dt>
            <dd>
              {content.bundle.notice.location.kind === "room-events" ? (
                <>
                  <span className="matrix-id">{content.bundle.notice.location.roomId}</span>
                  <ul className="id-list">
                    {content.bundle.notice.location.eventIds.map((eventId) => (
                      <li key={eventId} className="matrix-id">
                        {eventId}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <span className="matrix-id">{content.bundle.notice.location.userId}</span>
              )}
            </dd>
            <dt>{t("moderation.dsa.reporter")}</dt>
            <dd>
              {content.bundle.notice.reporter.kind === "identified" ? (
                <span className="matrix-id">{content.bundle.notice.reporter.userId}</span>
              ) : (
                <>
                  {t("moderation.dsa.reporterWithheld")}
                  <span className="row-id">
                    {content.routing.reporterIdentityOptional
                      ? t("moderation.dsa.withholdingAllowed")
                      : t("moderation.dsa.withholdingNotExpected")}
                  </span>
                </>
              )}
            </dd>
            <dt>{t("moderation.dsa.goodFaith")}</dt>
            <dd>
              {content.bundle.notice.goodFaith.confirmed
                ? t("moderation.dsa.goodFaithConfirmed")
                : t("moderation.dsa.goodFaithNotConfirmed")}
            </dd>
          </dl>

          <h2>{t("moderation.signature.title")}</h2>
          {report.signature === undefined ? null : (
            <>
              <p className={`signature signature-${report.signature}`}>
                <strong>{t(`moderation.signature.${report.signature}`)}</strong>
                {". "}
                {t(`moderation.signature.${report.signature}Text`)}
              </p>
              {content.signerPublicKey === null ? null : (
                <p className="hint matrix-id">
                  {t("moderation.signature.key", { key: content.signerPublicKey })}
                </p>
              )}
            </>
          )}
        </>
      )}

      <h2>{t("moderation.server.title")}</h2>
      <p>
        {t("moderation.server.filedBy", { userIds: report.filedBy.join(", ") })}
        {checks.filedByNamedReporter === null ? null : (
          <span className={checks.filedByNamedReporter ? "row-id" : "error"}>
            {checks.filedByNamedReporter
              ? t("moderation.server.filedByMatches")
              : t("moderation.server.filedByDiffers")}
          </span>
        )}
      </p>
      {checks.targetMatches === false ? (
        <p className="error">{t("moderation.server.targetDiffers")}</p>
      ) : null}
      {report.subject === "message" ? (
        report.serverEventSender === null ? (
          <p className="hint">{t("moderation.server.senderUnknown")}</p>
        ) : (
          <p>
            {t("moderation.server.sender", { userId: report.serverEventSender })}
            {checks.senderMatches === null ? null : (
              <span className={checks.senderMatches ? "row-id" : "error"}>
                {checks.senderMatches
                  ? t("moderation.server.senderMatches")
                  : t("moderation.server.senderDiffers")}
              </span>
            )}
          </p>
        )
      ) : null}

      {content.kind === "opened" ? (
        <section className="routing" aria-labelledby="routing-title">
          <h2 id="routing-title">{t("moderation.routing.title")}</h2>
          {content.routing.failedClosed ? (
            <p className="status warning" role="note">
              {t("moderation.routing.failedClosed")}
            </p>
          ) : null}
          <p>{t("moderation.routing.moderators")}</p>
          <p className="routing-case">{t("moderation.routing.chat")}</p>
          <AdviceList ids={content.routing.adviceForChat} t={t} />
          <p className="routing-case">{t("moderation.routing.website")}</p>
          <AdviceList ids={content.routing.adviceForPublicWebsite} t={t} />
          <p className="hint">
            {t("moderation.routing.rules", { rules: content.routing.reasons.join(", ") })}
          </p>
        </section>
      ) : null}

      <div className="actions">
        {report.handledAt === undefined ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              viewModel.markHandled(report.reportId);
            }}
          >
            {t("moderation.markHandled")}
          </button>
        ) : (
          <>
            <p className="status" role="status">
              {t("moderation.handledAt", { time: when(report.handledAt) })}
            </p>
            <button
              type="button"
              onClick={() => {
                viewModel.reopen(report.reportId);
              }}
            >
              {t("moderation.reopen")}
            </button>
          </>
        )}
        <p className="hint">{t("moderation.handledNote")}</p>
      </div>
    </section>
  );
}

function Evidence({
  message,
  reported,
  t,
  when,
}: {
  message: ModerationEvidenceMessage;
  reported: boolean;
  t: T;
  when: (ms: number) => string;
}) {
  return (
    <div className={reported ? "evidence reported" : "evidence"}>
      <p className="message-sender matrix-id">{message.sender}</p>
      {message.kind === "undecryptable" ? (
        <p className="evidence-text undecryptable">{t("moderation.evidence.undecryptable")}</p>
      ) : (
        <p className="evidence-text">{message.body}</p>
      )}
      {message.truncated ? <p className="hint">{t("moderation.evidence.truncated")}</p> : null}
      <p className="message-meta">
        {when(message.timestamp)} · <span className="matrix-id">{message.eventId}</span>
      </p>
    </div>
  );
}

function AdviceList({ ids, t }: { ids: readonly HelpResourceId[]; t: T }) {
  if (ids.length === 0) return <p className="hint">{t("moderation.routing.none")}</p>;
  return (
    <ul className="help-resources advice">
      {ids.map((id) => (
        <li key={id} className="help-resource">
          <HelpResourceDetails resource={HELP_RESOURCES[id]} headingLevel={3} />
        </li>
      ))}
    </ul>
  );
}

function categoryKey(category: NonNullable<ModerationReportRow["category"]>): MessageKey {
  return `moderation.category.${category}`;
}
