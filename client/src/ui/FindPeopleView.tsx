// UI: "Find people": search the people who want to be found and fit this
// person's age (the engine decided, on this device), and this person's own
// "findable by people my age" switch, with the engine's information first.
// Where discovery cannot work here, it says why instead of an empty search.
import type {
  FindPeopleSnapshot,
  FindPeopleViewActions,
  FindPeopleViewModel,
} from "../viewmodels/FindPeopleViewModel.ts";
import { FindableSettingView } from "./FindableSettingView.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { TextField } from "./TextField.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";
import { WhyDetails } from "./WhyDetails.tsx";

/** Binds "Find people" to its view model. */
export function FindPeopleContainer({ viewModel }: { viewModel: FindPeopleViewModel }) {
  return <FindPeopleView view={useViewModel(viewModel)} actions={viewModel} />;
}

export function FindPeopleView({
  view,
  actions,
}: {
  view: FindPeopleSnapshot;
  actions: FindPeopleViewActions;
}) {
  const { t } = useTranslator();
  const { findable } = view;
  const available = view.availability === "available";

  return (
    <section className="find-people-screen" aria-labelledby="find-people-title">
      <ScreenHeader
        titleId="find-people-title"
        title={t("findPeople.title")}
        backLabel={t("findPeople.back")}
        onBack={actions.back}
      />
      {view.availability === "not-configured" ? (
        <p className="status" role="status">
          {t("findPeople.unavailable.notConfigured")}
        </p>
      ) : null}
      {view.availability === "not-verified" ? (
        <p className="status" role="status">
          {t("findPeople.unavailable.notVerified")}
        </p>
      ) : null}
      {!available && view.error !== undefined ? <p role="alert">{t(view.error)}</p> : null}

      {available ? (
        <form
          role="search"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void actions.search();
          }}
        >
          <TextField
            label={t("findPeople.term")}
            hint={t("findPeople.termHint")}
            error={view.error === undefined ? undefined : t(view.error)}
            type="search"
            value={view.term}
            onChange={actions.setTerm}
          />
          <button type="submit" className="primary" disabled={view.searching}>
            {view.searching ? t("findPeople.searching") : t("findPeople.search")}
          </button>
        </form>
      ) : null}

      <div aria-live="polite">
        {view.results === undefined || view.searching ? null : view.results.length === 0 ? (
          <p className="status">{t("findPeople.none")}</p>
        ) : (
          <ul className="rows" aria-label={t("findPeople.results")}>
            {view.results.map((person) => (
              <li key={person.userId} className="row">
                <span className="person">
                  <strong>{person.name ?? person.userId}</strong>
                  <span className="matrix-id">{person.userId}</span>
                </span>
                <button
                  type="button"
                  aria-label={t("findPeople.chat", { name: person.name ?? person.userId })}
                  onClick={() => {
                    actions.startChatWith(person.userId);
                  }}
                >
                  {t("newChat.start")}
                </button>
              </li>
            ))}
          </ul>
        )}
        {/* Why these people, and why nobody else (e.g. no minors for an adult). */}
        {view.resultsWhy === undefined || view.searching ? null : (
          <WhyDetails why={view.resultsWhy} />
        )}
      </div>

      <FindableSettingView findable={findable} available={available} actions={actions} />
    </section>
  );
}
