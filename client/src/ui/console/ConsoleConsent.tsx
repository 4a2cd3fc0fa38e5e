// UI: the console's consent: record it, or withdraw it (after confirming that
// the participant's records will be deleted).
import { useTranslator } from "../TranslatorContext.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleConsent({ view, actions }: ConsoleSectionProps) {
  const { t } = useTranslator();
  const consent = view.consent;
  return (
    <section aria-labelledby="console-consent">
      <h2 id="console-consent">{t("facilitator.consent.title")}</h2>
      {consent === undefined ? (
        <>
          <p>{t("facilitator.consent.none")}</p>
          <button type="button" className="primary" onClick={actions.giveConsent}>
            {t("facilitator.consent.give")}
          </button>
        </>
      ) : (
        <>
          <p>
            {t("facilitator.consent.given", {
              participant: consent.participant,
              version: consent.textVersion,
            })}
          </p>
          {view.confirmingWithdrawal ? (
            <div role="alertdialog" aria-labelledby="console-withdraw" className="console-confirm">
              <p id="console-withdraw">
                {t("facilitator.consent.confirm", { participant: consent.participant })}
              </p>
              <div className="actions">
                <button type="button" onClick={actions.withdrawConsent}>
                  {t("facilitator.consent.confirmYes")}
                </button>
                <button type="button" onClick={actions.cancelWithdrawal}>
                  {t("facilitator.consent.confirmNo")}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={actions.askToWithdrawConsent}>
              {t("facilitator.consent.withdraw")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
