// "Waarom zie ik dit?": the rules that decided, in plain words (i18n/why.*.ts,
// keyed by the engine's rule ids), and the pack they come from.
import { useTranslator } from "./TranslatorContext.tsx";

export function WhyDetails({ reasons, pack }: { reasons: readonly string[]; pack: string }) {
  const { t, why } = useTranslator();
  return (
    <details className="why">
      <summary>{t("why.title")}</summary>
      <ul>
        {[...new Set(reasons.map((reason) => why(reason) ?? t("why.other")))].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p className="hint">{t("why.rules", { pack })}</p>
    </details>
  );
}
