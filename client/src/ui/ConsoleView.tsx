// UI: the facilitator console (console.html): sign in as a facilitator, choose
// the policy pack per participant, record consent, start and stop scripted
// scenarios, watch the participant's events live (ids only) and export.
// Laid out for a laptop beside the participant's phone-sized window. This file
// only composes the sections in console/.
import { useMemo, useState } from "react";
import { createTranslator, type Locale } from "../i18n/i18n.ts";
import type {
  ConsoleSnapshot,
  ConsoleViewActions,
  ConsoleViewModel,
} from "../viewmodels/ConsoleViewModel.ts";
import { ConsoleConsent } from "./console/ConsoleConsent.tsx";
import { ConsoleExport } from "./console/ConsoleExport.tsx";
import { ConsoleHeader, type LanguageChoice } from "./console/ConsoleHeader.tsx";
import { ConsoleParticipants } from "./console/ConsoleParticipants.tsx";
import { ConsoleScenarios } from "./console/ConsoleScenarios.tsx";
import { ConsoleSignIn } from "./console/ConsoleSignIn.tsx";
import { ConsoleSummaries } from "./console/ConsoleSummaries.tsx";
import { ConsoleTimeline } from "./console/ConsoleTimeline.tsx";
import { TranslatorContext, useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

/** The console in the facilitator's language (Dutch first; English for visiting researchers). */
export function ConsoleView({ viewModel }: { viewModel: ConsoleViewModel }) {
  const [locale, setLocale] = useState<Locale>("nl");
  const translator = useMemo(() => createTranslator(locale), [locale]);
  return (
    <TranslatorContext.Provider value={translator}>
      <main className="console" lang={locale}>
        <ConsolePage
          view={useViewModel(viewModel)}
          actions={viewModel}
          language={{ locale, setLocale }}
        />
      </main>
    </TranslatorContext.Provider>
  );
}

export function ConsolePage({
  view,
  actions,
  language,
}: {
  readonly view: ConsoleSnapshot;
  readonly actions: ConsoleViewActions;
  readonly language: LanguageChoice;
}) {
  const { t } = useTranslator();
  const header = (
    <ConsoleHeader facilitator={view.facilitator} language={language} actions={actions} />
  );
  if (view.facilitator === undefined) {
    return (
      <>
        {header}
        <ConsoleSignIn view={view} actions={actions} />
      </>
    );
  }
  return (
    <>
      {header}
      {view.error ? (
        <p className="error" role="alert">
          {t(view.error)}
        </p>
      ) : null}
      <ConsoleParticipants view={view} actions={actions} />
      <ConsoleConsent view={view} actions={actions} />
      <ConsoleScenarios view={view} actions={actions} />
      <ConsoleTimeline view={view} />
      <ConsoleSummaries view={view} />
      <ConsoleExport actions={actions} />
    </>
  );
}
