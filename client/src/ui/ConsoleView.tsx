// UI: the facilitator console (console.html) of a classroom session: sign in
// as a facilitator, connect phones (the classroom certificate), create the
// participants' seats with their policy, record consent, run a scenario per
// seat, watch every participant's events live (ids only), export one file for
// the session. Works on a phone (375 px, one column) and on a laptop (a grid
// of seats). This file only composes the sections in console/.
import { useMemo, useState } from "react";
import { createTranslator, type Locale } from "../i18n/i18n.ts";
import type {
  ConsoleSnapshot,
  ConsoleViewActions,
  ConsoleViewModel,
} from "../viewmodels/ConsoleViewModel.ts";
import { ConsoleConfirm } from "./console/ConsoleConfirm.tsx";
import { ConsoleExport } from "./console/ConsoleExport.tsx";
import { ConsoleHeader, type LanguageChoice } from "./console/ConsoleHeader.tsx";
import { ConsoleSeats } from "./console/ConsoleSeats.tsx";
import { ConsoleSetup } from "./console/ConsoleSetup.tsx";
import { ConsoleSignIn } from "./console/ConsoleSignIn.tsx";
import { ConsoleSummaries } from "./console/ConsoleSummaries.tsx";
import { ConsoleTimeline } from "./console/ConsoleTimeline.tsx";
import { ConsoleTrust } from "./console/ConsoleTrust.tsx";
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
      <div role="status" className="console-result">
        {view.result === undefined ? null : t(view.result.key, view.result.params)}
      </div>
      <ConsoleConfirm view={view} actions={actions} />
      <ConsoleTrust view={view} />
      <ConsoleSetup view={view} actions={actions} />
      <ConsoleSeats view={view} actions={actions} />
      <ConsoleTimeline view={view} />
      <ConsoleSummaries view={view} />
      <ConsoleExport actions={actions} busy={view.busy} />
    </>
  );
}
