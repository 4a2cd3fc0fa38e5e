// UI: the application shell. The header, which never scrolls away (the quick
// exit and help one tap away, the language); what the root view model is at:
// starting (the loading stages), signing in, or a running session's screens (SessionView); and
// help as a dialog over all of it. Escape three times quickly is the quick
// exit's key, on every screen.
import { lazy, Suspense, useEffect, useMemo } from "react";
import { createTranslator, LOCALES, type Locale } from "../i18n/i18n.ts";
import type { AppUpdateModel } from "../pwa/appUpdate.ts";
import type { RootViewModel } from "../viewmodels/RootViewModel.ts";
import type { SessionViewModel } from "../viewmodels/SessionViewModel.ts";
import { HelpContainer } from "./HelpView.tsx";
import { HelpButton, QuickExitButton, SafetyActionsContext } from "./SafetyActions.tsx";
import { SessionLoadingContainer } from "./SessionLoadingView.tsx";
import type { SessionView as SessionViewComponent } from "./SessionView.tsx";
import { SignInContainer } from "./SignInView.tsx";
import { TranslatorContext } from "./TranslatorContext.tsx";
import { UpdateNotice } from "./UpdateNotice.tsx";
import { useViewModel } from "./useViewModel.ts";

// A session's screens load with it, not before the sign-in screen
// (docs/performance.md): main.tsx starts `loadSessionView` when a session
// starts. Once loaded they render straight away. Suspending instead would
// show nothing for 300 ms more: React holds back what a Suspense boundary
// reveals until 300 ms after it showed its fallback.
let loadedSessionView: typeof SessionViewComponent | undefined;
export async function loadSessionView(): Promise<typeof SessionViewComponent> {
  loadedSessionView ??= (await import("./SessionView.tsx")).SessionView;
  return loadedSessionView;
}
const LazySessionView = lazy(async () => ({ default: await loadSessionView() }));

export function App({
  viewModel,
  update,
}: {
  viewModel: RootViewModel;
  update?: AppUpdateModel | undefined;
}) {
  const { locale, phase, help } = useViewModel(viewModel);
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const { t } = translator;
  const safety = useMemo(
    () => ({
      openHelp: () => {
        viewModel.openHelp();
      },
      quickExit: viewModel.quickExit,
    }),
    [viewModel],
  );

  // Escape is counted wherever focus is, before a dialog takes it to close itself.
  // Held down (repeat) or while composing text (an input method) it does not count.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === "Escape" && !event.repeat && !event.isComposing) {
        viewModel.escapePressed();
      }
    };
    document.addEventListener("keydown", onKeyDown, { capture: true });
    return () => {
      document.removeEventListener("keydown", onKeyDown, { capture: true });
    };
  }, [viewModel]);

  return (
    <TranslatorContext value={translator}>
      <SafetyActionsContext value={safety}>
        <div className="app" lang={locale}>
          <header className="app-header">
            {/* On a phone the icon stands for the name: the quick exit and help need the room. */}
            <span className="app-name">
              <span className="app-icon" aria-hidden="true" />
              <span className="app-name-text">{t("app.name")}</span>
            </span>
            <QuickExitButton />
            <HelpButton />
            <label className="language-switch">
              <span className="visually-hidden">{t("language.label")}</span>
              <select
                value={locale}
                onChange={(event) => {
                  viewModel.setLocale(event.currentTarget.value as Locale);
                }}
              >
                {LOCALES.map((option) => (
                  // Short on screen ("NL"), the language's own name for screen readers.
                  <option
                    key={option}
                    value={option}
                    lang={option}
                    aria-label={t(`language.${option}`)}
                  >
                    {option.toUpperCase()}
                  </option>
                ))}
              </select>
            </label>
          </header>
          {update ? <UpdateNotice update={update} /> : null}
          {phase.kind === "signed-in" ? (
            <SessionScreens viewModel={phase.session} />
          ) : (
            <main className="app-main">
              {phase.kind === "starting" ? (
                <SessionLoadingContainer viewModel={phase.loading} />
              ) : (
                <SignInContainer viewModel={phase.signIn} />
              )}
            </main>
          )}
          {/* After the session: help opens over the report sheet when that is open. */}
          {help ? <HelpContainer viewModel={help} /> : null}
        </div>
      </SafetyActionsContext>
    </TranslatorContext>
  );
}

/** A running session's screens: at once when loaded, else once they are. */
function SessionScreens({ viewModel }: { viewModel: SessionViewModel }) {
  const Loaded = loadedSessionView;
  return Loaded === undefined ? (
    <Suspense fallback={null}>
      <LazySessionView viewModel={viewModel} />
    </Suspense>
  ) : (
    <Loaded viewModel={viewModel} />
  );
}
