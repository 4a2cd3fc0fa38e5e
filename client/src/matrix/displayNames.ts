// Matrix layer: which name to show for a room member. The Matrix spec says a
// display name must be disambiguated (shown with the Matrix ID) when another
// member has the same name; we go further, because impersonation is how
// strangers get past a young person's guard: names are compared after Unicode
// normalisation and homoglyph folding, and a name that looks like a Matrix ID
// or hides bidi/invisible characters is never shown alone.

export type Member = { readonly userId: string; readonly displayName: string | undefined };

export type ShownName = {
  /** The text to show (the Matrix ID is part of it when disambiguated). */
  readonly label: string;
  readonly name: string;
  readonly userId: string;
  readonly disambiguated: boolean;
};

// Bidi controls, zero-width and other invisible format characters.
const HIDDEN_CHARACTERS =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;
const LOOKS_LIKE_MATRIX_ID = /^\s*[@!#+$][^:\s]+:[^\s]+/u;

// Common confusables that NFKC leaves alone: Cyrillic and Greek letters that
// look Latin, and digits that look like letters. Enough for names; not a full
// Unicode TR39 skeleton.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ɡ: "g",
  һ: "h",
  ӏ: "l",
  ԛ: "q",
  ԝ: "w",
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ϲ: "c",
  "0": "o",
  "3": "e",
  "5": "s",
};

// Letters that pass for each other in most fonts fold to one class:
// i, l, 1, | and their look-alikes ("Iotte" vs "lotte", "K1nder" vs "Kinder").
const NARROW_STROKES = /[il1|ıіїӏι]/gu;

/** The form in which two names count as "the same" to a human eye. */
export function foldForComparison(name: string): string {
  const normalised = name
    .normalize("NFKC")
    .replace(new RegExp(HIDDEN_CHARACTERS.source, "gu"), "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
  let folded = "";
  for (const char of normalised) folded += HOMOGLYPHS[char] ?? char;
  folded = folded.replace(NARROW_STROKES, "l");
  // "rn" reads as "m" in many fonts; spaces and punctuation do not tell names apart.
  return folded.replace(/rn/g, "m").replace(/[\s._\-'"`]+/g, "");
}

export function hasHiddenCharacters(name: string): boolean {
  return HIDDEN_CHARACTERS.test(name);
}

/** Names shown for each member of one room, keyed by user ID. */
export function shownNames(members: readonly Member[]): ReadonlyMap<string, ShownName> {
  const byFolded = new Map<string, number>();
  for (const member of members) {
    const name = member.displayName?.trim();
    if (name) {
      const key = foldForComparison(name);
      byFolded.set(key, (byFolded.get(key) ?? 0) + 1);
    }
  }
  const result = new Map<string, ShownName>();
  for (const member of members) {
    const raw = member.displayName?.trim() ?? "";
    const clean = raw.replace(new RegExp(HIDDEN_CHARACTERS.source, "gu"), "");
    if (clean === "") {
      result.set(member.userId, {
        label: member.userId,
        name: member.userId,
        userId: member.userId,
        disambiguated: false,
      });
      continue;
    }
    const collides = (byFolded.get(foldForComparison(raw)) ?? 0) > 1;
    const needsId = collides || LOOKS_LIKE_MATRIX_ID.test(clean) || hasHiddenCharacters(raw);
    result.set(member.userId, {
      label: needsId ? `${clean} (${member.userId})` : clean,
      name: clean,
      userId: member.userId,
      disambiguated: needsId,
    });
  }
  return result;
}

/** True when a name would be mistaken for one of the given names (e.g. a contact's). */
export function resemblesAny(name: string, others: readonly string[]): boolean {
  const folded = foldForComparison(name);
  return folded !== "" && others.some((other) => foldForComparison(other) === folded);
}
