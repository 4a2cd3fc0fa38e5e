// The application shell: language, the current screen, nothing else.
import { useMemo } from "react";
import { createTranslator, LOCALES, type Locale } from "../i18n/i18n.ts";
import type { AppViewModel } from "../viewmodels/AppViewModel.ts";
import { assertNever } from "../viewmodels/assertNever.ts";
import { ChatListView } from "./ChatListView.tsx";
import { ConversationView } from "./ConversationView.tsx";
import { HelpView } from "./HelpView.tsx";
import { ModerationView } from "./ModerationView.tsx";
import { FindPeopleView } from "./FindPeopleView.tsx";
import { NewChatView } from "./NewChatView.tsx";
import { NewGroupView } from "./NewGroupView.tsx";
import { RecoveryView } from "./RecoveryView.tsx";
import { ReportSheetView } from "./ReportSheetView.tsx";
import { RequestView } from "./RequestView.tsx";
import { SignInView } from "./SignInView.tsx";
import { TranslatorContext } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function App({ viewModel }: { viewModel: AppViewModel }) {
  const { locale, screen, help, report } = useViewModel(viewModel);
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const { t } = translator;

  return (
    <TranslatorContext value={translator}>
      <div className="app" lang={locale}>
        <header className="app-header">
          <span className="app-name">{t("app.name")}</span>
          <button
            type="button"
            className="help-button"
            aria-haspopup="dialog"
            onClick={() => {
              viewModel.openHelp();
            }}
          >
            {t("help.button")}
          </button>
          <label className="language-switch">
            <span className="visually-hidden">{t("language.label")}</span>
            <select
              value={locale}
              onChange={(event) => {
                viewModel.setLocale(event.currentTarget.value as Locale);
              }}
            >
              {LOCALES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {t(`language.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </header>
        {help ? (
          <HelpView viewModel={help} />
        ) : (
          <>
            <main className="app-main" inert={report !== undefined}>
              {renderScreen(screen, t)}
            </main>
            {report ? <ReportSheetView viewModel={report} /> : null}
          </>
        )}
      </div>
    </TranslatorContext>
  );
}

function renderScreen(
  screen: ReturnType<AppViewModel["getSnapshot"]>["screen"],
  t: ReturnType<typeof createTranslator>["t"],
) {
  switch (screen.kind) {
    case "restoring":
      return (
        <p className="status" role="status">
          {t("session.restoring")}
        </p>
      );
    case "sign-in":
      return <SignInView viewModel={screen.signIn} />;
    case "chats":
      return <ChatListView viewModel={screen.chatList} />;
    case "conversation":
      return <ConversationView viewModel={screen.conversation} />;
    case "request":
      return <RequestView viewModel={screen.request} />;
    case "new-chat":
      return <NewChatView viewModel={screen.newChat} />;
    case "find-people":
      return <FindPeopleView viewModel={screen.findPeople} />;
    case "recovery":
      return <RecoveryView viewModel={screen.recovery} />;
    case "new-group":
      return <NewGroupView viewModel={screen.newGroup} />;
    case "moderation":
      return <ModerationView viewModel={screen.moderation} />;
    default:
      return assertNever(screen);
  }
}
