// UI: the top of the facilitator console: its title, the language menu and
// sign-out once signed in; the language menu alone before.
import { LOCALES, type Locale } from "../../i18n/i18n.ts";
import type { ConsoleViewActions } from "../../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

export type LanguageChoice = {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
};

export function ConsoleHeader({
  facilitator,
  language,
  actions,
}: {
  /** The signed-in facilitator; undefined on the sign-in page. */
  readonly facilitator: string | undefined;
  readonly language: LanguageChoice;
  readonly actions: ConsoleViewActions;
}) {
  const { t } = useTranslator();
  if (facilitator === undefined) {
    return (
      <div className="console-header">
        <LanguageMenu {...language} />
      </div>
    );
  }
  return (
    <>
      <header className="console-header">
        <h1>{t("facilitator.title")}</h1>
        <div className="console-header-actions">
          <LanguageMenu {...language} />
          <button type="button" onClick={() => void actions.signOut()}>
            {t("facilitator.signOut")}
          </button>
        </div>
      </header>
      <p className="hint">{t("facilitator.signedInAs", { userId: facilitator })}</p>
    </>
  );
}

function LanguageMenu({ locale, setLocale }: LanguageChoice) {
  const { t } = useTranslator();
  return (
    <label className="console-language">
      {t("language.label")}{" "}
      <select
        value={locale}
        onChange={(event) => {
          setLocale(event.currentTarget.value === "en" ? "en" : "nl");
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
