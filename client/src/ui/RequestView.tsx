// One request from someone who is not a contact: who is asking, the engine's
// notices for this reader, and the choices the engine offers.
import type { RequestViewModel } from "../viewmodels/RequestViewModel.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function RequestView({ viewModel }: { viewModel: RequestViewModel }) {
  const view = useViewModel(viewModel);
  const { t, why } = useTranslator();

  return (
    <section className="request" aria-labelledby="request-title">
      <ScreenHeader
        titleId="request-title"
        title={t("request.title")}
        backLabel={t("request.back")}
        onBack={viewModel.back}
      />
      {!view.found ? (
        <p className="empty">{t("request.notFound")}</p>
      ) : (
        <>
          <p className="request-from">
            <span className="label">{t("request.from")}</span>{" "}
            <strong>{view.inviterName ?? view.inviterUserId}</strong>
            {/* A stranger's request always shows the Matrix ID: a name alone can be anyone's. */}
            <span className="row-id">{view.inviterUserId}</span>
          </p>
          <NoticeList notices={view.notices} />
          {view.preview === "shown" ? null : <p className="hint">{t("request.previewHidden")}</p>}
          <HelpResourceList ids={view.help} />
          <details className="why">
            <summary>{t("why.title")}</summary>
            <ul>
              {[...new Set(view.reasons.map((reason) => why(reason) ?? t("why.other")))].map(
                (text) => (
                  <li key={text}>{text}</li>
                ),
              )}
            </ul>
            <p className="hint">{t("why.rules", { pack: view.pack })}</p>
          </details>
          <div className="actions">
            {view.canAccept ? (
              <button
                type="button"
                className="primary"
                disabled={view.busy}
                onClick={() => void viewModel.accept()}
              >
                {t("request.accept")}
              </button>
            ) : null}
            {view.canIgnore ? (
              <button type="button" disabled={view.busy} onClick={() => void viewModel.ignore()}>
                {t("request.ignore")}
              </button>
            ) : null}
            {view.canBlock ? (
              <button type="button" disabled={view.busy} onClick={() => void viewModel.block()}>
                {t("request.block")}
              </button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
