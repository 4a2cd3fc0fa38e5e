// UI: "new group": a name and the people to invite; the engine's contact
// decision for each person shows here when it has something to say.
import { useId } from "react";
import type {
  NewGroupSnapshot,
  NewGroupViewActions,
  NewGroupViewModel,
} from "../viewmodels/NewGroupViewModel.ts";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

/** Binds "new group" to its view model. */
export function NewGroupContainer({ viewModel }: { viewModel: NewGroupViewModel }) {
  return <NewGroupView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function NewGroupView({
  view,
  actions,
}: {
  view: NewGroupSnapshot;
  actions: NewGroupViewActions;
}) {
  const { t } = useTranslator();
  const ids = { name: useId(), members: useId(), hint: useId(), error: useId() };

  return (
    <section className="new-group-screen" aria-labelledby="new-group-title">
      <ScreenHeader
        titleId="new-group-title"
        title={t("newGroup.title")}
        backLabel={t("newGroup.back")}
        onBack={actions.back}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void actions.submit();
        }}
      >
        <label htmlFor={ids.name}>{t("newGroup.name")}</label>
        <input
          id={ids.name}
          value={view.name}
          autoComplete="off"
          onChange={(event) => {
            actions.setName(event.currentTarget.value);
          }}
        />
        <label htmlFor={ids.members}>{t("newGroup.members")}</label>
        <textarea
          id={ids.members}
          rows={4}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={ids.hint}
          value={view.members}
          onChange={(event) => {
            actions.setMembers(event.currentTarget.value);
          }}
        />
        <p id={ids.hint} className="hint">
          {t("newGroup.membersHint")}
        </p>
        {view.error ? (
          <p id={ids.error} className="error" role="alert">
            {t(view.error.key, view.error.params)}
          </p>
        ) : null}
        {view.checks.map((check) => (
          <div key={check.userId} className="decision" role="alert">
            <p className="error">
              {check.refused
                ? t("newGroup.refused", { id: check.userId })
                : t("newGroup.withNotice", { id: check.userId })}
            </p>
            <NoticeList notices={check.notices} />
            <WhyDetails why={check.why} />
          </div>
        ))}
        {view.checks.length > 0 ? (
          // After a notice: the snapshot says which choice leads (the safe one where the engine marks risk).
          <div className="actions">
            <button
              type="button"
              className={view.primary === "cancel" ? "primary" : undefined}
              onClick={actions.back}
            >
              {t("newGroup.cancel")}
            </button>
            {view.canSubmit ? (
              <button
                type="submit"
                className={view.primary === "create" ? "primary" : undefined}
                disabled={view.busy}
              >
                {t("newGroup.continue")}
              </button>
            ) : null}
          </div>
        ) : view.canSubmit ? (
          <button type="submit" className="primary" disabled={view.busy}>
            {t("newGroup.create")}
          </button>
        ) : null}
      </form>
    </section>
  );
}
