// The facilitator console (console.html): sign in as a facilitator, choose
// the policy pack per participant, record consent, start and stop scripted
// scenarios, watch the participant's events live (ids only) and export.
import { useState } from "react";
import type { ConsoleViewModel } from "../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

const seconds = (ms: number | null): string => (ms === null ? "–" : `${Math.round(ms / 1000)} s`);

export function ConsoleView({ viewModel }: { viewModel: ConsoleViewModel }) {
  const view = useViewModel(viewModel);
  const { t, locale } = useTranslator();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  if (view.facilitator === undefined) {
    return (
      <main className="console">
        <h1>{t("facilitator.signIn.title")}</h1>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void viewModel.signIn(username, password);
          }}
        >
          <label htmlFor="console-username">{t("facilitator.signIn.username")}</label>
          <input
            id="console-username"
            autoCapitalize="none"
            value={username}
            onChange={(event) => {
              setUsername(event.currentTarget.value);
            }}
          />
          <label htmlFor="console-password">{t("facilitator.signIn.password")}</label>
          <input
            id="console-password"
            type="password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
            }}
          />
          {view.error ? (
            <p className="error" role="alert">
              {t(view.error)}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={view.busy}>
            {t("facilitator.signIn.submit")}
          </button>
        </form>
      </main>
    );
  }

  const invalidPacks = view.packs.flatMap((pack) => (pack.valid ? [] : [pack]));
  return (
    <main className="console">
      <h1>{t("facilitator.title")}</h1>
      <p className="hint">{t("facilitator.signedInAs", { userId: view.facilitator })}</p>
      {view.error ? (
        <p className="error" role="alert">
          {t(view.error)}
        </p>
      ) : null}

      <section aria-labelledby="console-participants">
        <h2 id="console-participants">{t("facilitator.participants.title")}</h2>
        <table>
          <tbody>
            {view.participants.map((participant) => (
              <tr key={participant.username}>
                <th scope="row">
                  {participant.name} ({participant.band})
                </th>
                <td>
                  <select
                    aria-label={t("facilitator.participants.pack", { name: participant.name })}
                    value={participant.packId}
                    onChange={(event) => {
                      viewModel.setPack(participant.username, event.currentTarget.value);
                    }}
                  >
                    {view.packs
                      .filter((pack) => pack.valid)
                      .map((pack) => (
                        <option key={pack.id} value={pack.id}>
                          {pack.label[locale]}
                        </option>
                      ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    disabled={view.busy}
                    onClick={() => void viewModel.resetParticipant(participant.username)}
                  >
                    {t("facilitator.participants.reset", { name: participant.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {invalidPacks.map((pack) => (
          <p key={pack.id} className="error">
            {t("facilitator.packs.invalid", {
              id: pack.id,
              errors: pack.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("; "),
            })}
          </p>
        ))}
      </section>

      <section aria-labelledby="console-consent">
        <h2 id="console-consent">{t("facilitator.consent.title")}</h2>
        {view.consent === undefined ? (
          <>
            <p>{t("facilitator.consent.none")}</p>
            <button type="button" className="primary" onClick={viewModel.giveConsent}>
              {t("facilitator.consent.give")}
            </button>
          </>
        ) : (
          <>
            <p>
              {t("facilitator.consent.given", {
                participant: view.consent.participant,
                version: view.consent.textVersion,
              })}
            </p>
            <button type="button" onClick={viewModel.withdrawConsent}>
              {t("facilitator.consent.withdraw")}
            </button>
          </>
        )}
      </section>

      <section aria-labelledby="console-scenarios">
        <h2 id="console-scenarios">{t("facilitator.scenarios.title")}</h2>
        <p role="status">
          {view.run === null
            ? t("facilitator.scenarios.idle")
            : t("facilitator.scenarios.status", {
                id: view.run.scenarioId,
                status: view.run.status,
              })}
        </p>
        {view.run?.status === "running" ? (
          <button type="button" onClick={() => void viewModel.stopScenario()}>
            {t("facilitator.scenarios.stop")}
          </button>
        ) : null}
        <ul className="rows">
          {view.scenarios.map((scenario) => (
            <li key={scenario.id} className="row">
              <span>{scenario.title[locale]}</span>
              <button
                type="button"
                aria-label={t("facilitator.scenarios.startLabel", {
                  title: scenario.title[locale],
                })}
                disabled={view.busy || view.run?.status === "running"}
                onClick={() => void viewModel.startScenario(scenario.id)}
              >
                {t("facilitator.scenarios.start")}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="console-timeline">
        <h2 id="console-timeline">{t("facilitator.timeline.title")}</h2>
        {view.timeline.length === 0 ? (
          <p>{t("facilitator.timeline.empty")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("facilitator.timeline.time")}</th>
                <th scope="col">{t("facilitator.timeline.event")}</th>
                <th scope="col">{t("facilitator.timeline.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {view.timeline.map((record) => (
                <tr key={`${record.participant}-${record.seq}`}>
                  <td>{new Date(record.at).toLocaleTimeString(locale)}</td>
                  <td>{record.kind}</td>
                  <td>{detailOf(record)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="console-summary">
        <h2 id="console-summary">{t("facilitator.summary.title")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("facilitator.summary.scenario")}</th>
              <th scope="col">{t("facilitator.summary.pack")}</th>
              <th scope="col">{t("facilitator.summary.runs")}</th>
              <th scope="col">{t("facilitator.summary.help")}</th>
              <th scope="col">{t("facilitator.summary.report")}</th>
              <th scope="col">{t("facilitator.summary.choices")}</th>
            </tr>
          </thead>
          <tbody>
            {view.summaries.map((summary) => (
              <tr key={`${summary.scenario}-${summary.packId ?? ""}`}>
                <td>{summary.scenario}</td>
                <td>{summary.packId ?? "–"}</td>
                <td>{summary.runs}</td>
                <td>{seconds(summary.medianTimeToHelpMs)}</td>
                <td>{seconds(summary.medianTimeToReportMs)}</td>
                <td>{summary.choices.map((c) => `${c.choice}: ${c.count}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="console-export">
        <h2 id="console-export">{t("facilitator.export.title")}</h2>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              download("study-log.csv", "text/csv", viewModel.exportCsv());
            }}
          >
            {t("facilitator.export.csv")}
          </button>
          <button
            type="button"
            onClick={() => {
              download("study-log.json", "application/json", viewModel.exportJson());
            }}
          >
            {t("facilitator.export.json")}
          </button>
        </div>
      </section>
    </main>
  );
}

/** The record's engine ids, for the timeline: notice, resource, choice, category. */
function detailOf(record: Record<string, unknown>): string {
  return ["noticeId", "resource", "choice", "action", "category", "moment", "packId"]
    .map((key) => record[key])
    .filter((value): value is string => typeof value === "string")
    .join(" · ");
}
