// UI: one report on the moderation screen: the evidence as the reporter's
// device decrypted it, the DSA notice, the signature, what the homeserver
// itself recorded, and the engine's routing advice; then "mark handled".
// Everything comes view-shaped from ModerationViewModel; no report format here.
import { HELP_RESOURCES, type HelpResourceId } from "../../help/resources.ts";
import { useEffect } from "react";
import type {
  ModerationEvidenceMessage,
  ModerationOpenedReport,
  ModerationReportDetail,
  ModerationViewActions,
} from "../../viewmodels/ModerationViewModel.ts";
import { HelpResourceDetails } from "../HelpResourceList.tsx";
import { ScreenHeader } from "../ScreenHeader.tsx";
import { useTranslator } from "../TranslatorContext.tsx";
import { categoryKey } from "./ModerationInbox.tsx";
import { Ages, LabelLegend, TeamHistory } from "./ModerationTeam.tsx";
import { ModerationReportMedia } from "./ModerationReportMedia.tsx";
import { ModerationOutcome } from "./ModerationOutcome.tsx";

type When = (ms: number) => string;

export function ModerationReport({
  report,
  actions,
  when,
}: {
  readonly report: ModerationReportDetail;
  readonly actions: ModerationViewActions;
  readonly when: When;
}) {
  const { t } = useTranslator();
  const { content, checks } = report;
  // A report opens at its top, not where the list was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [report.reportId]);
  return (
    <section className="moderation moderation-report" aria-labelledby="moderation-title">
      <ScreenHeader
        titleId="moderation-title"
        title={t("moderation.report.title", { id: report.reportId.slice(0, 8) })}
        backLabel={t("moderation.report.back")}
        onBack={actions.closeReport}
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
            <dd>{when(content.createdAt)}</dd>
          </>
        ) : null}
        <dt>{t("moderation.report.received")}</dt>
        <dd>{when(report.receivedAt)}</dd>
      </dl>
      {content.kind === "opened" ? <Ages bands={content.bands} /> : null}

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
        <OpenedReport report={report} content={content} when={when} />
      )}
      {/* Reported media (RMEDIA): behind a warning until "Toon". */}
      {content.kind === "opened" ? (
        <ModerationReportMedia media={report.media} actions={actions} />
      ) : null}

      <h2>{t("moderation.server.title")}</h2>
      {report.channel === "intake" ? <p>{t("moderation.server.intake")}</p> : null}
      {report.filedBy.length === 0 ? null : (
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
      )}
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
          <AdviceList ids={content.routing.adviceForChat} />
          <p className="routing-case">{t("moderation.routing.website")}</p>
          <AdviceList ids={content.routing.adviceForPublicWebsite} />
          <p className="hint">
            {t("moderation.routing.rules", {
              rules: content.routing.rules.map((key) => t(key)).join("; "),
            })}
          </p>
        </section>
      ) : null}

      {content.kind === "opened" ? <Handoff report={report} actions={actions} when={when} /> : null}
      {content.kind === "opened" ? <ModerationOutcome report={report} actions={actions} /> : null}

      {report.statusShared ? <TeamHistory report={report} actions={actions} when={when} /> : null}

      <div className="actions">
        {report.handledAt === undefined ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              actions.markHandled(report.reportId);
            }}
          >
            {t("moderation.markHandled")}
          </button>
        ) : (
          <>
            <p className="status" role="status">
              {report.handledBy === undefined
                ? t("moderation.handledAt", { time: when(report.handledAt) })
                : t("moderation.handledAtBy", {
                    time: when(report.handledAt),
                    userId: report.handledBy,
                  })}
            </p>
            <button
              type="button"
              onClick={() => {
                actions.reopen(report.reportId);
              }}
            >
              {t("moderation.reopen")}
            </button>
          </>
        )}
        <p className="hint">
          {report.statusShared ? t("moderation.teamNote") : t("moderation.handledNote")}
        </p>
      </div>
      <LabelLegend />
    </section>
  );
}

/** What the sealed report says: evidence, the reporter's note, the DSA notice, the signature. */
function OpenedReport({
  report,
  content,
  when,
}: {
  readonly report: ModerationReportDetail;
  readonly content: ModerationOpenedReport;
  readonly when: When;
}) {
  const { t, plural } = useTranslator();
  const { evidence, location } = content;
  return (
    <>
      <h2>{t("moderation.evidence.title")}</h2>
      {evidence.kind === "messages" ? (
        <>
          <h3>{t("moderation.evidence.reported")}</h3>
          <Evidence message={evidence.reported} reported when={when} />
          <h3>{t("moderation.evidence.context")}</h3>
          {evidence.context.length === 0 ? (
            <p className="hint">
              {evidence.contextConsent
                ? t("moderation.evidence.noContext")
                : t("moderation.evidence.noConsent")}
            </p>
          ) : (
            <ol className="evidence-context">
              {evidence.context.map((message) => (
                <li key={message.eventId}>
                  <Evidence message={message} reported={false} when={when} />
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <>
          <p>{t("moderation.evidence.profile", { userId: evidence.userId })}</p>
          {evidence.unseen.length === 0 ? null : (
            <>
              <h3>{t("moderation.evidence.unseen")}</h3>
              <p className="hint">{t("moderation.evidence.unseenHint")}</p>
              <ol className="evidence-context">
                {evidence.unseen.map((message) => (
                  <li key={message.eventId}>
                    <Evidence message={message} reported={false} when={when} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      <h3>{t("moderation.report.note")}</h3>
      <p className="evidence-text">{content.note ?? t("moderation.report.noNote")}</p>

      <h2>{t("moderation.dsa.title")}</h2>
      <dl className="facts">
        <dt>{t("moderation.dsa.explanation")}</dt>
        <dd className="evidence-text">{content.explanation}</dd>
        <dt>{t("moderation.dsa.location")}</dt>
        <dd>
          {/* In words: the room and event IDs are wire format; they travel in a handoff package. */}
          {location.kind === "events"
            ? plural("moderation.dsa.locationMessages", location.eventIds.length)
            : t("moderation.dsa.locationProfile", { userId: location.userId })}
          <span className="row-id">{t("moderation.dsa.locationHint")}</span>
        </dd>
        <dt>{t("moderation.dsa.reporter")}</dt>
        <dd>
          {content.reporter === undefined ? (
            <>
              {t("moderation.dsa.reporterWithheld")}
              <span className="row-id">
                {content.withholdingAllowed
                  ? t("moderation.dsa.withholdingAllowed")
                  : t("moderation.dsa.withholdingNotExpected")}
              </span>
            </>
          ) : (
            <span className="matrix-id">{content.reporter}</span>
          )}
        </dd>
        <dt>{t("moderation.dsa.goodFaith")}</dt>
        <dd>
          {content.goodFaithConfirmed
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
        </>
      )}
    </>
  );
}

function Evidence({
  message,
  reported,
  when,
}: {
  readonly message: ModerationEvidenceMessage;
  readonly reported: boolean;
  readonly when: When;
}) {
  const { t } = useTranslator();
  return (
    <div className={reported ? "evidence reported" : "evidence"}>
      {message.sender === undefined ? (
        <p className="message-sender">{t("moderation.evidence.reporterSelf")}</p>
      ) : (
        <p className="message-sender matrix-id">{message.sender}</p>
      )}
      {message.body === undefined ? (
        <p className="evidence-text undecryptable">{t("moderation.evidence.undecryptable")}</p>
      ) : (
        <p className="evidence-text">{message.body}</p>
      )}
      {message.truncated ? <p className="hint">{t("moderation.evidence.truncated")}</p> : null}
      <p className="message-meta">{when(message.timestamp)}</p>
    </div>
  );
}

/** Handing the report to an organisation the engine advised, as a sealed package. */
function Handoff({
  report,
  actions,
  when,
}: {
  readonly report: ModerationReportDetail;
  readonly actions: ModerationViewActions;
  readonly when: When;
}) {
  const { t, locale } = useTranslator();
  const { offers, busy, result } = report.handoff;
  const name = (id: HelpResourceId) => HELP_RESOURCES[id].name[locale];
  return (
    <section className="handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t("moderation.handoff.title")}</h2>
      <p className="hint">{t("moderation.handoff.intro")}</p>
      {offers.length === 0 ? (
        <p className="hint">{t("moderation.handoff.none")}</p>
      ) : (
        <div className="actions">
          {offers.map((id) => (
            <button
              key={id}
              type="button"
              disabled={busy}
              onClick={() => void actions.handOver(id)}
            >
              {busy ? t("moderation.handoff.busy") : t("moderation.handoff.to", { name: name(id) })}
            </button>
          ))}
        </div>
      )}
      {result?.kind === "failed" ? (
        <p className="error" role="alert">
          {t(result.error)}
        </p>
      ) : null}
      {result?.kind === "ready" ? (
        <div className="handoff-ready" role="status">
          <p>
            {t("moderation.handoff.ready", {
              name: name(result.bodyId),
              id: result.packageId.slice(0, 8),
            })}{" "}
            <span className="row-id">{when(result.handedOverAt)}</span>
          </p>
          <a className="button" href={result.href} download={result.fileName}>
            {t("moderation.handoff.download", { file: result.fileName })}
          </a>
          <h3>{t("moderation.handoff.summary")}</h3>
          <pre className="handoff-summary" lang="nl">
            {result.summary}
          </pre>
        </div>
      ) : null}
    </section>
  );
}

function AdviceList({ ids }: { readonly ids: readonly HelpResourceId[] }) {
  const { t } = useTranslator();
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
