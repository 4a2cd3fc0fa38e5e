// UI: a person's name or a room's title exactly as the decision store made
// it. A name the engine keeps back renders as "Someone you don't know" with
// a small shape, so two strangers can be told apart without anything they
// wrote. No rule here: the kind of name was decided below.

import type { MediatedName, RoomTitle } from "../viewmodels/shownNames.ts";
import { useTranslator } from "./TranslatorContext.tsx";

/** Twelve shapes; the number is stable per account (policy/roomDecisionStore.ts). */
const TAG_SHAPES = ["●", "■", "▲", "◆", "★", "✚", "⬟", "⬢", "◗", "▼", "✿", "☾"] as const;

export function personNameText(
  name: MediatedName,
  t: ReturnType<typeof useTranslator>["t"],
): string {
  return name.kind === "name" ? name.label : t("person.unknown");
}

export function ShownName({ name }: { readonly name: MediatedName }) {
  const { t } = useTranslator();
  if (name.kind === "name") return <bdi className="person-name">{name.label}</bdi>;
  return (
    <span className="person-name person-unknown">
      {t("person.unknown")}{" "}
      <span className={`stranger-tag stranger-tag-${name.tag}`} aria-hidden="true">
        {TAG_SHAPES[name.tag] ?? "●"}
      </span>
      <span className="visually-hidden">{t("person.tag", { number: name.tag + 1 })}</span>
    </span>
  );
}

export function ShownTitle({ title }: { readonly title: RoomTitle }) {
  const { t } = useTranslator();
  switch (title.kind) {
    case "name":
      return <bdi className="room-name">{title.text}</bdi>;
    case "hidden":
      return <span className="room-name room-name-hidden">{t("room.nameHidden")}</span>;
    case "people":
      if (title.names.length === 0) return <span className="room-name">{t("room.empty")}</span>;
      return (
        <span className="room-name">
          {title.names.map((name, index) => (
            <span key={index}>
              {index > 0 ? ", " : null}
              <ShownName name={name} />
            </span>
          ))}
        </span>
      );
    default:
      return null;
  }
}
