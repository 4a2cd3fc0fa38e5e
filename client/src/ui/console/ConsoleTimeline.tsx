// UI: the console's live timeline: every participant's newest study records,
// with the seat they came from, the event in words and its engine ids (the
// log holds nothing else). Wide tables scroll inside their box on a phone.
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
        <div className="console-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("facilitator.timeline.time")}</th>
                <th scope="col">{t("facilitator.timeline.seat")}</th>
                <th scope="col">{t("facilitator.timeline.scenario")}</th>
                <th scope="col">{t("facilitator.timeline.event")}</th>
                <th scope="col">{t("facilitator.timeline.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {view.timeline.map((record) => (
                <tr key={`${record.participant}-${record.seq}`}>
                  <td>{new Date(record.at).toLocaleTimeString(locale)}</td>
                  <td>{record.seat ?? record.participant}</td>
                  <td>{record.scenario === null ? "–" : `${record.scenario} (${record.run})`}</td>
                  <td>{t(`facilitator.event.${record.kind}`)}</td>
                  <td>{detailOf(record)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The record's engine ids, for the timeline: notice, resource, choice, action, category. */
function detailOf(record: Readonly<Record<string, unknown>>): string {
  return ["noticeId", "resource", "choice", "action", "category", "moment", "packId"]
    .map((key) => record[key])
    .filter((value): value is string => typeof value === "string")
    .join(" · ");
}
