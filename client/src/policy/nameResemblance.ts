// Policy layer: does a display name look like a contact's or a help service's name?
// It computes the engine's facts `nameResemblesContact` and `nameResemblesHelpService`
// (owns no decision; policyGateway.ts passes the facts to every decision that takes them).
//
// A look-alike rarely copies the whole name: it adds to it ("Lotte ❤️", "Team
// Kindertelefoon", "@lotte:localhost"), disguises its letters (Cyrillic, Greek,
// Armenian, Cherokee, fullwidth, mathematical, stroked, leetspeak) or hides
// them (zero-width, tag and bidi characters). So a name resembles a protected
// name when the protected name appears in it as whole pieces of its skeleton
// (matrix/displayNames.ts `namePieces`), read in logical order and, when a
// right-to-left override is present, in the order it is drawn. What is NOT a
// resemblance, to keep false alarms rare (nameResemblance.corpus.test.ts):
//   - a different name that shares letters: "Lise" is not "Ilse", "Dan" is not
//     "Daan", "Charlotte" is not "Lotte", "Lotje" and "Noortje" are not "Lotte"
//     and "Noor" (a diminutive is a common name of its own);
//   - a protected name of two or three letters ("Sam", "112") inside a longer
//     piece, or stretched ("Saaam"): short names match only exactly, a
//     two-letter one only as whole words ("Bo" is not in "BoB");
//   - a letter left out ("Mohamed" for "Mohammed"), except in names of nine
//     letters or more ("Kindertelefon"), where it is typosquatting;
//   - an everyday word that is also on the list ("Support", "Helpdesk") unless
//     it is the whole name, apart from filler words like "team" or "official".
// A name that shares a contact's first name ("Lotte de Vries") does resemble
// it: that is how "Lotte (nieuw account)" works, and the cost of a false match
// is a Matrix ID and a notice, not a block.

import { EITHER_I_OR_L, namePieces, type NamePiece, readAsDrawn } from "../matrix/displayNames.ts";

export type ProtectedName = {
  readonly name: string;
  /** Whose own name this is (a contact's Matrix ID): that account never resembles it. */
  readonly userId?: string | undefined;
};

export type NameResemblance = {
  /** The protected name, as given. */
  readonly protectedName: string;
  readonly userId: string | undefined;
  /** "whole": the name is the protected name; "contained": it holds it among other pieces. */
  readonly how: "whole" | "contained";
};

export type ResemblanceIndexOptions = {
  /** Accounts never flagged, e.g. the deployment's own moderation accounts. */
  readonly exemptUserIds?: readonly string[] | undefined;
};

/** Which protected name a display name looks like, if any; `userId` is the name's owner. */
export type ResemblanceIndex = (
  displayName: string,
  userId?: string,
) => NameResemblance | undefined;

// Everyday words that are also on the help-service list: flagged only as the
// whole name (apart from filler), never because a name merely contains them.
const EVERYDAY_WORDS = [
  "support",
  "helpdesk",
  "klantenservice",
  "service",
  "servicedesk",
  "admin",
  "administrator",
  "beheer",
  "beheerder",
];
// Words an impersonator adds around a name without changing who it claims to be.
const FILLER_WORDS = [
  "team",
  "official",
  "officieel",
  "officiele",
  "echte",
  "echt",
  "real",
  "the",
  "de",
  "het",
  "nl",
  "chat",
  "account",
  "nieuw",
  "new",
  "app",
  "bot",
  "online",
  "info",
  "hq",
  "x",
  "xx",
  "xxx",
];

/** A protected name this short is never stretched ("Saaam" is not "Sam"); shorter ones match whole words only. */
const SHORT_NAME_LENGTH = 3;
/** A protected name this long also counts when it is part of a longer piece ("kindertelefoonnl"). */
const CONTAINED_ANYWHERE_LENGTH = 8;
/** A protected name this long also counts with one letter left out ("Kindertelefon"). */
const ONE_LETTER_MISSING_LENGTH = 9;

type Entry = {
  readonly protectedName: string;
  readonly userId: string | undefined;
  readonly key: string;
  readonly length: number;
  readonly exact: RegExp;
  readonly anywhere: RegExp | undefined;
  readonly everyday: boolean;
};

const RIGHT_TO_LEFT_OVERRIDE = "\u202E";
const BIDI_OPEN = /[\u202A-\u202B\u202D-\u202E\u2066-\u2068]/u;
const BIDI_CLOSE = /[\u202C\u2069]/u;
/** Unicode's bidi algorithm ignores embeddings nested deeper than this (UAX #9). */
const MAX_BIDI_DEPTH = 125;

export function createResemblanceIndex(
  names: readonly (string | ProtectedName)[],
  options: ResemblanceIndexOptions = {},
): ResemblanceIndex {
  const everydayWords = new Set(EVERYDAY_WORDS.map(foldedWhole));
  // Around an everyday word, other everyday words are filler too ("Helpdesk Support").
  const ignorable = new Set(
    [...FILLER_WORDS, ...EVERYDAY_WORDS].map((word) => keyOf(foldedWhole(word))),
  );
  const exempt = new Set(options.exemptUserIds ?? []);
  const byKey = new Map<string, Entry[]>();
  const anywhere: Entry[] = [];
  let longestKey = 0;
  let longestName = 0;
  for (const item of names) {
    const name = typeof item === "string" ? { name: item } : item;
    for (const entry of toEntries(name, everydayWords)) {
      byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
      if (entry.anywhere !== undefined) anywhere.push(entry);
      longestKey = Math.max(longestKey, entry.key.length);
      longestName = Math.max(longestName, entry.length);
    }
  }

  const matchPieces = (
    pieces: readonly NamePiece[],
    userId: string | undefined,
  ): NameResemblance | undefined => {
    const applies = (entry: Entry): boolean =>
      entry.userId === undefined || entry.userId !== userId;
    for (let first = 0; first < pieces.length; first++) {
      let text = "";
      for (let last = first; last < pieces.length; last++) {
        text += pieces[last]?.text ?? "";
        // Stretching past three times a name's length reads as something else
        // and would only make work for a hostile name.
        if (text.length > 3 * longestName + 4) break;
        const drawn = readAsDrawn(text);
        const key = keyOf(drawn);
        if (key.length > longestKey) break;
        for (const entry of byKey.get(key) ?? []) {
          if (!applies(entry) || !entry.exact.test(drawn)) continue;
          if (entry.length < SHORT_NAME_LENGTH && !wholeWords(pieces, first, last)) continue;
          const whole = first === 0 && last === pieces.length - 1;
          if (entry.everyday && !whole && !onlyFillerAround(pieces, first, last, ignorable)) {
            continue;
          }
          return {
            protectedName: entry.protectedName,
            userId: entry.userId,
            how: whole ? "whole" : "contained",
          };
        }
      }
    }
    if (anywhere.length === 0) return undefined;
    const drawn = readAsDrawn(pieces.map((piece) => piece.text).join(""));
    const key = keyOf(drawn);
    for (const entry of anywhere) {
      if (applies(entry) && key.includes(entry.key) && entry.anywhere?.test(drawn) === true) {
        return { protectedName: entry.protectedName, userId: entry.userId, how: "contained" };
      }
    }
    return undefined;
  };

  return (displayName, userId) => {
    if (userId !== undefined && exempt.has(userId)) return undefined;
    for (const form of readings(displayName)) {
      const match = matchPieces(namePieces(form), userId);
      if (match !== undefined) return match;
    }
    return undefined;
  };
}

function toEntries(name: ProtectedName, everydayWords: ReadonlySet<string>): Entry[] {
  const folded = foldedWhole(name.name);
  if (folded === "") return [];
  const everyday = everydayWords.has(folded);
  const entry = (form: string, anywhere: boolean): Entry => {
    const pattern = runPattern(form, form.length <= SHORT_NAME_LENGTH);
    return {
      protectedName: name.name,
      userId: name.userId,
      key: keyOf(form),
      length: form.length,
      exact: new RegExp(`^${pattern}$`, "u"),
      anywhere: anywhere ? new RegExp(pattern, "u") : undefined,
      everyday,
    };
  };
  const entries = [entry(folded, folded.length >= CONTAINED_ANYWHERE_LENGTH && !everyday)];
  // A long name with one letter left out still reads as that name ("Kindertelefon").
  if (folded.length >= ONE_LETTER_MISSING_LENGTH) {
    const forms = new Set<string>();
    for (let at = 0; at < folded.length; at++)
      forms.add(folded.slice(0, at) + folded.slice(at + 1));
    forms.delete(folded);
    for (const form of forms) entries.push(entry(form, false));
  }
  return entries;
}

function foldedWhole(name: string): string {
  return readAsDrawn(
    namePieces(name)
      .map((piece) => piece.text)
      .join(""),
  );
}

/**
 * The lookup key: i, l, L and the either-glyph are one letter and repeated
 * letters count once. Many names share a key ("Lise", "Ilse"); the run pattern
 * then decides.
 */
function keyOf(folded: string): string {
  return folded.replace(/[ilL]/g, EITHER_I_OR_L).replace(/(.)\1+/gu, "$1");
}

/**
 * A pattern over a candidate's folded text: each run of the protected name's
 * letters, at least as long ("Looootte" stretches "Lotte"; "Lote" does not
 * match), exactly as long for a short name. Letter classes follow what the
 * protected name looks like: its "I" reads as i or l, its "l" as l, L or I, its
 * "i" as i or the either-glyph, never as l (so "Lise" is not "Ilse").
 */
function runPattern(folded: string, exact: boolean): string {
  let pattern = "";
  for (const run of folded.match(/(.)\1*/gsu) ?? []) {
    const letter = run[0] ?? "";
    const count = exact ? `{${run.length}}` : `{${run.length},}`;
    pattern += `${letterClass(letter)}${count}`;
  }
  return pattern;
}

function letterClass(letter: string): string {
  if (letter === "i") return `[i${EITHER_I_OR_L}]`;
  if (letter === "l" || letter === "L") return `[lL${EITHER_I_OR_L}]`;
  if (letter === EITHER_I_OR_L) return `[${EITHER_I_OR_L}il]`;
  return letter.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function wholeWords(pieces: readonly NamePiece[], first: number, last: number): boolean {
  return pieces[first]?.startsWord === true && pieces[last]?.endsWord === true;
}

function onlyFillerAround(
  pieces: readonly NamePiece[],
  first: number,
  last: number,
  ignorable: ReadonlySet<string>,
): boolean {
  return pieces.every(
    (piece, index) =>
      (index >= first && index <= last) ||
      piece.kind !== "letter" ||
      ignorable.has(keyOf(readAsDrawn(piece.text))),
  );
}

/**
 * The orders in which a name can be read: as stored and, when it holds a
 * right-to-left override, as drawn ("\u202Eettol" is drawn "lotte") and fully
 * reversed (for overrides that are never closed or closed oddly).
 */
function readings(displayName: string): readonly string[] {
  if (!displayName.includes(RIGHT_TO_LEFT_OVERRIDE)) return [displayName];
  const drawn = drawnOrder(displayName);
  const reversed = Array.from(displayName).reverse().join("");
  return [displayName, drawn, reversed];
}

/** Only an override (U+202E) reverses Latin letters; embeddings and isolates keep their order. */
function drawnOrder(text: string): string {
  const characters = Array.from(text);
  let position = 0;
  const run = (reversed: boolean, depth: number): string => {
    const parts: string[] = [];
    while (position < characters.length) {
      const character = characters[position++] ?? "";
      if (BIDI_CLOSE.test(character)) break;
      if (BIDI_OPEN.test(character) && depth < MAX_BIDI_DEPTH) {
        parts.push(run(character === RIGHT_TO_LEFT_OVERRIDE, depth + 1));
      } else if (!BIDI_OPEN.test(character)) {
        parts.push(character);
      }
    }
    return (reversed ? parts.reverse() : parts).join("");
  };
  let drawn = "";
  while (position < characters.length) drawn += run(false, 0);
  return drawn;
}

const indexesByList = new WeakMap<readonly string[], ResemblanceIndex>();
const recentIndexes = new Map<string, ResemblanceIndex>();
const RECENT_INDEXES = 32;

/**
 * True when `name` would be mistaken for one of `others` (a contact's name, a
 * help service's). Indexes are kept per list, so a caller may pass the same
 * list, or an equal one, on every call.
 */
export function resemblesAny(
  name: string,
  others: readonly string[],
  options: {
    readonly userId?: string | undefined;
    readonly exemptUserIds?: readonly string[];
  } = {},
): boolean {
  if (options.userId !== undefined && options.exemptUserIds?.includes(options.userId) === true) {
    return false;
  }
  return indexFor(others)(name, options.userId) !== undefined;
}

function indexFor(names: readonly string[]): ResemblanceIndex {
  const kept = indexesByList.get(names);
  if (kept !== undefined) return kept;
  const listKey = names.join("\u0000");
  let index = recentIndexes.get(listKey);
  if (index === undefined) {
    index = createResemblanceIndex(names);
    if (recentIndexes.size >= RECENT_INDEXES) {
      const oldest = recentIndexes.keys().next();
      if (oldest.done !== true) recentIndexes.delete(oldest.value);
    }
    recentIndexes.set(listKey, index);
  }
  indexesByList.set(names, index);
  return index;
}
