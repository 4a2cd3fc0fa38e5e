// UI: the loading screen while a session starts: its stages as a list of
// steps (done, under way, still to come) with a progress bar, and after a long
// wait a message with a retry. Help stays in the app's header meanwhile. Part
// of the first download (it shows before a session's screens have loaded), so
// it stays small.
import {
  LOADING_STAGES,
  type SessionLoadingSnapshot,
  type SessionLoadingViewModel,
} from "../viewmodels/SessionLoadingViewModel.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export type SessionLoadingActions = { readonly retry: () => void };

export function SessionLoadingContainer({ viewModel }: { viewModel: SessionLoadingViewModel }) {
  const view = useViewModel(viewModel);
  return <SessionLoadingView view={view} actions={viewModel} />;
}

export function SessionLoadingView({
  view,
  actions,
}: {
  view: SessionLoadingSnapshot;
  actions: SessionLoadingActions;
}) {
  const { t } = useTranslator();
  const current =
    view.stage === "done" ? LOADING_STAGES.length : LOADING_STAGES.indexOf(view.stage);
  return (
    <section className="loading" aria-labelledby="loading-title" aria-busy="true">
      <h1 id="loading-title">{t("loading.title")}</h1>
      <progress
        className="loading-progress"
        max={LOADING_STAGES.length}
        value={current}
        aria-label={t("loading.progress", {
          done: current,
          total: LOADING_STAGES.length,
        })}
      />
      <ol className="loading-steps">
        {LOADING_STAGES.map((stage, index) => {
          const state = index < current ? "done" : index === current ? "active" : "waiting";
          return (
            <li
              key={stage}
              className={`loading-step loading-step-${state}`}
              aria-current={state === "active" ? "step" : undefined}
            >
              <span className="loading-step-mark" aria-hidden="true" />
              <span>{t(`loading.stage.${stage}`)}</span>
              <span className="visually-hidden">{t(`loading.state.${state}`)}</span>
            </li>
          );
        })}
      </ol>
      {/* Always there, so screen readers announce the message when it appears. */}
      <div role="status" className="loading-slow">
        {view.slow ? (
          <>
            <p>
              <strong>{t("loading.slow")}</strong> {t("loading.slowHint")}
            </p>
            <button type="button" className="primary" onClick={actions.retry}>
              {t("loading.retry")}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
