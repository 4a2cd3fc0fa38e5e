// UI: the help screen, a dialog over whatever was open (a report sheet too),
// one tap from everywhere. Lists the resources the engine chose, and how to
// leave no trace; the quick exit sits in its top bar, as on every screen.
import type { HelpSnapshot, HelpViewActions, HelpViewModel } from "../viewmodels/HelpViewModel.ts";
import { Dialog } from "./Dialog.tsx";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

/** Binds the help screen to its view model. */
export function HelpContainer({ viewModel }: { viewModel: HelpViewModel }) {
  return <HelpView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function HelpView({ view, actions }: { view: HelpSnapshot; actions: HelpViewActions }) {
  const { t } = useTranslator();
  return (
    <Dialog
      titleId="help-title"
      className="help-screen"
      onClose={actions.close}
      offerHelp={false}
      closeLabel={t("help.close")}
    >
      <h1 id="help-title" tabIndex={-1}>
        {t("help.title")}
      </h1>
      <p>{t("help.intro")}</p>
      <NoticeList notices={view.notices} />
      <HelpResourceList ids={view.resources} onOpen={actions.openResource} />
      {/* Why these organisations (for this age, after this moment). */}
      <WhyDetails why={view.why} />
      <section className="help-traces" aria-labelledby="help-traces-title">
        <h2 id="help-traces-title">{t("help.traces.title")}</h2>
        <p>{t("help.traces.quickExit")}</p>
        <p>{t("help.traces.history")}</p>
        <p>{t("help.traces.app")}</p>
      </section>
      <p className="hint">{t("help.private")}</p>
    </Dialog>
  );
}
