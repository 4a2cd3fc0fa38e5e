// UI: the console's export, one file for every participant of the session
// (CSV or JSON, saved by this browser), and closing the session, which
// deletes everything on the study service after asking.
import type { ConsoleViewActions } from "../../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

export function ConsoleExport({
  actions,
  busy,
}: {
  readonly actions: ConsoleViewActions;
  readonly busy: boolean;
}) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="console-export">
      <h2 id="console-export">{t("facilitator.export.title")}</h2>
      <p className="hint">{t("facilitator.export.hint")}</p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            void actions.exportCsv().then((text) => {
              if (text !== undefined) download("study-session.csv", "text/csv", text);
            });
          }}
        >
          {t("facilitator.export.csv")}
        </button>
        <button
          type="button"
          onClick={() => {
            void actions.exportJson().then((text) => {
              if (text !== undefined) download("study-session.json", "application/json", text);
            });
          }}
        >
          {t("facilitator.export.json")}
        </button>
        <button type="button" disabled={busy} onClick={actions.askToClear}>
          {t("facilitator.export.clear")}
        </button>
      </div>
    </section>
  );
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
