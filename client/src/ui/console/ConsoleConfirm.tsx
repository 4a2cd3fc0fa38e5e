// UI: the console's confirmation for what cannot be undone for a participant
// (withdrawal, resetting an account, a fresh sign-in code, closing the session): it says exactly
// what will happen; "Annuleren" has the focus, so Enter never deletes.
import { useTranslator } from "../TranslatorContext.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleConfirm({ view, actions }: ConsoleSectionProps) {
  const { t } = useTranslator();
  const confirmation = view.confirmation;
  if (confirmation === undefined) return null;
  const [question, yes] =
    confirmation.kind === "withdraw"
      ? [
          t("facilitator.confirm.withdraw", {
            seat: confirmation.seat,
            recorded: confirmation.recorded,
          }),
          t("facilitator.confirm.withdrawYes"),
        ]
      : confirmation.kind === "reset"
        ? [
            t("facilitator.confirm.reset", { seat: confirmation.seat }),
            t("facilitator.confirm.resetYes"),
          ]
        : confirmation.kind === "renew-code"
          ? [
              t("facilitator.confirm.renewCode", { seat: confirmation.seat }),
              t("facilitator.confirm.renewCodeYes"),
            ]
          : [
              t("facilitator.confirm.clear", { seats: confirmation.seats }),
              t("facilitator.confirm.clearYes"),
            ];
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="console-confirm-text"
      className="console-confirm"
    >
      <p id="console-confirm-text">{question}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={() => void actions.confirm()}>
          {yes}
        </button>
        {/* The safe choice takes the focus. */}
        <button type="button" autoFocus onClick={actions.cancelConfirmation}>
          {t("facilitator.confirm.no")}
        </button>
      </div>
    </div>
  );
}
