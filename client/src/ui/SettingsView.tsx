// UI: Settings, reached from the chat list's header: language, being
// findable (as Find people has it), the theme, notifications, which rules
// protect the person, and signing out. Renders SettingsSnapshot: what
// notifications may show and whether being findable may change were decided
// by the engine, and the view model says which button to offer.
import { useId } from "react";
import { LOCALES } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { THEME_CHOICES, type ThemeChoice } from "../viewmodels/device.ts";
import type {
  NotificationsView,
  RulesView,
  SettingsSnapshot,
  SettingsViewActions,
  SettingsViewModel,
} from "../viewmodels/SettingsViewModel.ts";
import { FindableSettingView } from "./FindableSettingView.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** Binds Settings to its view model. */
export function SettingsContainer({ viewModel }: { viewModel: SettingsViewModel }) {
  return <SettingsView view={useViewModel(viewModel)} actions={viewModel} />;
}

const THEME_WORDS: Readonly<Record<ThemeChoice, MessageKey>> = {
  system: "settings.theme.system",
  light: "settings.theme.light",
  dark: "settings.theme.dark",
};

export function SettingsView({
  view,
  actions,
}: {
  view: SettingsSnapshot;
  actions: SettingsViewActions;
}) {
  const { t, plural, locale: shown } = useTranslator();
  const languageTitle = useId();
  const themeTitle = useId();
  const accountTitle = useId();
  const myReportsTitle = useId();
  return (
    <section className="settings-screen" aria-labelledby="settings-title">
      <ScreenHeader
        titleId="settings-title"
        title={t("settings.title")}
        backLabel={t("settings.back")}
        onBack={actions.back}
      />

      <fieldset className="choice-group">
        <legend id={languageTitle}>{t("settings.language.title")}</legend>
        {LOCALES.map((locale) => (
          <label key={locale} className="choice" lang={locale}>
            <input
              type="radio"
              name="settings-language"
              value={locale}
              checked={shown === locale}
              onChange={() => {
                actions.setLocale(locale);
              }}
            />
            {t(`language.${locale}`)}
          </label>
        ))}
      </fieldset>

      <Notifications notifications={view.notifications} actions={actions} />

      {view.findable === undefined ? null : (
        <FindableSettingView
          findable={view.findable.setting}
          available={view.findable.available}
          actions={actions}
        />
      )}
      {view.findable?.error === undefined ? null : <p role="alert">{t(view.findable.error)}</p>}

      <fieldset className="choice-group">
        <legend id={themeTitle}>{t("settings.theme.title")}</legend>
        {THEME_CHOICES.map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="settings-theme"
              value={theme}
              checked={view.theme === theme}
              onChange={() => {
                actions.setTheme(theme);
              }}
            />
            {t(THEME_WORDS[theme])}
          </label>
        ))}
      </fieldset>

      <section className="setting my-reports-entry" aria-labelledby={myReportsTitle}>
        <h2 id={myReportsTitle}>{t("myReports.title")}</h2>
        <p className="hint">{t("myReports.hint")}</p>
        <button type="button" onClick={actions.openMyReports}>
          {t("myReports.open")}
          {view.myReportsUnseen > 0 ? (
            <span className="badge unread-dot">
              {plural("myReports.unseen", view.myReportsUnseen)}
            </span>
          ) : null}
        </button>
      </section>

      <Rules rules={view.rules} />

      <section className="setting" aria-labelledby={accountTitle}>
        <h2 id={accountTitle}>{t("settings.account")}</h2>
        <p className="signed-in-as">{t("chats.signedInAs", { userId: view.userId })}</p>
        <button
          type="button"
          disabled={view.signingOut}
          onClick={() => {
            void actions.signOut();
          }}
        >
          {t("chats.signOut")}
        </button>
      </section>
    </section>
  );
}

function Notifications({
  notifications,
  actions,
}: {
  readonly notifications: NotificationsView;
  readonly actions: SettingsViewActions;
}) {
  const { t } = useTranslator();
  const titleId = useId();
  const shows: Readonly<Record<NotificationsView["shows"], MessageKey>> = {
    "sender-and-text": "settings.notifications.senderAndText",
    "new-message": "settings.notifications.newMessageOnly",
    none: "settings.notifications.none",
  };
  return (
    <section className="setting" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("settings.notifications.title")}</h2>
      <p>{notifications.on ? t("settings.notifications.on") : t("settings.notifications.off")}</p>
      <p className="hint">{t(shows[notifications.shows])}</p>
      {notifications.shows === "none" ? null : (
        <p className="hint">{t("settings.notifications.neverRequests")}</p>
      )}
      {notifications.permission === "denied" ? (
        <p className="status">{t("settings.notifications.denied")}</p>
      ) : null}
      {notifications.permission === "unsupported" ? (
        <p className="status">{t("settings.notifications.unsupported")}</p>
      ) : null}
      <div aria-live="polite">
        {notifications.asking ? (
          <p className="status">{t("settings.notifications.asking")}</p>
        ) : null}
      </div>
      {notifications.offer === "turn-on" ? (
        <button type="button" onClick={() => void actions.turnOnNotifications()}>
          {t("settings.notifications.turnOn")}
        </button>
      ) : null}
      {notifications.offer === "turn-off" ? (
        <button type="button" onClick={actions.turnOffNotifications}>
          {t("settings.notifications.turnOff")}
        </button>
      ) : null}
    </section>
  );
}

/** The deciding pack in its own words (Dutch or English), and whether it is a study's. */
function Rules({ rules }: { readonly rules: RulesView }) {
  const { t, locale } = useTranslator();
  const titleId = useId();
  return (
    <section className="setting rules" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("settings.rules.title")}</h2>
      <p>{t("settings.rules.intro")}</p>
      {rules.failed ? (
        <p className="status warning" role="note">
          {t("settings.rules.failed")}
        </p>
      ) : null}
      {rules.about === undefined ? null : (
        <>
          <p>
            {t("settings.rules.active")} <strong>{rules.about.label[locale]}</strong>
          </p>
          <p className="rules-description">{rules.about.description[locale]}</p>
        </>
      )}
      {rules.study ? (
        <p className="status warning" role="note">
          {t("settings.rules.study")}
        </p>
      ) : null}
    </section>
  );
}
