// One request from someone who is not a contact: who is asking, the engine's
// notices for this reader, and the choices the engine offers.
import type { RequestViewModel } from "../viewmodels/RequestViewModel.ts";
import { HelpRows } from "./HelpRows.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

export function RequestView({ viewModel }: { viewModel: RequestViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();

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
          <HelpRows ids={view.help} onOpen={viewModel.openHelpResource} />
          {/* The choices come right after the notice and its help: on a phone all fit one screen. */}
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
            {view.canReport ? (
              <button
                type="button"
                aria-haspopup="dialog"
                disabled={view.busy}
                onClick={() => void viewModel.blockAndReport()}
              >
                {t("request.blockAndReport")}
              </button>
            ) : null}
          </div>
          {/* No promise of "after you accept" when the engine offers no accept (8-12 in nl-default). */}
          {view.preview === "shown" ? null : (
            <p className="hint">
              {t(view.canAccept ? "request.previewHidden" : "request.previewHiddenNoAccept")}
            </p>
          )}
          <WhyDetails reasons={view.reasons} pack={view.pack} onOpen={viewModel.openWhy} />
        </>
      )}
    </section>
  );
}
