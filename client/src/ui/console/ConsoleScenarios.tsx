// UI: the console's scripted scenarios: what runs now and its steps, the run
// the log groups records under, and a start button per scenario.
import { useTranslator } from "../TranslatorContext.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleScenarios({ view, actions }: ConsoleSectionProps) {
  const { t, locale } = useTranslator();
  const running = view.run?.status === "running";
  const nameOf = (username: string): string =>
    view.participants.find((p) => p.username === username)?.name ?? username;
  return (
    <section aria-labelledby="console-scenarios">
      <h2 id="console-scenarios">{t("facilitator.scenarios.title")}</h2>
      {view.consent === undefined ? (
        <p className="hint">{t("facilitator.scenarios.noConsent")}</p>
      ) : null}
      <div role="status">
        <p>
          {view.run === null
            ? t("facilitator.scenarios.idle")
            : t("facilitator.scenarios.status", {
                id: view.run.scenarioId,
                status: t(`facilitator.runStatus.${view.run.status}`),
              })}
          {view.loggedRun === undefined
            ? null
            : ` ${t("facilitator.scenarios.logged", {
                id: view.loggedRun.scenario,
                run: view.loggedRun.run,
              })}`}
        </p>
      </div>
      {view.run !== null && view.run.steps.length > 0 ? (
        <>
          <h3 id="console-steps">{t("facilitator.scenarios.steps")}</h3>
          <ol aria-labelledby="console-steps" className="console-steps">
            {view.run.steps.map((step) => (
              <li key={step.index}>
                <code>{step.step}</code>: {stepStatus(t, step.status)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {running || view.loggedRun !== undefined ? (
        <button type="button" className="primary" onClick={() => void actions.stopScenario()}>
          {t("facilitator.scenarios.stop")}
        </button>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("facilitator.scenarios.name")}</th>
            <th scope="col">{t("facilitator.scenarios.participant")}</th>
            <th scope="col">{t("facilitator.scenarios.action")}</th>
          </tr>
        </thead>
        <tbody>
          {view.scenarios.map((scenario) => (
            <tr key={scenario.id}>
              <th scope="row">
                {scenario.title[locale]} <code>{scenario.id}</code>
              </th>
              <td>{nameOf(scenario.participant)}</td>
              <td>
                <button
                  type="button"
                  aria-label={t("facilitator.scenarios.startLabel", {
                    title: scenario.title[locale],
                  })}
                  disabled={view.busy || running}
                  onClick={() => void actions.startScenario(scenario.id)}
                >
                  {t("facilitator.scenarios.start")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A step's status in words; a status the service added later shows as it came. */
function stepStatus(t: ReturnType<typeof useTranslator>["t"], status: string): string {
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
