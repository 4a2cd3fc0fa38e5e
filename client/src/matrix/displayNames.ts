// Matrix layer: the text of a person's name before anything shows or compares it.
// The Matrix spec says a display name must be disambiguated (shown with the
// Matrix ID) when another member has the same name; we go further, because
// impersonation is how strangers get past a young person's guard. No hidden
// character (bidi control, zero-width, tag, variation selector, filler) reaches
// the DOM, a name that hid one is shown with its Matrix ID, and names are
// compared by how they look (Unicode confusables from `unhomoglyph`, the data
// matrix-js-sdk uses too). Whether a name resembles a contact's or a help
// service's is a policy fact: policy/nameResemblance.ts builds it from
// `namePieces` below (this layer may not import the policy layer).

import unhomoglyph from "unhomoglyph";

export type Member = { readonly userId: string; readonly displayName: string | undefined };

export type ShownName = {
  /** The text to show (the Matrix ID is part of it when disambiguated). */
  readonly label: string;
  readonly name: string;
  readonly userId: string;
  readonly disambiguated: boolean;
};

// Characters that draw nothing or reorder what is drawn: controls, format
// characters (bidi controls and marks, zero-width characters, tags U+E0000–E007F),
// private-use and unassigned code points, line and paragraph separators, the
// combining grapheme joiner, Khmer invisible vowels, Mongolian and other
// variation selectors, Hangul fillers, the braille blank and invisible musical
// formatting.
const HIDDEN =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{1D159}\u{1D173}-\u{1D17A}\u{E0100}-\u{E01EF}]/gu;
// Within a well-formed emoji, U+FE0F (emoji presentation) and U+200D (joining
// 👩‍👧) are part of one visible picture, not hidden text: they are kept there
// and nowhere else.
const EMOJI_SEQUENCE =
  /\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?(?:\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)*/gu;
const LOOKS_LIKE_MATRIX_ID = /^\s*[@!#+$][^:\s]+:[^\s]+/u;

/** A name as it may reach the DOM, and whether anything hidden had to be removed. */
export type CleanName = { readonly text: string; readonly hadHidden: boolean };

export function cleanDisplayName(name: string): CleanName {
  let text = "";
  let hadHidden = false;
  let from = 0;
  const keepHiddenFree = (part: string): void => {
    const visible = part.replace(HIDDEN, "");
    if (visible.length !== part.length) hadHidden = true;
    text += visible;
  };
  for (const emoji of name.matchAll(EMOJI_SEQUENCE)) {
    keepHiddenFree(name.slice(from, emoji.index));
    text += emoji[0];
    from = emoji.index + emoji[0].length;
  }
  keepHiddenFree(name.slice(from));
  return { text: text.replace(/\s+/gu, " ").trim(), hadHidden };
}

export function hasHiddenCharacters(name: string): boolean {
  return cleanDisplayName(name).hadHidden;
}

/**
 * One run of a name's look-alike skeleton, split where a reader sees a
 * boundary: spaces and punctuation (which also end a word), a change between
 * letters, digits and letter-like symbols, and a lower-to-upper case change
 * ("LotteOfficial"). `text` is the folded form: NFKC, confusables resolved,
 * marks and strokes removed, lowercase except "L"; "1" stands for a glyph that
 * reads as either i or l (I, 1, |, !, ӏ).
 */
export type NamePiece = {
  readonly text: string;
  readonly kind: "letter" | "digit" | "symbol";
  readonly startsWord: boolean;
  readonly endsWord: boolean;
};

/** Reads as i or l: "Iotte" looks like "lotte", "K1nder" like "Kinder". */
export const EITHER_I_OR_L = "1";

type FoldedCharacter = {
  readonly text: string;
  readonly kind: "letter" | "digit" | "symbol" | "mark" | "separator";
  readonly upper: boolean;
};

// Digits and symbols used as letters (leetspeak): "L0tte", "$am", "!lse".
const DIGITS_AS_LETTERS: Readonly<Record<string, string>> = {
  "0": "o",
  "1": EITHER_I_OR_L,
  "2": "z",
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "b",
  "7": "t",
  "8": "b",
  "9": "g",
};
const SYMBOLS_AS_LETTERS: Readonly<Record<string, string>> = {
  "@": "a",
  $: "s",
  "!": EITHER_I_OR_L,
  "|": EITHER_I_OR_L,
  "+": "t",
  "€": "e",
  "¢": "c",
};
// Where unhomoglyph's skeleton is not a Latin letter (small capitals, some
// Greek and Cyrillic letters) or not the letter a reader sees (ł is an l with a
// stroke, ß reads as ss), and regional-indicator letters 🇱🇴.
const LATIN_READING: Readonly<Record<string, string>> = {
  ł: "l",
  Ł: "L",
  ß: "ss",
  β: "b",
  ð: "d",
  Ð: "D",
  ε: "e",
  δ: "d",
  μ: "u",
  ω: "w",
  χ: "x",
  ӏ: EITHER_I_OR_L,
  Լ: "L",
  լ: "l",
  ᴀ: "a",
  ʙ: "b",
  ᴅ: "d",
  ᴇ: "e",
  ꜰ: "f",
  ɢ: "g",
  ʜ: "h",
  ᴊ: "j",
  ĸ: "k",
  ʟ: "L",
  ᴍ: "m",
  ʍ: "m",
  ɴ: "n",
  ᴘ: "p",
  ǫ: "q",
  ʀ: "r",
  ᴛ: "t",
  ꞓ: "e",
  ẟ: "d",
  ȷ: "j",
  ƅ: "b",
};
const REGIONAL_INDICATOR_A = 0x1f1e6;
// Synapse allows 256 characters; far longer names are cut here, so comparing
// a hostile name costs no more than comparing an ordinary long one.
const LONGEST_NAME = 1024;
// Empty brackets drawn as an o: "L()tte".
const BRACKETS_AS_O = /\(\)|\[\]|\{\}/g;

const foldedCharacters = new Map<string, FoldedCharacter>();

function foldCharacter(char: string): FoldedCharacter {
  const known = foldedCharacters.get(char);
  if (known !== undefined) return known;
  const folded = foldCharacterUncached(char);
  if (foldedCharacters.size < 10_000) foldedCharacters.set(char, folded);
  return folded;
}

function foldCharacterUncached(char: string): FoldedCharacter {
  const upper = /[\p{Lu}\p{Lt}]/u.test(char);
  // Accents first: a Latin letter with marks is that letter ("ö" is an o; the
  // confusables data would read it as Arabic "ة").
  const base = char.normalize("NFD").replace(/\p{M}/gu, "");
  if (/^[A-Za-z]$/.test(base)) return { text: asciiLetter(base), kind: "letter", upper };
  const digit = DIGITS_AS_LETTERS[char];
  if (digit !== undefined) return { text: digit, kind: "digit", upper };
  const symbol = SYMBOLS_AS_LETTERS[char];
  if (symbol !== undefined) return { text: symbol, kind: "symbol", upper };
  if (/\p{M}/u.test(char)) return { text: "", kind: "mark", upper };
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint >= REGIONAL_INDICATOR_A && codePoint < REGIONAL_INDICATOR_A + 26) {
    return {
      text: String.fromCharCode(97 + codePoint - REGIONAL_INDICATOR_A),
      kind: "letter",
      upper,
    };
  }
  // Confusables first, then marks (strokes come back as combining overlays),
  // then case: uppercase Greek "Ν" is an N, lowercase "ν" a v.
  const skeleton = LATIN_READING[char] ?? LATIN_READING[base] ?? unhomoglyph(base || char);
  let text = "";
  for (const part of skeleton.normalize("NFD").replace(/\p{M}/gu, "")) {
    text += LATIN_READING[part] ?? nonAsciiSkeletonLetter(part);
  }
  if (/[\p{L}]/u.test(char)) return { text, kind: "letter", upper };
  if (/[\p{N}]/u.test(char)) return { text, kind: "digit", upper };
  if (text !== "" && /^[a-zL1]+$/.test(text)) return { text, kind: "symbol", upper };
  return { text: "", kind: "separator", upper };
}

function asciiLetter(char: string): string {
  if (char === "l" || char === "L") return char;
  if (char === "I") return EITHER_I_OR_L;
  return char.toLowerCase();
}

/** A letter of unhomoglyph's skeleton for a non-ASCII character. */
function nonAsciiSkeletonLetter(char: string): string {
  // The skeleton draws every vertical stroke (I, Ι, І, ǀ, ١…) as "l": it reads as i or l.
  if (char === "l" || char === "I") return EITHER_I_OR_L;
  if (char === "L") return "L";
  const digit = DIGITS_AS_LETTERS[char];
  return digit ?? char.toLowerCase();
}

/** The name's look-alike skeleton in pieces (see NamePiece); hidden characters are ignored. */
export function namePieces(name: string): readonly NamePiece[] {
  const pieces: NamePiece[] = [];
  let text = "";
  let kind: NamePiece["kind"] | undefined;
  let startsWord = true;
  let previousLower = false;
  const close = (endsWord: boolean): void => {
    if (kind !== undefined && text !== "") {
      pieces.push({ text, kind, startsWord, endsWord });
      startsWord = false;
    }
    if (endsWord) startsWord = true;
    text = "";
    kind = undefined;
  };
  const visible = cleanDisplayName(name).text.normalize("NFKC").replace(BRACKETS_AS_O, "o");
  for (const char of Array.from(visible).slice(0, LONGEST_NAME)) {
    const folded = foldCharacter(char);
    if (folded.kind === "mark") continue;
    if (folded.kind === "separator" || folded.text === "") {
      close(true);
      previousLower = false;
      continue;
    }
    const camelBoundary = folded.kind === "letter" && folded.upper && previousLower;
    if (kind !== undefined && (kind !== folded.kind || camelBoundary)) close(false);
    kind = folded.kind;
    text += folded.text;
    previousLower = folded.kind === "letter" && !folded.upper;
  }
  close(true);
  return pieces;
}

/** Letter pairs that read as one letter in most fonts: "rn" as m, "vv" as w. */
export function readAsDrawn(folded: string): string {
  return folded.replace(/rn/g, "m").replace(/vv/g, "w");
}

/**
 * The form in which two names count as "the same" to a human eye, for telling
 * members of one room apart. Deliberately loose (i, l, L and I are one letter,
 * repeated letters count once): a false match only adds a Matrix ID.
 */
export function foldForComparison(name: string): string {
  const folded = readAsDrawn(
    namePieces(name)
      .map((piece) => piece.text)
      .join(""),
  );
  return folded.replace(/[ilL]/g, EITHER_I_OR_L).replace(/(.)\1+/gu, "$1");
}

/** Names shown for each member of one room, keyed by user ID. */
export function shownNames(members: readonly Member[]): ReadonlyMap<string, ShownName> {
  const cleaned = members.map((member) => ({
    member,
    clean: cleanDisplayName(member.displayName ?? ""),
  }));
  const byFolded = new Map<string, number>();
  for (const { clean } of cleaned) {
    if (clean.text === "") continue;
    const key = foldForComparison(clean.text);
    byFolded.set(key, (byFolded.get(key) ?? 0) + 1);
  }
  const result = new Map<string, ShownName>();
  for (const { member, clean } of cleaned) {
    if (clean.text === "") {
      result.set(member.userId, {
        label: member.userId,
        name: member.userId,
        userId: member.userId,
        disambiguated: false,
      });
      continue;
    }
    const collides = (byFolded.get(foldForComparison(clean.text)) ?? 0) > 1;
    const needsId = collides || clean.hadHidden || LOOKS_LIKE_MATRIX_ID.test(clean.text);
    result.set(member.userId, {
      label: needsId ? `${clean.text} (${member.userId})` : clean.text,
      name: clean.text,
      userId: member.userId,
      disambiguated: needsId,
    });
  }
  return result;
}
