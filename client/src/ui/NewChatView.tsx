// "New chat": a Matrix ID in, the engine's contact decision out: the chat
// starts, or the engine's notice shows (with help, when it offers help).
import type { NewChatViewModel } from "../viewmodels/NewChatViewModel.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { TextField } from "./TextField.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function NewChatView({ viewModel }: { viewModel: NewChatViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();

  return (
    <section className="new-chat-screen" aria-labelledby="new-chat-title">
      <ScreenHeader
        titleId="new-chat-title"
        title={t("newChat.title")}
        backLabel={t("newChat.back")}
        onBack={viewModel.back}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void viewModel.submit();
        }}
      >
        <TextField
          label={t("newChat.matrixId")}
          hint={t("newChat.matrixIdHint")}
          error={view.error === undefined ? undefined : t(view.error)}
          name="matrix-id"
          value={view.matrixId}
          onChange={viewModel.setMatrixId}
        />
        {view.decision === undefined ? (
          <button type="submit" className="primary" disabled={view.busy}>
            {t("newChat.start")}
          </button>
        ) : null}
      </form>
      {view.decision ? (
        <div className="decision" role="alert">
          <NoticeList notices={view.decision.notices} />
          <HelpResourceList ids={view.decision.help} onOpen={viewModel.openHelpResource} />
          <div className="actions">
            {view.decision.effect === "allowed-with-notice" ? (
              <button
                type="button"
                className="primary"
                onClick={() => void viewModel.continueAfterNotice()}
              >
                {t("newChat.continue")}
              </button>
            ) : null}
            <button type="button" onClick={viewModel.back}>
              {t("newChat.cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
