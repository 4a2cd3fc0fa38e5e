// UI: the console's export: the device's study log as CSV or JSON, saved
// by the browser (nothing leaves the device otherwise).
import type { ConsoleViewActions } from "../../viewmodels/ConsoleViewModel.ts";
import { useTranslator } from "../TranslatorContext.tsx";

export function ConsoleExport({ actions }: { readonly actions: ConsoleViewActions }) {
  const { t } = useTranslator();
  return (
    <section aria-labelledby="console-export">
      <h2 id="console-export">{t("facilitator.export.title")}</h2>
      <p className="hint">{t("facilitator.export.hint")}</p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            download("study-log.csv", "text/csv", actions.exportCsv());
          }}
        >
          {t("facilitator.export.csv")}
        </button>
        <button
          type="button"
          onClick={() => {
            download("study-log.json", "application/json", actions.exportJson());
          }}
        >
          {t("facilitator.export.json")}
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
