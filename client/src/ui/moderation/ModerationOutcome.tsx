// UI: the outcome of one report for its reporter (issue 18, acceptance 3):
// handled, forwarded to a body the engine advised for this report, or no
// action with a reason from a fixed list; then whether it reached the
// reporter's mailbox, with a retry. Choosing also marks the report handled
// for the team. Everything comes from ModerationViewModel; no rule here.
import type { NoActionReason, StatusOutcome } from "@safety-by-design/protocol";
import { HELP_RESOURCES, type HelpResourceId } from "../../help/resources.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import type {
  ModerationReportDetail,
  ModerationViewActions,
} from "../../viewmodels/ModerationViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

const REASONS: readonly { readonly id: NoActionReason; readonly key: MessageKey }[] = [
  { id: "no-rule-broken", key: "moderation.outcome.reason.noRuleBroken" },
  { id: "not-enough-information", key: "moderation.outcome.reason.notEnoughInformation" },
  { id: "already-handled", key: "moderation.outcome.reason.alreadyHandled" },
];

export function ModerationOutcome({
  report,
  actions,
}: {
  readonly report: ModerationReportDetail;
  readonly actions: ModerationViewActions;
}) {
  const { t, locale } = useTranslator();
  const { bodies, canReachReporter, chosen, sending, lastSend } = report.outcome;
  const name = (id: string) =>
    id in HELP_RESOURCES ? HELP_RESOURCES[id as HelpResourceId].name[locale] : id;
  const reasonText = (id: NoActionReason | null) =>
    t(REASONS.find((r) => r.id === id)?.key ?? "moderation.outcome.reason.noRuleBroken");
  const words = (outcome: StatusOutcome) =>
    outcome.decision === "handled"
      ? t("moderation.outcome.handled")
      : outcome.decision === "forwarded"
        ? t("moderation.outcome.forwardedTo", { name: name(outcome.forwardedTo ?? "") })
        : t("moderation.outcome.noAction", { reason: reasonText(outcome.reason) });
  return (
    <section className="outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t("moderation.outcome.title")}</h2>
      <p className="hint">{t("moderation.outcome.intro")}</p>
      {canReachReporter ? null : <p className="hint">{t("moderation.outcome.noChannel")}</p>}
      {chosen === undefined ? (
        <div className="actions outcome-choices">
          <button
            type="button"
            disabled={sending}
            onClick={() => void actions.decideOutcome({ decision: "handled" })}
          >
            {t("moderation.outcome.handled")}
          </button>
          {bodies.map((id) => (
            <button
              key={id}
              type="button"
              disabled={sending}
              onClick={() => void actions.decideOutcome({ decision: "forwarded", forwardedTo: id })}
            >
              {t("moderation.outcome.forwardedTo", { name: name(id) })}
            </button>
          ))}
          {REASONS.map(({ id, key }) => (
            <button
              key={id}
              type="button"
              disabled={sending}
              onClick={() => void actions.decideOutcome({ decision: "no-action", reason: id })}
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
