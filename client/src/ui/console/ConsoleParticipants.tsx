// UI: the console's participants: each persona's band, the policy pack their
// account runs on this device, and a reset; packs that did not load, and why.
import { useTranslator } from "../TranslatorContext.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

export function ConsoleParticipants({ view, actions }: ConsoleSectionProps) {
  const { t, locale } = useTranslator();
  const invalidPacks = view.packs.flatMap((pack) => (pack.valid ? [] : [pack]));
  return (
    <section aria-labelledby="console-participants">
      <h2 id="console-participants">{t("facilitator.participants.title")}</h2>
      <p className="hint">{t("facilitator.participants.hint")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("facilitator.participants.persona")}</th>
            <th scope="col">{t("facilitator.participants.band")}</th>
            <th scope="col">{t("facilitator.participants.packColumn")}</th>
            <th scope="col">{t("facilitator.participants.resetColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {view.participants.map((participant) => (
            <tr key={participant.username}>
              <th scope="row">{participant.name}</th>
              <td>{participant.band}</td>
              <td>
                <select
                  aria-label={t("facilitator.participants.pack", { name: participant.name })}
                  value={participant.packId}
                  onChange={(event) => {
                    actions.setPack(participant.username, event.currentTarget.value);
                  }}
                >
                  {view.packs
                    .filter((pack) => pack.valid)
                    .map((pack) => (
                      <option key={pack.id} value={pack.id}>
                        {pack.label[locale]} ({pack.id})
                      </option>
                    ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  disabled={view.busy}
                  onClick={() => void actions.resetParticipant(participant.username)}
                >
                  {t("facilitator.participants.reset", { name: participant.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invalidPacks.length > 0 ? (
        <>
          <h3>{t("facilitator.packs.invalidTitle")}</h3>
          <ul>
            {invalidPacks.map((pack) => (
              <li key={`${pack.file}-${pack.id}`} className="error">
                {t("facilitator.packs.invalid", {
                  id: pack.id,
                  errors: pack.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("; "),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
