// UI: "Mijn meldingen": this device's reports, newest first, each with what
// kind, about whom (as this device shows them), when, and where it stands in
// words for the reader (children read their own words). A plain snapshot from
// MyReportsViewModel; no rule here.
import type { MessageKey } from "../i18n/i18n.ts";
import type {
  MyReportRow,
  MyReportsSnapshot,
  MyReportsViewActions,
  MyReportsViewModel,
} from "../viewmodels/MyReportsViewModel.ts";
import { reporterOutcomeWords } from "./reporterOutcomeWords.ts";
import { ScreenHeader } from "./ScreenHeader.tsx";
import { ShownName, ShownTitle } from "./ShownName.tsx";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function MyReportsContainer({ viewModel }: { viewModel: MyReportsViewModel }) {
  return <MyReportsView view={useViewModel(viewModel)} actions={viewModel} />;
}

type Translate = ReturnType<typeof useTranslator>["t"];

/** The delivery in words: each has a general text and one in children's words. */
const STATUS_KEYS = {
  waiting: ["myReports.status.waiting", "myReports.status.waiting.child"],
  sending: ["myReports.status.sending", "myReports.status.sending.child"],
  "not-delivered": ["myReports.status.notDelivered", "myReports.status.notDelivered.child"],
  sent: ["myReports.status.sent", "myReports.status.sent.child"],
  "sent-no-reply": ["myReports.status.sentNoReply", "myReports.status.sentNoReply.child"],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

function statusText(row: MyReportRow, child: boolean, t: Translate, locale: "nl" | "en"): string {
  const { status } = row;
  const pick = (keys: readonly [MessageKey, MessageKey]) => keys[child ? 1 : 0];
  switch (status.kind) {
    case "sent":
      return t(pick(STATUS_KEYS[status.outcomeCanCome ? "sent" : "sent-no-reply"]));
    // The outcome: the same words the moderator saw before sending (reporterOutcomeWords.ts).
    case "handled":
    case "forwarded":
    case "no-action":
      return reporterOutcomeWords(status, child, t, locale);
    default:
      return t(pick(STATUS_KEYS[status.kind]));
  }
}

export function MyReportsView({
  view,
  actions,
}: {
  readonly view: MyReportsSnapshot;
  readonly actions: MyReportsViewActions;
}) {
  const { t, locale } = useTranslator();
  const child = view.audience === "child";
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="my-reports" aria-labelledby="my-reports-title">
      <ScreenHeader
        titleId="my-reports-title"
        title={t("myReports.title")}
        backLabel={t("myReports.back")}
        onBack={actions.back}
      />
      <p className="hint">{t(child ? "myReports.intro.child" : "myReports.intro")}</p>
      {view.rows.length === 0 ? (
        <p>{t("myReports.empty")}</p>
      ) : (
        <ul className="my-reports-list">
          {view.rows.map((row) => (
            <li key={row.reportId} className="my-report" data-testid="my-report">
              <p className="my-report-kind">
                <strong>{t(`report.category.${row.category ?? "other"}`)}</strong>
                {row.isNew ? <span className="badge">{t("myReports.new")}</span> : null}
              </p>
              <p className="my-report-about">
                {row.about.kind === "person" ? (
                  <>
                    {t("myReports.aboutPerson")} <ShownName name={row.about.name} />
                  </>
                ) : row.about.kind === "chat" ? (
                  <>
                    {t("myReports.aboutChat")} <ShownTitle title={row.about.title} />
                  </>
                ) : (
                  t("myReports.aboutUnknown")
                )}
              </p>
              <p className="my-report-when">
                <time dateTime={new Date(row.createdAt).toISOString()}>
                  {when.format(row.createdAt)}
                </time>
              </p>
              <p className={`my-report-status my-report-status-${row.status.kind}`}>
                {statusText(row, child, t, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" disabled={view.checking} onClick={() => void actions.refresh()}>
          {view.checking ? t("myReports.checking") : t("myReports.refresh")}
        </button>
      </div>
    </section>
  );
}
