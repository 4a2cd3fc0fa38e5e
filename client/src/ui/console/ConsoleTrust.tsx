// UI: how a phone comes to trust the classroom's HTTPS (only on the HTTPS
// classroom origin): a QR code to the project's CA certificate, the link as
// text, and the steps per platform.
import { useTranslator } from "../TranslatorContext.tsx";
import { QrCode } from "./QrCode.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleTrust({ view }: Pick<ConsoleSectionProps, "view">) {
  const { t } = useTranslator();
  if (view.certificateUrl === undefined) return null;
  return (
    <section aria-labelledby="console-trust">
      <h2 id="console-trust">{t("facilitator.trust.title")}</h2>
      <p className="hint">{t("facilitator.trust.hint")}</p>
      <div className="console-trust">
        <QrCode text={view.certificateUrl} label={t("facilitator.trust.qr")} />
        <ol className="console-steps">
          <li>{t("facilitator.trust.android")}</li>
          <li>{t("facilitator.trust.ios")}</li>
          <li>{t("facilitator.trust.laptop")}</li>
        </ol>
      </div>
      <p>{t("facilitator.trust.after")}</p>
    </section>
  );
}
