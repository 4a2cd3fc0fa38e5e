// The facilitator console (console.html): sign in as a facilitator, choose
// the policy pack per participant, record consent, start and stop scripted
// scenarios, watch the participant's events live (ids only) and export.
// Laid out for a laptop beside the participant's phone-sized window.
import { useMemo, useState, type ReactNode } from "react";
import { createTranslator, LOCALES, type Locale } from "../i18n/i18n.ts";
import type { ConsoleSnapshot, ConsoleViewModel } from "../viewmodels/ConsoleViewModel.ts";
import { TranslatorContext, useTranslator } from "./TranslatorContext.tsx";
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

/** The console in the facilitator's language (Dutch first; English for visiting researchers). */
export function ConsoleView({ viewModel }: { viewModel: ConsoleViewModel }) {
  const [locale, setLocale] = useState<Locale>("nl");
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const languageMenu = (
    <label className="console-language">
      {translator.t("language.label")}{" "}
      <select
        value={locale}
        onChange={(event) => {
          setLocale(event.currentTarget.value === "en" ? "en" : "nl");
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {translator.t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <TranslatorContext.Provider value={translator}>
      <main className="console" lang={locale}>
        <ConsolePage viewModel={viewModel} languageMenu={languageMenu} />
      </main>
    </TranslatorContext.Provider>
  );
}

function ConsolePage({
  viewModel,
  languageMenu,
}: {
  readonly viewModel: ConsoleViewModel;
  readonly languageMenu: ReactNode;
}) {
  const view = useViewModel(viewModel);
  const { t } = useTranslator();
  if (view.facilitator === undefined) {
    return (
      <>
        <div className="console-header">{languageMenu}</div>
        <SignIn viewModel={viewModel} view={view} />
      </>
    );
  }
  return (
    <>
      <header className="console-header">
        <h1>{t("facilitator.title")}</h1>
        <div className="console-header-actions">
          {languageMenu}
          <button type="button" onClick={() => void viewModel.signOut()}>
            {t("facilitator.signOut")}
          </button>
        </div>
      </header>
      <p className="hint">{t("facilitator.signedInAs", { userId: view.facilitator })}</p>
      {view.error ? (
        <p className="error" role="alert">
          {t(view.error)}
        </p>
      ) : null}
      <Participants viewModel={viewModel} view={view} />
      <Consent viewModel={viewModel} view={view} />
      <Scenarios viewModel={viewModel} view={view} />
      <Timeline view={view} />
      <Summaries view={view} />
      <Export viewModel={viewModel} />
    </>
  );
}

type Part = { readonly viewModel: ConsoleViewModel; readonly view: ConsoleSnapshot };

function SignIn({ viewModel, view }: Part) {
  const { t } = useTranslator();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  return (
    <>
      <h1>{t("facilitator.signIn.title")}</h1>
      <form
        className="console-sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          void viewModel.signIn(username, password);
        }}
      >
        <label htmlFor="console-username">{t("facilitator.signIn.username")}</label>
        <input
          id="console-username"
          autoCapitalize="none"
          autoComplete="username"
          value={username}
          onChange={(event) => {
            setUsername(event.currentTarget.value);
          }}
        />
        <label htmlFor="console-password">{t("facilitator.signIn.password")}</label>
        <input
          id="console-password"
          type="password"
          autoComplete="current-password"
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
    </>
  );
}

function Participants({ viewModel, view }: Part) {
  const { t, locale } = useTranslator();
  const invalidPacks = view.packs.flatMap((pack) => (pack.valid ? [] : [pack]));
  return (
    <section aria-labelledby="console-participants">
      <h2 id="console-participants">{t("facilitator.participants.title")}</h2>
      <p className="hint">{t("facilitator.participants.hint")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("facilitator.participants.persona")}</th>
            <th scope="col">{t("facilitator.participants.band")}</th>
            <th scope="col">{t("facilitator.participants.packColumn")}</th>
            <th scope="col">{t("facilitator.participants.resetColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {view.participants.map((participant) => (
            <tr key={participant.username}>
              <th scope="row">{participant.name}</th>
              <td>{participant.band}</td>
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
                        {pack.label[locale]} ({pack.id})
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
      {invalidPacks.length > 0 ? (
        <>
          <h3>{t("facilitator.packs.invalidTitle")}</h3>
          <ul>
            {invalidPacks.map((pack) => (
              <li key={`${pack.file}-${pack.id}`} className="error">
                {t("facilitator.packs.invalid", {
                  id: pack.id,
                  errors: pack.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("; "),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Consent({ viewModel, view }: Part) {
  const { t } = useTranslator();
  const consent = view.consent;
  return (
    <section aria-labelledby="console-consent">
      <h2 id="console-consent">{t("facilitator.consent.title")}</h2>
      {consent === undefined ? (
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
              participant: consent.participant,
              version: consent.textVersion,
            })}
          </p>
          {view.confirmingWithdrawal ? (
            <div role="alertdialog" aria-labelledby="console-withdraw" className="console-confirm">
              <p id="console-withdraw">
                {t("facilitator.consent.confirm", { participant: consent.participant })}
              </p>
              <div className="actions">
                <button type="button" onClick={viewModel.withdrawConsent}>
                  {t("facilitator.consent.confirmYes")}
                </button>
                <button type="button" onClick={viewModel.cancelWithdrawal}>
                  {t("facilitator.consent.confirmNo")}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={viewModel.askToWithdrawConsent}>
              {t("facilitator.consent.withdraw")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Scenarios({ viewModel, view }: Part) {
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
        <button type="button" className="primary" onClick={() => void viewModel.stopScenario()}>
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
                  onClick={() => void viewModel.startScenario(scenario.id)}
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

function Timeline({ view }: { readonly view: ConsoleSnapshot }) {
  const { t, locale } = useTranslator();
  return (
    <section aria-labelledby="console-timeline">
      <h2 id="console-timeline">{t("facilitator.timeline.title")}</h2>
      {view.timeline.length === 0 ? (
        <p>{t("facilitator.timeline.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("facilitator.timeline.time")}</th>
              <th scope="col">{t("facilitator.timeline.scenario")}</th>
              <th scope="col">{t("facilitator.timeline.event")}</th>
              <th scope="col">{t("facilitator.timeline.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {view.timeline.map((record) => (
              <tr key={`${record.participant}-${record.seq}`}>
                <td>{new Date(record.at).toLocaleTimeString(locale)}</td>
                <td>{record.scenario === null ? "–" : `${record.scenario} (${record.run})`}</td>
                <td>
                  <code>{record.kind}</code>
                </td>
                <td>{detailOf(record)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Summaries({ view }: { readonly view: ConsoleSnapshot }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="console-summary">
      <h2 id="console-summary">{t("facilitator.summary.title")}</h2>
      {view.summaries.length === 0 ? (
        <p>{t("facilitator.summary.empty")}</p>
      ) : (
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
                <td>
                  {summary.choices.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="console-choices">
                      {summary.choices.map((c) => (
                        <li key={`${c.noticeId}-${c.copyKey}-${c.choice}`}>
                          {c.noticeId} → {c.choice}: {c.count}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Export({ viewModel }: { readonly viewModel: ConsoleViewModel }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="console-export">
      <h2 id="console-export">{t("facilitator.export.title")}</h2>
      <p className="hint">{t("facilitator.export.hint")}</p>
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
  );
}

/** The record's engine ids, for the timeline: notice, resource, choice, action, category. */
function detailOf(record: Record<string, unknown>): string {
  return ["noticeId", "resource", "choice", "action", "category", "moment", "packId"]
    .map((key) => record[key])
    .filter((value): value is string => typeof value === "string")
    .join(" · ");
}
