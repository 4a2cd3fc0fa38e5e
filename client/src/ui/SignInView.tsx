// The sign-in screen: renders SignInViewModel's form and its error.
import { useId } from "react";
import type { SignInViewModel } from "../viewmodels/SignInViewModel.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function SignInView({ viewModel }: { viewModel: SignInViewModel }) {
  const form = useViewModel(viewModel);
  const { t } = useTranslator();
  const ids = {
    username: useId(),
    password: useId(),
    server: useId(),
    serverHint: useId(),
    error: useId(),
  };

  return (
    <section className="sign-in" aria-labelledby={`${ids.username}-title`}>
      <h1 id={`${ids.username}-title`}>{t("signIn.title")}</h1>
      <p className="tagline">{t("app.tagline")}</p>
      <form
        noValidate
        aria-describedby={form.error ? ids.error : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          void viewModel.submit();
        }}
      >
        <label htmlFor={ids.username}>{t("signIn.username")}</label>
        <input
          id={ids.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={form.username}
          onChange={(event) => {
            viewModel.setUsername(event.currentTarget.value);
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
            viewModel.setPassword(event.currentTarget.value);
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
                viewModel.setHomeserverUrl(event.currentTarget.value);
              }}
            />
            <p id={ids.serverHint} className="hint">
              {t("signIn.serverHint")}
            </p>
          </>
        ) : (
          <button type="button" className="link-button" onClick={viewModel.openServerField}>
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
