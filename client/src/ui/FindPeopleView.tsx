// "Find people": search the people who want to be found and fit this
// person's age (the engine decided, on this device), and this person's own
// "findable by people my age" switch, with the engine's information first.
// Where discovery cannot work here, it says why instead of an empty search.
import { useId } from "react";
import type { FindPeopleViewModel } from "../viewmodels/FindPeopleViewModel.ts";
import { NoticeList } from "./NoticeList.tsx";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { TextField } from "./TextField.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function FindPeopleView({ viewModel }: { viewModel: FindPeopleViewModel }) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();
  const findableTitle = useId();
  const { findable } = view;
  const available = view.availability === "available";

  return (
    <section className="find-people-screen" aria-labelledby="find-people-title">
      <ScreenHeader
        titleId="find-people-title"
        title={t("findPeople.title")}
        backLabel={t("findPeople.back")}
        onBack={viewModel.back}
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
            void viewModel.search();
          }}
        >
          <TextField
            label={t("findPeople.term")}
            hint={t("findPeople.termHint")}
            error={view.error === undefined ? undefined : t(view.error)}
            type="search"
            value={view.term}
            onChange={viewModel.setTerm}
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
                    viewModel.startChatWith(person.userId);
                  }}
                >
                  {t("newChat.start")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      {/* Without discovery only switching it off is offered (the protective direction). */}
      {available || findable.on ? (
        <section className="setting" aria-labelledby={findableTitle}>
          <h2 id={findableTitle}>{t("findPeople.findable.title")}</h2>
          <p>{findable.on ? t("findPeople.findable.on") : t("findPeople.findable.off")}</p>
          {findable.refused ? <NoticeList notices={findable.refused} /> : null}
          {findable.confirming ? (
            <div className="decision">
              <NoticeList notices={findable.confirming.notices} />
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={findable.saving}
                  onClick={() => void viewModel.confirmFindable()}
                >
                  {findable.confirming.newValue
                    ? t("findPeople.findable.confirm")
                    : t("findPeople.findable.confirmOff")}
                </button>
                <button type="button" onClick={viewModel.cancelFindable}>
                  {t("findPeople.findable.cancel")}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              disabled={findable.saving}
              onClick={() => void viewModel.requestFindable(!findable.on)}
            >
              {findable.on ? t("findPeople.findable.turnOff") : t("findPeople.findable.turnOn")}
            </button>
          )}
        </section>
      ) : null}
    </section>
  );
}
