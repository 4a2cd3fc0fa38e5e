// View-model layer: initials avatars, as the chat apps people know draw them
// when there is no picture. There are no pictures here at all: a Matrix avatar
// is an image anyone (a stranger too) can set, so none is ever fetched. The
// letters come from a name the decision store already cleared; someone whose
// name is kept back gets a neutral mark instead. The colour comes from a hash
// of the user (or room) ID, so it is stable and says nothing about the person.

import type { MediatedName, RoomTitle } from "../policy/roomDecisionStore.ts";
import { assertNever } from "./assertNever.ts";

/** How many avatar colours the style sheet defines (`--avatar-0` ... `--avatar-7`). */
export const AVATAR_COLOURS = 8;

export type AvatarView =
  /** One or two letters of a shown name (or a group's shown title). */
  | { readonly kind: "initials"; readonly initials: string; readonly colour: number }
  /** Someone whose name is kept back, or a group whose name is hidden: no letters from them. */
  | { readonly kind: "unknown"; readonly colour: number }
  /** A group named after its people: a group mark. */
  | { readonly kind: "group"; readonly colour: number };

/** A stable colour index for an ID (FNV-1a, folded onto the palette). */
export function avatarColour(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % AVATAR_COLOURS;
}

let segmenter: Intl.Segmenter | undefined;

/** A first character that is a whole grapheme: a letter or digit of one code unit, nothing joined to it. */
const SIMPLE_START = /^[\p{L}\p{N}](?![\p{M}\u200d\ufe0e\ufe0f])/u;

/** The first grapheme (an emoji or an accented letter stays whole), upper-cased. */
function firstGrapheme(word: string): string {
  // Most names start with such a letter. The segmenter's first use costs a
  // cheap phone a fifth of a second at start-up (docs/performance.md).
  const simple = SIMPLE_START.exec(word);
  if (simple !== null && word.charCodeAt(0) < 0xd800) return simple[0].toLocaleUpperCase();
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const first = segmenter.segment(word)[Symbol.iterator]().next();
  return first.done === true ? "" : first.value.segment.toLocaleUpperCase();
}

/**
 * Up to two letters: of the first and the last word of a name. A Matrix ID
 * the store added to tell two people apart ("Lotte (@lotte:server)") is not
 * part of the name.
 */
export function initialsOf(label: string): string {
  const name = label.replace(/\s*\(@[^)]*\)\s*$/u, "").trim();
  const words = name
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(word));
  const first = words[0];
  if (first === undefined) return "";
  const last = words.length > 1 ? words.at(-1) : undefined;
  return firstGrapheme(first) + (last === undefined ? "" : firstGrapheme(last));
}

/** A person's avatar: their initials only when their name is shown. */
export function personAvatar(userId: string, name: MediatedName): AvatarView {
  const colour = avatarColour(userId);
  if (name.kind !== "name") return { kind: "unknown", colour };
  const initials = initialsOf(name.label);
  return initials === "" ? { kind: "unknown", colour } : { kind: "initials", initials, colour };
}

/**
 * A room's avatar: a direct chat shows the other person's; a named group its
 * name's initials; a group named after its people a group mark; a hidden name
 * nothing of it.
 */
export function roomAvatar(roomId: string, title: RoomTitle, isDirect: boolean): AvatarView {
  const colour = avatarColour(roomId);
  switch (title.kind) {
    case "name": {
      const initials = initialsOf(title.text);
      return initials === "" ? { kind: "group", colour } : { kind: "initials", initials, colour };
    }
    case "hidden":
      return { kind: "unknown", colour };
    case "people": {
      const only = title.names[0];
      if (isDirect && only !== undefined && title.names.length === 1) {
        return personAvatar(only.kind === "name" ? only.userId : roomId, only);
      }
      return { kind: "group", colour };
    }
    default:
      return assertNever(title);
  }
}
