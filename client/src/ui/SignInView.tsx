// UI: the sign-in screen: SignInViewModel's form, its error and notice, or a
// classroom seat link's problem on its own (no form).
import { useId } from "react";
import type {
  SignInSnapshot,
  SignInViewActions,
  SignInViewModel,
} from "../viewmodels/SignInViewModel.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** Binds the sign-in form to its view model. */
export function SignInContainer({ viewModel }: { viewModel: SignInViewModel }) {
  return <SignInView form={useViewModel(viewModel)} actions={viewModel} />;
}

export function SignInView({
  form,
  actions,
}: {
  form: SignInSnapshot;
  actions: SignInViewActions;
}) {
  const { t } = useTranslator();
  const ids = {
    username: useId(),
    password: useId(),
    server: useId(),
    serverHint: useId(),
    error: useId(),
    notice: useId(),
  };

  if (form.seatLinkProblem !== undefined) {
    // A participant scanned a seat's QR code: no username or password to
    // type, only what to do now; the form is one small step away.
    return (
      <section className="sign-in" aria-labelledby={`${ids.username}-title`}>
        <h1 id={`${ids.username}-title`}>{t("signIn.seatLink.title")}</h1>
        <p className="notice" role="alert">
          {t(form.seatLinkProblem.key, form.seatLinkProblem.params)}
        </p>
        <button type="button" className="link-button" onClick={actions.signInByHand}>
          {t("signIn.seatLink.byHand")}
        </button>
      </section>
    );
  }

  return (
    <section className="sign-in" aria-labelledby={`${ids.username}-title`}>
      <h1 id={`${ids.username}-title`}>{t("signIn.title")}</h1>
      <p className="tagline">{t("app.tagline")}</p>
      {form.notice ? (
        <p id={ids.notice} className="notice" role="status">
          {t(form.notice.key, form.notice.params)}
        </p>
      ) : null}
      <form
        noValidate
        aria-describedby={
          [form.notice ? ids.notice : undefined, form.error ? ids.error : undefined]
            .filter((id) => id !== undefined)
            .join(" ") || undefined
        }
        onSubmit={(event) => {
          event.preventDefault();
          void actions.submit();
        }}
      >
        <label htmlFor={ids.username}>{t("signIn.username")}</label>
        <input
          id={ids.username}
          name="username"
          autoComplete="username"
          // The button that opened the form is gone: the focus goes on here.
          autoFocus={form.openedByHand}
          autoCapitalize="none"
          spellCheck={false}
          value={form.username}
          onChange={(event) => {
            actions.setUsername(event.currentTarget.value);
          }}
        />
        <label htmlFor={ids.password}>{t("signIn.password")}</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={form.password}
          onChange={(event) => {
            actions.setPassword(event.currentTarget.value);
          }}
        />
        {form.serverFieldOpen ? (
          <>
            <label htmlFor={ids.server}>{t("signIn.server")}</label>
            <input
              id={ids.server}
              name="server"
              type="url"
              inputMode="url"
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby={ids.serverHint}
              value={form.homeserverUrl}
              onChange={(event) => {
                actions.setHomeserverUrl(event.currentTarget.value);
              }}
            />
            <p id={ids.serverHint} className="hint">
              {t("signIn.serverHint")}
            </p>
          </>
        ) : (
          <button type="button" className="link-button" onClick={actions.openServerField}>
            {t("signIn.changeServer")}
          </button>
        )}
        {form.error ? (
          <p id={ids.error} className="error" role="alert">
            {t(form.error.key, form.error.params)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </form>
    </section>
  );
}
