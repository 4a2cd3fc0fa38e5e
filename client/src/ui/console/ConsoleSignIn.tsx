// UI: the console's sign-in: only a facilitator's account gets past it.
import { useState } from "react";
import { useTranslator } from "../TranslatorContext.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleSignIn({ view, actions }: ConsoleSectionProps) {
  const { t } = useTranslator();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  return (
    <>
      <h1>{t("facilitator.signIn.title")}</h1>
      <form
        className="console-sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          void actions.signIn(username, password);
        }}
      >
        <label htmlFor="console-username">{t("facilitator.signIn.username")}</label>
        <input
          id="console-username"
          autoCapitalize="none"
          autoComplete="username"
          value={username}
          onChange={(event) => {
            setUsername(event.currentTarget.value);
          }}
        />
        <label htmlFor="console-password">{t("facilitator.signIn.password")}</label>
        <input
          id="console-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
          }}
        />
        {view.error ? (
          <p className="error" role="alert">
            {t(view.error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={view.busy}>
          {t("facilitator.signIn.submit")}
        </button>
      </form>
    </>
  );
}
