// UI: "Waarom zie ik dit?": the rules that decided, in words for the reader's
// age band (i18n/why.*.ts, keyed by the engine's rule ids), and the pack they
// come from. Every screen whose content a decision changed shows it from its
// snapshot's WhyView. Opening it tells the view model (`onOpen`), which a
// usability study may note.
import type { WhyView } from "../viewmodels/whyView.ts";
import { useTranslator } from "./TranslatorContext.tsx";

export function WhyDetails({ why: view, onOpen }: { why: WhyView; onOpen?: () => void }) {
  const { t, why } = useTranslator();
  if (view.ruleIds.length === 0) return null;
  // Two rules may say the same thing to this reader: each sentence once.
  const texts = [
    ...new Set(view.ruleIds.map((ruleId) => why(ruleId, view.audience) ?? t("why.other"))),
  ];
  return (
    <details
      className="why"
      onToggle={(event) => {
        if (event.currentTarget.open) onOpen?.();
      }}
    >
      <summary>{t("why.title")}</summary>
      <ul>
        {texts.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p className="hint">{t("why.rules", { pack: view.pack })}</p>
    </details>
  );
}
