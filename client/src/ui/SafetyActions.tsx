// UI: the two buttons every screen and every dialog carries, in a bar that
// never scrolls away: "Snel weg" (the quick exit) and "Hulp". What they do
// belongs to the root view model; App provides it through this context, so a
// dialog deep in a screen reaches them without every view passing them on.
// Outside the app (a view rendered on its own in a unit test) they are not shown.
import { createContext, use, useId } from "react";
import { useTranslator } from "./TranslatorContext.tsx";

export type SafetyActions = {
  /** Opens help over whatever is open, the dialogs included. */
  readonly openHelp: () => void;
  /** Leaves the app at once for a neutral site. */
  readonly quickExit: () => void;
};

export const SafetyActionsContext = createContext<SafetyActions | undefined>(undefined);

export function QuickExitButton() {
  const actions = use(SafetyActionsContext);
  const { t } = useTranslator();
  const hintId = useId();
  if (actions === undefined) return null;
  return (
    <>
      <button
        type="button"
        className="quick-exit"
        onClick={actions.quickExit}
        aria-describedby={hintId}
      >
        {t("help.quickExit")}
      </button>
      <span id={hintId} className="visually-hidden">
        {t("help.quickExitHint")}
      </span>
    </>
  );
}

export function HelpButton() {
  const actions = use(SafetyActionsContext);
  const { t } = useTranslator();
  if (actions === undefined) return null;
  return (
    <button
      type="button"
      className="help-button"
      aria-haspopup="dialog"
      onClick={() => {
        actions.openHelp();
      }}
    >
      {t("help.button")}
    </button>
  );
}
