// UI: "findable by people my age", as Find people and Settings both show it:
// the engine's information before a change, its refusal (then nothing to
// tap: the switch does not pretend it can be used), and why. Renders the
// FindableSetting snapshot that FindPeopleViewModel keeps.
import { useId } from "react";
import type { FindableSetting } from "../viewmodels/FindPeopleViewModel.ts";
import { NoticeList } from "./NoticeList.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { WhyDetails } from "./WhyDetails.tsx";

export type FindableSettingActions = {
  readonly requestFindable: (newValue: boolean) => Promise<void>;
  readonly confirmFindable: () => Promise<void>;
  readonly cancelFindable: () => void;
};

export function FindableSettingView({
  findable,
  available,
  actions,
}: {
  readonly findable: FindableSetting;
  /** Discovery works here; without it only switching off is offered (the protective direction). */
  readonly available: boolean;
  readonly actions: FindableSettingActions;
}) {
  const { t } = useTranslator();
  const titleId = useId();
  if (!available && !findable.on) return null;
  return (
    <section className="setting" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("findPeople.findable.title")}</h2>
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
              onClick={() => void actions.confirmFindable()}
            >
              {findable.confirming.newValue
                ? t("findPeople.findable.confirm")
                : t("findPeople.findable.confirmOff")}
            </button>
            <button type="button" onClick={actions.cancelFindable}>
              {t("findPeople.findable.cancel")}
            </button>
          </div>
        </div>
      ) : findable.refused ? null : (
        <button
          type="button"
          disabled={findable.saving}
          onClick={() => void actions.requestFindable(!findable.on)}
        >
          {findable.on ? t("findPeople.findable.turnOff") : t("findPeople.findable.turnOn")}
        </button>
      )}
      {/* Why it is refused, why the information first, or who may find you and see your age. */}
      {findable.why === undefined ? null : <WhyDetails why={findable.why} />}
    </section>
  );
}
