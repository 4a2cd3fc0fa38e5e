// The report sheet: a dialog over the current screen. It shows exactly what
// will be shared, the engine's default category and one button that files
// the report; details are optional. After filing: the live status, where
// else to report, and block, leave and help as the engine offers them.
// Renders ReportSheetViewModel; contains no rules.
import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import type {
  EvidenceRow,
  ReportSheetSnapshot,
  ReportSheetViewModel,
} from "../viewmodels/ReportSheetViewModel.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function ReportSheetView({ viewModel }: { viewModel: ReportSheetViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();
  const titleId = useId();
  const goodFaithId = useId();
  const noteId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus moves into the dialog and back to where it was (the Report button) on close.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      if (opener?.isConnected === true) opener.focus();
    };
  }, [viewModel]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === "Escape") {
      viewModel.close();
      return;
    }
    if (event.key === "Tab") keepFocusInside(dialog.current, event);
  };

  const title = view.target === "message" ? t("report.title.message") : t("report.title.person");

  return (
    <div className="report-backdrop">
      <div
        ref={dialog}
        className="report-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h1 id={titleId} ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {view.phase === "unavailable" || view.phase === "not-found" ? (
          <>
            <p className="status warning" role="alert">
              {view.phase === "unavailable" ? t("report.unavailable") : t("report.notFound")}
            </p>
            <AfterActions view={view} viewModel={viewModel} />
          </>
        ) : view.phase === "filed" ? (
          <Filed view={view} viewModel={viewModel} />
        ) : (
          <>
            <p>{t("report.intro")}</p>
            <Evidence view={view} viewModel={viewModel} />
            <button
              type="button"
              className="report-details-toggle"
              aria-expanded={view.detailsOpen}
              onClick={viewModel.toggleDetails}
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
                          viewModel.setCategory(category);
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
                    viewModel.setNote(event.currentTarget.value);
                  }}
                />
              </div>
            ) : null}
            {view.phase === "failed" ? (
              <p className="status warning" role="alert">
                {t("report.failed")}
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
                onClick={() => void viewModel.file()}
              >
                {view.phase === "filing"
                  ? t("report.sending")
                  : view.phase === "failed"
                    ? t("report.tryAgain")
                    : t("report.send")}
              </button>
              <button type="button" onClick={viewModel.close}>
                {t("report.cancel")}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

type Props = { view: ReportSheetSnapshot; viewModel: ReportSheetViewModel };

function Evidence({ view, viewModel }: Props) {
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
                    viewModel.setIncludeContext(event.currentTarget.checked);
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
      ) : (
        <p>
          {view.reportedShown
            ? t("report.profileShared", { name: view.reportedLabel, userId: view.reportedUserId })
            : t("report.profileSharedKeptBack")}
        </p>
      )}
      <p>
        {t("report.categoryLabel")}: <strong>{t(`report.category.${view.category}`)}</strong>
      </p>
      {view.identityOptional ? (
        <>
          <label className="report-choice">
            <input
              type="checkbox"
              checked={view.includeIdentity}
              disabled={!editable}
              onChange={(event) => {
                viewModel.setIncludeIdentity(event.currentTarget.checked);
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

function Filed({ view, viewModel }: Props) {
  const { t } = useTranslator();
  const status = view.status ?? "queued";
  return (
    <>
      <p className="report-done">{t("report.done")}</p>
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
        <button type="button" onClick={() => void viewModel.retryDelivery()}>
          {t("report.tryAgain")}
        </button>
      ) : null}
      {view.advice.length > 0 ? (
        <section className="report-advice" aria-label={t("report.advice")}>
          <h2>{t("report.advice")}</h2>
          <HelpResourceList ids={view.advice} />
        </section>
      ) : null}
      <AfterActions view={view} viewModel={viewModel} />
    </>
  );
}

function AfterActions({ view, viewModel }: Props) {
  const { t } = useTranslator();
  return (
    <section className="report-next" aria-label={t("report.next")}>
      <h2>{t("report.next")}</h2>
      {view.blocked ? (
        <p role="status">{t("report.blocked", { name: view.reportedLabel })}</p>
      ) : null}
      {view.left ? <p role="status">{t("report.left")}</p> : null}
      <div className="actions">
        {view.afterActions.map((action) => {
          switch (action) {
            case "block":
              return view.blocked || view.reportedUserId === "" ? null : (
                <button
                  key={action}
                  type="button"
                  disabled={view.busy}
                  onClick={() => void viewModel.block()}
                >
                  {t("report.block", { name: view.reportedLabel })}
                </button>
              );
            case "leave":
              return view.left ? null : (
                <button
                  key={action}
                  type="button"
                  disabled={view.busy}
                  onClick={() => void viewModel.leave()}
                >
                  {t("report.leave")}
                </button>
              );
            case "get-help":
              return (
                <button key={action} type="button" onClick={viewModel.help}>
                  {t("report.help")}
                </button>
              );
            default:
              return null;
          }
        })}
        <button type="button" className="primary" onClick={viewModel.close}>
          {t("report.close")}
        </button>
      </div>
    </section>
  );
}

/** Tab and Shift+Tab stay inside the dialog (aria-modal alone does not stop the keyboard). */
function keepFocusInside(container: HTMLElement | null, event: KeyboardEvent): void {
  if (container === null) return;
  const focusable = [
    ...container.querySelectorAll<HTMLElement>(
      "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), summary, a[href]",
    ),
  ];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (first === undefined || last === undefined) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
