// The notice that a new version of the app is ready: small, never in the way
// (the app keeps working under it); one tap on "Vernieuwen" switches to it.
import type { AppUpdateModel } from "../pwa/appUpdate.ts";
import { useTranslator } from "./TranslatorContext.tsx";
import { useViewModel } from "./useViewModel.ts";

export function UpdateNotice({ update }: { update: AppUpdateModel }) {
  const snapshot = useViewModel(update);
  const { t } = useTranslator();
  // The status region is always there, so screen readers announce the notice when it appears.
  return (
    <div className="update-notice" role="status">
      {snapshot.kind === "current" ? null : (
        <>
          <span>{t("update.available")}</span>
          <button type="button" onClick={update.apply} disabled={snapshot.kind === "applying"}>
            {t("update.reload")}
          </button>
        </>
      )}
    </div>
  );
}
