// UI: the report sheet: a modal dialog over the current screen (Dialog: help
// (Over 400 lines: the sheet's steps share one snapshot; each step is a short component in this file.)
// and the quick exit in its top bar, focus kept inside). It shows exactly what
// will be shared, the engine's default category and one button that files
// the report; details are optional. After filing: the live status, where
// else to report, and block, leave and help as the engine offers them.
// Renders ReportSheetViewModel's snapshot; contains no rules.
import { useEffect, useId, useRef } from "react";
import type {
  EvidenceRow,
  ReportSheetSnapshot,
  ReportSheetViewActions,
  ReportSheetViewModel,
} from "../viewmodels/ReportSheetViewModel.ts";
import { Dialog } from "./Dialog.tsx";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { HelpRows } from "./HelpRows.tsx";
import { ReportMediaList, reportFailedKey } from "./ReportMediaList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

type Props = { view: ReportSheetSnapshot; actions: ReportSheetViewActions };

/** Binds the report sheet to its view model. */
export function ReportSheetContainer({ viewModel }: { viewModel: ReportSheetViewModel }) {
  return <ReportSheetView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function ReportSheetView({ view, actions }: Props) {
  const { t } = useTranslator();
  const titleId = useId();
  const goodFaithId = useId();
  const noteId = useId();

  const title = view.target === "message" ? t("report.title.message") : t("report.title.person");

  return (
    <Dialog titleId={titleId} className="report-sheet" onClose={actions.close}>
      <h1 id={titleId} tabIndex={-1}>
        {title}
      </h1>
      {view.phase === "unavailable" || view.phase === "not-found" ? (
        <>
          <p className="status warning" role="alert">
            {view.phase === "unavailable" ? t("report.unavailable") : t("report.notFound")}
          </p>
          <AfterActions view={view} actions={actions} />
        </>
      ) : view.phase === "filed" ? (
        view.sheet === "simple" ? (
          <SimpleFiled view={view} actions={actions} />
        ) : (
          <Filed view={view} actions={actions} />
        )
      ) : view.sheet === "simple" ? (
        <SimpleReview view={view} actions={actions} goodFaithId={goodFaithId} />
      ) : (
        <>
          <p>{t("report.intro")}</p>
          <Evidence view={view} actions={actions} />
          <button
            type="button"
            className="report-details-toggle"
            aria-expanded={view.detailsOpen}
            onClick={actions.toggleDetails}
          >
            {t("report.details")}
          </button>
          {view.detailsOpen ? (
            <div className="report-details">
              <fieldset>
                <legend>{t("report.categoryLabel")}</legend>
                {view.categories.map((category) => (
                  <label key={category} className="report-choice">
                    <input
                      type="radio"
                      name="report-category"
                      value={category}
                      checked={view.category === category}
                      disabled={view.phase === "filing"}
                      onChange={() => {
                        actions.setCategory(category);
                      }}
                    />{" "}
                    {t(`report.category.${category}`)}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={noteId}>{t("report.note")}</label>
              <textarea
                id={noteId}
                rows={3}
                maxLength={2000}
                value={view.note}
                disabled={view.phase === "filing"}
                onChange={(event) => {
                  actions.setNote(event.currentTarget.value);
                }}
              />
            </div>
          ) : null}
          {view.phase === "failed" ? (
            <p className="status warning" role="alert">
              {t(reportFailedKey(view.mediaProblem), view.mediaCaps)}
            </p>
          ) : null}
          <p id={goodFaithId} className="hint">
            {t("report.goodFaith")}
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary report-send"
              aria-describedby={goodFaithId}
              disabled={view.phase === "filing"}
              onClick={() => void actions.file()}
            >
              {view.phase === "filing"
                ? t("report.sending")
                : view.phase === "failed"
                  ? t("report.tryAgain")
                  : t("report.send")}
            </button>
            <button type="button" onClick={actions.close}>
              {t("report.cancel")}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function Evidence({ view, actions }: Props) {
  const { t, plural } = useTranslator();
  const editable = view.phase !== "filing";
  return (
    <section className="report-evidence" aria-label={t("report.shared")}>
      <h2>{t("report.shared")}</h2>
      {view.reported !== undefined ? (
        <>
          <h3>{t("report.reportedMessage")}</h3>
          <ul className="report-messages">
            <EvidenceItem row={view.reported} />
          </ul>
          {view.context.length > 0 ? (
            <>
              <label className="report-choice">
                <input
                  type="checkbox"
                  checked={view.includeContext}
                  disabled={!editable}
                  onChange={(event) => {
                    actions.setIncludeContext(event.currentTarget.checked);
                  }}
                />{" "}
                {plural("report.includeContext", view.context.length)}
              </label>
              <p className="hint">{t("report.includeContextHint")}</p>
              {view.includeContext ? (
                <>
                  <h3>{t("report.contextTitle")}</h3>
                  <ol className="report-messages">
                    {view.context.map((row) => (
                      <EvidenceItem key={row.eventId} row={row} />
                    ))}
                  </ol>
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : view.unseenCount > 0 ? (
        <>
          <p>
            {view.reportedShown
              ? t("report.who", { name: view.reportedLabel, userId: view.reportedUserId })
              : t("report.profileSharedKeptBack")}
          </p>
          {/* The request's messages go sealed; the reporter never saw them and does not now. */}
          <p className="report-unseen">{plural("report.unseen", view.unseenCount)}</p>
        </>
      ) : (
        <p>
          {view.reportedShown
            ? t("report.profileShared", { name: view.reportedLabel, userId: view.reportedUserId })
            : t("report.profileSharedKeptBack")}
        </p>
      )}
      <ReportMediaList media={view.media} />
      <p>
        {t("report.categoryLabel")}: <strong>{t(`report.category.${view.category}`)}</strong>
      </p>
      {/* TEAM: what goes along about the reporter's own age, as the engine decided. */}
      {view.ageAlong === undefined ? null : (
        <p className="hint report-age-along">{t(`report.ageAlong.${view.ageAlong}`)}</p>
      )}
      {view.identityOptional ? (
        <>
          <label className="report-choice">
            <input
              type="checkbox"
              checked={view.includeIdentity}
              disabled={!editable}
              onChange={(event) => {
                actions.setIncludeIdentity(event.currentTarget.checked);
              }}
            />{" "}
            {t("report.includeIdentity")}
          </label>
          <p className="hint">{t("report.identityOptionalHint")}</p>
        </>
      ) : (
        <p className="hint">{t("report.identityIncluded", { userId: view.reporterUserId })}</p>
      )}
      <details className="report-technical">
        <summary>{t("report.technical")}</summary>
        <p>{t("report.technicalRoom", { roomId: view.roomId })}</p>
        {view.reported !== undefined ? (
          <p>
            {t("report.technicalEvents", {
              eventIds: [
                view.reported.eventId,
                ...(view.includeContext ? view.context.map((row) => row.eventId) : []),
              ].join(", "),
            })}
          </p>
        ) : null}
      </details>
    </section>
  );
}

function EvidenceItem({ row }: { row: EvidenceRow }) {
  const { t, locale } = useTranslator();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <li className="report-message">
      <span className="message-sender">{row.mine ? t("conversation.you") : row.senderLabel}</span>
      {/* React escapes text: a body is never parsed as HTML. */}
      <p className="message-body">
        {row.keptBack ? t("report.keptBack") : row.readable ? row.body : t("report.unreadable")}
      </p>
      <span className="message-meta">
        <time dateTime={new Date(row.timestamp).toISOString()}>{when.format(row.timestamp)}</time>
      </span>
    </li>
  );
}

function Filed({ view, actions }: Props) {
  const { t } = useTranslator();
  return (
    <>
      <p className="report-done">{t("report.done")}</p>
      <DeliveryStatus view={view} actions={actions} />
      <MyReportsHint actions={actions} />
      {view.advice.length > 0 ? (
        <section className="report-advice" aria-label={t("report.advice")}>
          <h2>{t("report.advice")}</h2>
          <HelpResourceList ids={view.advice} />
        </section>
      ) : null}
      {/* Who gets the report, what else is advised and offered, and why. */}
      <WhyDetails why={view.why} />
      <AfterActions view={view} actions={actions} />
    </>
  );
}

/** Where the outcome will show (issue 18): "Mijn meldingen". */
function MyReportsHint({ actions }: Pick<Props, "actions">) {
  const { t } = useTranslator();
  if (actions.openMyReports === undefined) return null;
  return (
    <div className="report-my-reports">
      <p>{t("myReports.hint")}</p>
      <div className="actions">
        <button type="button" onClick={actions.openMyReports}>
          {t("myReports.open")}
        </button>
      </div>
    </div>
  );
}

function AfterActions({ view, actions }: Props) {
  const { t } = useTranslator();
  return (
    <section className="report-next" aria-label={t("report.next")}>
      <h2>{t("report.next")}</h2>
      {view.blocked ? (
        <p role="status">{t("report.blocked", { name: view.reportedLabel })}</p>
      ) : null}
      {view.left ? <p role="status">{t("report.left")}</p> : null}
      <div className="actions">
        {view.offers.block ? (
          <button type="button" disabled={view.busy} onClick={() => void actions.block()}>
            {t("report.block", { name: view.reportedLabel })}
          </button>
        ) : null}
        {view.offers.leave ? (
          <button type="button" disabled={view.busy} onClick={() => void actions.leave()}>
            {t("report.leave")}
          </button>
        ) : null}
        {view.offers.help ? (
          <button type="button" onClick={actions.help}>
            {t("report.help")}
          </button>
        ) : null}
        <button type="button" className="primary" onClick={actions.close}>
          {t("report.close")}
        </button>
      </div>
    </section>
  );
}

/**
 * The sheet for the youngest (the engine's `sheet: "simple"`): who is
 * reported, what goes along (a request's messages: that they go, never what
 * they say), a few choices in children's words with none picked, and one
 * button. Choosing is optional.
 */
function SimpleReview({ view, actions, goodFaithId }: Props & { goodFaithId: string }) {
  const { t, plural } = useTranslator();
  const filing = view.phase === "filing";
  return (
    <>
      <section className="report-evidence" aria-label={t("report.shared")}>
        {view.reported !== undefined ? (
          <>
            <h2>{t("report.reportedMessage")}</h2>
            <ul className="report-messages">
              <EvidenceItem row={view.reported} />
            </ul>
          </>
        ) : (
          <p>
            {view.reportedShown
              ? t("report.who", { name: view.reportedLabel, userId: view.reportedUserId })
              : t("report.profileSharedKeptBack")}
          </p>
        )}
        {view.unseenCount > 0 ? (
          <p className="report-unseen">{plural("report.unseen.child", view.unseenCount)}</p>
        ) : null}
        <ReportMediaList media={view.media} />
        {view.ageAlong === undefined ? null : (
          <p className="hint report-age-along">{t("report.ageAlong.child")}</p>
        )}
      </section>
      <fieldset className="report-simple-choices">
        <legend>{t("report.simple.question.child")}</legend>
        <p className="hint">{t("report.simple.hint.child")}</p>
        {view.categories.map((category) => (
          <label key={category} className="report-simple-choice">
            <input
              type="radio"
              name="report-category"
              value={category}
              // Nothing is picked until the child picks it (the engine pre-sets nothing).
              checked={view.categoryChosen && view.category === category}
              disabled={filing}
              onChange={() => {
                actions.setCategory(category);
              }}
            />{" "}
            {t(`report.simple.category.${category}.child`)}
          </label>
        ))}
      </fieldset>
      {view.phase === "failed" ? (
        <p className="status warning" role="alert">
          {t(reportFailedKey(view.mediaProblem), view.mediaCaps)}
        </p>
      ) : null}
      <p id={goodFaithId} className="hint">
        {t("report.goodFaith")}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary report-send"
          aria-describedby={goodFaithId}
          disabled={filing}
          onClick={() => void actions.file()}
        >
          {filing
            ? t("report.sending")
            : view.phase === "failed"
              ? t("report.tryAgain")
              : t("report.send")}
        </button>
        <button type="button" onClick={actions.close}>
          {t("report.cancel")}
        </button>
      </div>
    </>
  );
}

/**
 * After a child's report: thanks first, then who helps now (the app's team,
 * someone they trust, the help the engine chose). Where else to report is for
 * their parents, folded away: no police copy as the first thing a child reads.
 */
function SimpleFiled({ view, actions }: Props) {
  const { t } = useTranslator();
  const thanks = useRef<HTMLParagraphElement>(null);
  // The sheet keeps its scroll (he scrolled down to "Melden"): bring the thanks into view, and
  // focus it, so a screen reader says it first too.
  useEffect(() => {
    thanks.current?.focus();
  }, []);
  return (
    <>
      <p ref={thanks} tabIndex={-1} className="report-done report-thanks">
        {t("report.simple.thanks.child")}
      </p>
      <section className="report-who-helps" aria-labelledby="report-who-helps-title">
        <h2 id="report-who-helps-title">{t("report.simple.whoHelps.child")}</h2>
        <p>{t("report.simple.team.child")}</p>
        <p>{t("report.simple.trusted.child")}</p>
        {view.help.length > 0 ? (
          <>
            <p>{t("report.simple.talk.child")}</p>
            <HelpRows ids={view.help} />
          </>
        ) : null}
      </section>
      <DeliveryStatus view={view} actions={actions} />
      <MyReportsHint actions={actions} />
      {view.advice.length > 0 ? (
        <details className="report-advice report-for-adults">
          <summary>{t("report.simple.forAdults.child")}</summary>
          <HelpResourceList ids={view.advice} />
        </details>
      ) : null}
      <WhyDetails why={view.why} />
      <AfterActions view={view} actions={actions} />
    </>
  );
}

/** The outbox's live state of the filed report, and a retry once the server refused it. */
function DeliveryStatus({ view, actions }: Props) {
  const { t } = useTranslator();
  const status = view.status ?? "queued";
  return (
    <>
      <p className={`report-status report-status-${status}`} role="status">
        {t(
          status === "failed-permanently"
            ? "report.status.failed"
            : status === "delivered"
              ? "report.status.delivered"
              : status === "sending"
                ? "report.status.sending"
                : "report.status.queued",
        )}
      </p>
      {status === "failed-permanently" ? (
        <button type="button" onClick={() => void actions.retryDelivery()}>
          {t("report.tryAgain")}
        </button>
      ) : null}
    </>
  );
}
