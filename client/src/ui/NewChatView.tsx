// "New chat": a Matrix ID in, the engine's contact decision out: the chat
// starts, or the engine's notice shows (with help, when it offers help).
import { useId } from "react";
import type { NewChatViewModel } from "../viewmodels/NewChatViewModel.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function NewChatView({ viewModel }: { viewModel: NewChatViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();
  const ids = { input: useId(), hint: useId(), error: useId() };

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
        <label htmlFor={ids.input}>{t("newChat.matrixId")}</label>
        <input
          id={ids.input}
          name="matrix-id"
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={view.error ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={view.error ? true : undefined}
          value={view.matrixId}
          onChange={(event) => {
            viewModel.setMatrixId(event.currentTarget.value);
          }}
        />
        <p id={ids.hint} className="hint">
          {t("newChat.matrixIdHint")}
        </p>
        {view.error ? (
          <p id={ids.error} className="error" role="alert">
            {t(view.error)}
          </p>
        ) : null}
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
