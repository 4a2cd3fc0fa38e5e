// UI: the help screen, a dialog over whatever was open (a report sheet too),
// one tap from everywhere. Lists the resources the engine chose, and how to
// leave no trace; the quick exit sits in its top bar, as on every screen.
// "What is going on?" offers the engine's needs as toggle buttons: one tap
// and the engine picks the help for it; the list below follows.
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
      {view.needs.length > 0 ? <Needs view={view} actions={actions} /> : null}
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

function Needs({ view, actions }: { view: HelpSnapshot; actions: HelpViewActions }) {
  const { t } = useTranslator();
  return (
    <section className="help-needs" aria-labelledby="help-needs-title">
      <h2 id="help-needs-title">{t("help.need.question")}</h2>
      <p className="hint">{t("help.need.hint")}</p>
      <div className="help-need-choices">
        {view.needs.map((need) => (
          <button
            key={need}
            type="button"
            className="help-need"
            aria-pressed={view.need === need}
            onClick={() => {
              actions.chooseNeed(need);
            }}
          >
            {t(`help.need.${need}`)}
          </button>
        ))}
      </div>
      {/* Announced when a need is tapped; the list below has changed with it. */}
      <p className="help-need-intro" role="status">
        {view.need === undefined ? "" : t(`help.need.${view.need}.intro`)}
      </p>
    </section>
  );
}
