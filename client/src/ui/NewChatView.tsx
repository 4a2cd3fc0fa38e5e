// UI: "new chat": a Matrix ID in, the engine's contact decision out: the
// chat starts, or the engine's notice shows (with help, when it offers help).
import type {
  NewChatSnapshot,
  NewChatViewActions,
  NewChatViewModel,
} from "../viewmodels/NewChatViewModel.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { TextField } from "./TextField.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

/** Binds "new chat" to its view model. */
export function NewChatContainer({ viewModel }: { viewModel: NewChatViewModel }) {
  return <NewChatView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function NewChatView({
  view,
  actions,
}: {
  view: NewChatSnapshot;
  actions: NewChatViewActions;
}) {
  const { t } = useTranslator();

  return (
    <section className="new-chat-screen" aria-labelledby="new-chat-title">
      <ScreenHeader
        titleId="new-chat-title"
        title={t("newChat.title")}
        backLabel={t("newChat.back")}
        onBack={actions.back}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void actions.submit();
        }}
      >
        <TextField
          label={t("newChat.matrixId")}
          hint={t("newChat.matrixIdHint")}
          error={view.error === undefined ? undefined : t(view.error)}
          name="matrix-id"
          value={view.matrixId}
          onChange={actions.setMatrixId}
        />
        {view.answer === undefined ? (
          <button type="submit" className="primary" disabled={view.busy}>
            {t("newChat.start")}
          </button>
        ) : null}
      </form>
      {view.answer ? (
        <div className="decision" role="alert">
          <NoticeList notices={view.answer.notices} />
          <HelpResourceList ids={view.answer.help} onOpen={actions.openHelpResource} />
          <div className="actions">
            {/* The snapshot says which choice leads; the other is an ordinary button. */}
            <button
              type="button"
              className={view.answer.primary === "cancel" ? "primary" : undefined}
              onClick={actions.back}
            >
              {t("newChat.cancel")}
            </button>
            {view.answer.canContinue ? (
              <button
                type="button"
                className={view.answer.primary === "continue" ? "primary" : undefined}
                onClick={() => void actions.continueAfterNotice()}
              >
                {t("newChat.continue")}
              </button>
            ) : null}
          </div>
          <WhyDetails why={view.answer.why} />
        </div>
      ) : null}
    </section>
  );
}
