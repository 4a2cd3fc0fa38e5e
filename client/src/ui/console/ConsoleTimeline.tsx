// UI: the console's live timeline: the participant's newest study records,
// engine ids only (the log holds nothing else).
import type { ConsoleSnapshot } from "../../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

export function ConsoleTimeline({ view }: { readonly view: ConsoleSnapshot }) {
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

/** The record's engine ids, for the timeline: notice, resource, choice, action, category. */
function detailOf(record: Record<string, unknown>): string {
  return ["noticeId", "resource", "choice", "action", "category", "moment", "packId"]
    .map((key) => record[key])
    .filter((value): value is string => typeof value === "string")
    .join(" · ");
}
