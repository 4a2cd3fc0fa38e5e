// UI: creating the session's participants: how many, their age groups (taking
// turns), policy A and optionally B, balanced or not. Packs that did not
// load are listed with their errors and cannot be chosen.
import { useState } from "react";
import { useTranslator } from "../TranslatorContext.tsx";
import type { ConsoleSectionProps } from "./ConsoleSection.ts";

const BANDS = ["8-12", "13-15", "16-17"] as const;

export function ConsoleSetup({ view, actions }: ConsoleSectionProps) {
  const { t, locale } = useTranslator();
  const valid = view.packs.filter((pack) => pack.valid);
  const invalid = view.packs.flatMap((pack) => (pack.valid ? [] : [pack]));
  const [count, setCount] = useState(3);
  const [bands, setBands] = useState<readonly string[]>(["13-15"]);
  const [packA, setPackA] = useState(valid[0]?.id ?? "nl-default");
  const [packB, setPackB] = useState("");
  const [balanced, setBalanced] = useState(true);
  return (
    <section aria-labelledby="console-setup">
      <h2 id="console-setup">{t("facilitator.setup.title")}</h2>
      <p className="hint">{t("facilitator.setup.hint")}</p>
      <form
        className="console-form"
        onSubmit={(event) => {
          event.preventDefault();
          void actions.createSeats({
            count,
            bands,
            packs: packB === "" ? [packA] : [packA, packB],
            balanced: packB !== "" && balanced,
          });
        }}
      >
        <label>
          {t("facilitator.setup.count")}
          <input
            type="number"
            min={1}
            max={60}
            value={count}
            onChange={(event) => {
              setCount(Math.max(1, Math.min(60, Number(event.currentTarget.value) || 1)));
            }}
          />
        </label>
        <fieldset>
          <legend>{t("facilitator.setup.bands")}</legend>
          {BANDS.map((band) => (
            <label key={band} className="console-check">
              <input
                type="checkbox"
                checked={bands.includes(band)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setBands((current) =>
                    BANDS.filter((b) => (b === band ? on : current.includes(b))),
                  );
                }}
              />
              {band}
            </label>
          ))}
        </fieldset>
        <label>
          {t("facilitator.setup.packA")}
          <select
            value={packA}
            onChange={(event) => {
              setPackA(event.currentTarget.value);
            }}
          >
            {valid.map((pack) => (
              <option key={pack.id} value={pack.id}>
                {pack.label[locale]} ({pack.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("facilitator.setup.packB")}
          <select
            value={packB}
            onChange={(event) => {
              setPackB(event.currentTarget.value);
            }}
          >
            <option value="">{t("facilitator.setup.packNone")}</option>
            {valid
              .filter((pack) => pack.id !== packA)
              .map((pack) => (
                <option key={pack.id} value={pack.id}>
                  {pack.label[locale]} ({pack.id})
                </option>
              ))}
          </select>
        </label>
        {packB === "" ? null : (
          <label className="console-check">
            <input
              type="checkbox"
              checked={balanced}
              onChange={(event) => {
                setBalanced(event.currentTarget.checked);
              }}
            />
            {t("facilitator.setup.balanced")}
          </label>
        )}
        <button type="submit" className="primary" disabled={view.busy || bands.length === 0}>
          {t("facilitator.setup.create")}
        </button>
      </form>
      {invalid.length > 0 ? (
        <>
          <h3>{t("facilitator.packs.invalidTitle")}</h3>
          <ul>
            {invalid.map((pack) => (
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
