// UI: one card per seat (p01…pNN), one column on a phone, a grid on a
// laptop: its age group and policy, consent, the scenario and what its
// scripted actor is doing (in words), the seat's one-time sign-in QR code
// (its link as text only on "Toon link"; a fresh one when a phone is lost),
// and a reset.
import type { ConsoleSeat } from "../../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";
import { QrCode } from "./QrCode.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleSeats({ view, actions }: ConsoleSectionProps) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="console-seats">
      <h2 id="console-seats">{t("facilitator.seats.title")}</h2>
      {view.seats.length === 0 ? (
        <p>{t("facilitator.seats.empty")}</p>
      ) : (
        <ul className="console-seats">
          {view.seats.map((seat) => (
            <SeatCard key={seat.seat} seat={seat} view={view} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SeatCard({ seat, view, actions }: ConsoleSectionProps & { readonly seat: ConsoleSeat }) {
  const { t, locale } = useTranslator();
  const id = `seat-${seat.seat}`;
  const running = seat.actor?.status === "running";
  const titleOf = (scenarioId: string): string =>
    view.scenarios.find((s) => s.id === scenarioId)?.title[locale] ?? scenarioId;
  return (
    <li className="console-seat" aria-labelledby={id}>
      <h3 id={id}>
        {t("facilitator.seats.seat", { seat: seat.seat })}{" "}
        <span className="hint">{t("facilitator.seats.band", { band: seat.band })}</span>
      </h3>
      <label>
        {t("facilitator.seats.pack", { seat: seat.seat })}
        <select
          value={seat.packId}
          disabled={view.busy}
          onChange={(event) => void actions.setPack(seat.seat, event.currentTarget.value)}
        >
          {view.packs
            .filter((pack) => pack.valid)
            .map((pack) => (
              <option key={pack.id} value={pack.id}>
                {pack.label[locale]} ({pack.id})
              </option>
            ))}
        </select>
      </label>
      <p className="hint">{t("facilitator.seats.packHint", { seat: seat.seat })}</p>
      {seat.consent === null ? (
        <>
          <p>{t("facilitator.seats.noConsent")}</p>
          <button
            type="button"
            className="primary"
            disabled={view.busy}
            onClick={() => void actions.giveConsent(seat.seat)}
          >
            {t("facilitator.seats.giveConsent", { seat: seat.seat })}
          </button>
        </>
      ) : (
        <p>
          {t("facilitator.seats.consent", {
            version: seat.consent.textVersion,
            participant: seat.participant ?? "–",
            recorded: seat.recorded,
          })}
        </p>
      )}
      <div className="console-run">
        <label>
          {t("facilitator.seats.scenario", { seat: seat.seat })}
          <select
            value={seat.chosenScenario ?? ""}
            disabled={running}
            onChange={(event) => {
              actions.chooseScenario(seat.seat, event.currentTarget.value);
            }}
          >
            {view.scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.title[locale]} ({scenario.band})
              </option>
            ))}
          </select>
        </label>
        <div role="status" className="console-actor">
          {seat.actor === null
            ? t("facilitator.seats.idle")
            : t("facilitator.seats.actor", {
                title: titleOf(seat.actor.scenarioId),
                status: t(`facilitator.runStatus.${seat.actor.status}`),
              })}
          {seat.loggedRun === null
            ? null
            : ` ${t("facilitator.seats.logged", { run: seat.loggedRun.run })}`}
        </div>
        {seat.actor !== null && seat.actor.steps.length > 0 ? (
          <ol aria-label={t("facilitator.seats.steps")} className="console-steps">
            {seat.actor.steps.map((step) => (
              <li key={step.index}>
                {stepInWords(t, step.step)}: {stepStatus(t, step.status)}
              </li>
            ))}
          </ol>
        ) : null}
        <div className="actions">
          {running || seat.loggedRun !== null ? (
            <button
              type="button"
              className="primary"
              disabled={view.busy}
              onClick={() => void actions.stopScenario(seat.seat)}
            >
              {t("facilitator.seats.stop", { seat: seat.seat })}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={view.busy || seat.chosenScenario === undefined}
              onClick={() => void actions.startScenario(seat.seat)}
            >
              {t("facilitator.seats.start", { seat: seat.seat })}
            </button>
          )}
        </div>
      </div>
      <details>
        <summary>{t("facilitator.seats.signIn", { seat: seat.seat })}</summary>
        {seat.signInLink === undefined ? (
          <p>{t("facilitator.seats.codeUsed", { seat: seat.seat })}</p>
        ) : (
          <>
            <QrCode
              text={seat.signInLink}
              label={t("facilitator.seats.qr", { seat: seat.seat })}
              showText={seat.linkShown}
            />
            <p className="hint">{t("facilitator.seats.qrHint", { seat: seat.seat })}</p>
          </>
        )}
        <div className="actions">
          {seat.signInLink === undefined || seat.linkShown ? null : (
            <button
              type="button"
              onClick={() => {
                actions.showLink(seat.seat);
              }}
            >
              {t("facilitator.seats.showLink")}
            </button>
          )}
          <button
            type="button"
            disabled={view.busy}
            onClick={() => {
              actions.askToRenewCode(seat.seat);
            }}
          >
            {t("facilitator.seats.renewCode", { seat: seat.seat })}
          </button>
        </div>
      </details>
      <div className="actions">
        {seat.consent === null ? null : (
          <button
            type="button"
            disabled={view.busy}
            onClick={() => {
              actions.askToWithdraw(seat.seat);
            }}
          >
            {t("facilitator.seats.withdraw", { seat: seat.seat })}
          </button>
        )}
        <button
          type="button"
          disabled={view.busy || running}
          onClick={() => {
            actions.askToReset(seat.seat);
          }}
        >
          {t("facilitator.seats.reset", { seat: seat.seat })}
        </button>
      </div>
    </li>
  );
}

type Translate = ReturnType<typeof useTranslator>["t"];

const STEP_KINDS = [
  "start-direct-chat",
  "start-group",
  "invite-participant",
  "add-actor",
  "send",
  "wait",
  "wait-for-join",
  "try-contact",
] as const;

/** A step kind in words; a kind the service added later shows as it came. */
export function stepInWords(t: Translate, step: string): string {
  const kind = STEP_KINDS.find((k) => k === step);
  return kind === undefined ? step : t(`facilitator.step.${kind}`);
}

/** A step's status in words; a status the service added later shows as it came. */
function stepStatus(t: Translate, status: string): string {
  switch (status) {
    case "running":
    case "finished":
    case "skipped":
    case "failed":
    case "stopped":
      return t(`facilitator.stepStatus.${status}`);
    default:
      return status;
  }
}
