// "Waarom zie ik dit?": the rules that decided, in plain words (i18n/why.*.ts,
// keyed by the engine's rule ids), and the pack they come from. Opening it
// tells the view model (`onOpen`), which a usability study may note.
import { useTranslator } from "./TranslatorContext.tsx";

export function WhyDetails({
  reasons,
  pack,
  onOpen,
}: {
  reasons: readonly string[];
  pack: string;
  onOpen?: () => void;
}) {
  const { t, why } = useTranslator();
  return (
    <details
      className="why"
      onToggle={(event) => {
        if (event.currentTarget.open) onOpen?.();
      }}
    >
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
