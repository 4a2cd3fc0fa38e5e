// UI: the recovery key: offered after sign-in, shown once, typed on a new phone.
import { useId } from "react";
import type {
  RecoverySnapshot,
  RecoveryViewActions,
  RecoveryViewModel,
} from "../viewmodels/RecoveryViewModel.ts";
import { assertNever } from "../viewmodels/assertNever.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** Binds the recovery key's screen to its view model. */
export function RecoveryContainer({ viewModel }: { viewModel: RecoveryViewModel }) {
  return <RecoveryView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function RecoveryView({
  view,
  actions,
}: {
  view: RecoverySnapshot;
  actions: RecoveryViewActions;
}) {
  const { t } = useTranslator();
  const ids = { password: useId(), key: useId(), error: useId(), saved: useId() };

  switch (view.step) {
    case "offer":
      return (
        <section className="recovery" aria-labelledby="recovery-title">
          <h1 id="recovery-title">{t("recovery.offer.title")}</h1>
          <p>{t("recovery.offer.text")}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void actions.setUp();
            }}
          >
            {view.needsPassword ? (
              <>
                <label htmlFor={ids.password}>{t("recovery.password")}</label>
                <input
                  id={ids.password}
                  type="password"
                  autoComplete="current-password"
                  value={view.password}
                  onChange={(event) => {
                    actions.setPassword(event.currentTarget.value);
                  }}
                />
              </>
            ) : null}
            {view.error ? (
              <p id={ids.error} className="error" role="alert">
                {t(view.error)}
              </p>
            ) : null}
            <button type="submit" className="primary" disabled={view.busy}>
              {t("recovery.offer.create")}
            </button>
            <button type="button" onClick={actions.finish}>
              {t("recovery.later")}
            </button>
          </form>
        </section>
      );
    case "show-key":
      return (
        <section className="recovery" aria-labelledby="recovery-title">
          <h1 id="recovery-title">{t("recovery.showKey.title")}</h1>
          <p>{t("recovery.showKey.text")}</p>
          <p className="recovery-key" aria-label={t("recovery.enter.label")}>
            {view.recoveryKey}
          </p>
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard.writeText(view.recoveryKey).catch(() => undefined);
            }}
          >
            {t("recovery.showKey.copy")}
          </button>
          <label className="checkbox" htmlFor={ids.saved}>
            <input
              id={ids.saved}
              type="checkbox"
              checked={view.saved}
              onChange={(event) => {
                actions.confirmSaved(event.currentTarget.checked);
              }}
            />
            {t("recovery.showKey.saved")}
          </label>
          <button type="button" className="primary" disabled={!view.saved} onClick={actions.finish}>
            {t("recovery.showKey.done")}
          </button>
        </section>
      );
    case "enter-key":
      return (
        <section className="recovery" aria-labelledby="recovery-title">
          <h1 id="recovery-title">{t("recovery.enter.title")}</h1>
          <p>{t("recovery.enter.text")}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void actions.restore();
            }}
          >
            <label htmlFor={ids.key}>{t("recovery.enter.label")}</label>
            <input
              id={ids.key}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={view.error ? true : undefined}
              aria-describedby={view.error ? ids.error : undefined}
              value={view.input}
              onChange={(event) => {
                actions.setInput(event.currentTarget.value);
              }}
            />
            {view.error ? (
              <p id={ids.error} className="error" role="alert">
                {t(view.error)}
              </p>
            ) : null}
            <button type="submit" className="primary" disabled={view.busy}>
              {t("recovery.enter.submit")}
            </button>
            <button type="button" onClick={actions.finish}>
              {t("recovery.later")}
            </button>
          </form>
        </section>
      );
    case "restored":
      return (
        <section className="recovery" aria-labelledby="recovery-title">
          <h1 id="recovery-title">{t("recovery.enter.title")}</h1>
          <p role="status">{t("recovery.restored")}</p>
          <button type="button" className="primary" onClick={actions.finish}>
            {t("recovery.continue")}
          </button>
        </section>
      );
    default:
      return assertNever(view);
  }
}
