// UI: the outcome of one report for its reporter (issue 18, acceptance 3):
// handled, forwarded to a body the engine advised for this report, or no
// action with a reason from a fixed list; then whether it reached the
// reporter's mailbox, with a retry. A choice sends nothing: a confirmation
// shows exactly the words the reporter will read (their band's, when the
// report says it) with "Versturen naar de melder" / "Andere keuze", so an
// accidental tap never tells a child "geen actie". Sending also marks the
// report handled for the team. Everything comes from ModerationViewModel; no
// rule here. Focus moves to the confirmation, and back to the choices.
import { useEffect, useRef } from "react";
import type { NoActionReason, StatusOutcome } from "@safety-by-design/protocol";
import { HELP_RESOURCES, type HelpResourceId } from "../../help/resources.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import type {
  ModerationReportDetail,
  ModerationViewActions,
  OutcomeChoice,
} from "../../viewmodels/ModerationViewModel.ts";
import { reporterOutcomeWords, type ReporterOutcome } from "../reporterOutcomeWords.ts";
import { useTranslator } from "../TranslatorContext.tsx";

const REASONS: readonly { readonly id: NoActionReason; readonly key: MessageKey }[] = [
  { id: "no-rule-broken", key: "moderation.outcome.reason.noRuleBroken" },
  { id: "not-enough-information", key: "moderation.outcome.reason.notEnoughInformation" },
  { id: "already-handled", key: "moderation.outcome.reason.alreadyHandled" },
];

const forReporter = (choice: OutcomeChoice): ReporterOutcome =>
  choice.decision === "forwarded"
    ? { kind: "forwarded", to: choice.forwardedTo }
    : choice.decision === "no-action"
      ? { kind: "no-action", reason: choice.reason }
      : { kind: "handled" };

export function ModerationOutcome({
  report,
  actions,
}: {
  readonly report: ModerationReportDetail;
  readonly actions: ModerationViewActions;
}) {
  const { t, locale } = useTranslator();
  const { bodies, canReachReporter, chosen, confirming, sending, lastSend } = report.outcome;
  // Keyboard and screen reader: the confirmation takes focus when it opens,
  // and the choices get it back on "Andere keuze".
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const choices = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);
  // Keyed by the choice, not the snapshot object: a refresh while confirming leaves focus alone.
  const confirmingChoice = confirming === undefined ? undefined : JSON.stringify(confirming.choice);
  useEffect(() => {
    if (confirmingChoice !== undefined) confirmTitle.current?.focus();
    else if (wasConfirming.current) choices.current?.querySelector("button")?.focus();
    wasConfirming.current = confirmingChoice !== undefined;
  }, [confirmingChoice]);
  const name = (id: string) =>
    id in HELP_RESOURCES ? HELP_RESOURCES[id as HelpResourceId].name[locale] : id;
  const reasonText = (id: NoActionReason | null) =>
    t(REASONS.find((r) => r.id === id)?.key ?? "moderation.outcome.reason.noRuleBroken");
  const words = (outcome: Pick<StatusOutcome, "decision" | "forwardedTo" | "reason">) =>
    outcome.decision === "handled"
      ? t("moderation.outcome.handled")
      : outcome.decision === "forwarded"
        ? t("moderation.outcome.forwardedTo", { name: name(outcome.forwardedTo ?? "") })
        : t("moderation.outcome.noAction", { reason: reasonText(outcome.reason) });
  const choiceWords = (choice: OutcomeChoice) =>
    words({
      decision: choice.decision,
      forwardedTo: choice.decision === "forwarded" ? choice.forwardedTo : null,
      reason: choice.decision === "no-action" ? choice.reason : null,
    });
  return (
    <section className="outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t("moderation.outcome.title")}</h2>
      <p className="hint">{t("moderation.outcome.intro")}</p>
      {canReachReporter ? null : <p className="hint">{t("moderation.outcome.noChannel")}</p>}
      {chosen === undefined && confirming !== undefined ? (
        <div className="outcome-confirm" role="group" aria-labelledby="outcome-confirm-title">
          <h3 id="outcome-confirm-title" tabIndex={-1} ref={confirmTitle}>
            {t("moderation.outcome.confirm.title")}
          </h3>
          <p>
            {t("moderation.outcome.confirm.choice", { outcome: choiceWords(confirming.choice) })}
          </p>
          {canReachReporter ? (
            <>
              <p className="hint">
                {t(
                  confirming.readerWords === "child"
                    ? "moderation.outcome.confirm.readerChild"
                    : "moderation.outcome.confirm.reader",
                )}
              </p>
              <blockquote className="outcome-reporter-words" data-testid="outcome-reporter-words">
                {reporterOutcomeWords(
                  forReporter(confirming.choice),
                  confirming.readerWords === "child",
                  t,
                  locale,
                )}
              </blockquote>
            </>
          ) : (
            <p className="hint">{t("moderation.outcome.confirm.noChannel")}</p>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={sending}
              onClick={() => void actions.confirmOutcome()}
            >
              {t(
                canReachReporter
                  ? "moderation.outcome.confirm.send"
                  : "moderation.outcome.confirm.save",
              )}
            </button>
            <button type="button" disabled={sending} onClick={actions.changeOutcome}>
              {t("moderation.outcome.confirm.change")}
            </button>
          </div>
        </div>
      ) : chosen === undefined ? (
        <div className="actions outcome-choices" ref={choices}>
          <button
            type="button"
            disabled={sending}
            onClick={() => {
              actions.chooseOutcome({ decision: "handled" });
            }}
          >
            {t("moderation.outcome.handled")}
          </button>
          {bodies.map((id) => (
            <button
              key={id}
              type="button"
              disabled={sending}
              onClick={() => {
                actions.chooseOutcome({ decision: "forwarded", forwardedTo: id });
              }}
            >
              {t("moderation.outcome.forwardedTo", { name: name(id) })}
            </button>
          ))}
          {REASONS.map(({ id, key }) => (
            <button
              key={id}
              type="button"
              disabled={sending}
              onClick={() => {
                actions.chooseOutcome({ decision: "no-action", reason: id });
              }}
            >
              {t("moderation.outcome.noAction", { reason: t(key) })}
            </button>
          ))}
        </div>
      ) : (
        <p>{t("moderation.outcome.chosen", { outcome: words(chosen) })}</p>
      )}
      {sending ? (
        <p className="status" role="status">
          {t("moderation.outcome.sending")}
        </p>
      ) : chosen !== undefined && canReachReporter ? (
        chosen.sentToReporter ? (
          <p className="status" role="status">
            {t("moderation.outcome.sent")}
          </p>
        ) : (
          <div className="actions">
            <p className="status warning" role="status">
              {lastSend === "refused"
                ? t("moderation.outcome.refused")
                : t("moderation.outcome.notSent")}
            </p>
            <button type="button" onClick={() => void actions.resendOutcome()}>
              {t("moderation.outcome.retry")}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}
