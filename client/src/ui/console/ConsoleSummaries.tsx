// UI: the console's summary per scenario and pack: runs, median times to
// help and to report, and the choices made after each notice.
import type { ConsoleSnapshot } from "../../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

const seconds = (ms: number | null): string => (ms === null ? "–" : `${Math.round(ms / 1000)} s`);

export function ConsoleSummaries({ view }: { readonly view: ConsoleSnapshot }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="console-summary">
      <h2 id="console-summary">{t("facilitator.summary.title")}</h2>
      {view.summaries.length === 0 ? (
        <p>{t("facilitator.summary.empty")}</p>
      ) : (
        <div className="console-scroll" tabIndex={0}>
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
        </div>
      )}
    </section>
  );
}
