// Reading ease of Dutch text: the Flesch–Douma score, used by the copy tests
// to keep what young people read short and plain.
//
// Formula (Douma 1960, the Dutch adaptation of Flesch's 1948 Reading Ease):
//
//   score = 206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)
//
// W.H. Douma, "De leesbaarheid van landbouwbladen", Landbouwhogeschool
// Wageningen, 1960. Douma kept Flesch's two factors (sentence length, word
// length) and rescaled the coefficients for the longer words and sentences of
// Dutch. His norm table reads roughly: 90–100 very easy (primary school group
// 6), 80–90 easy (group 7), 70–80 fairly easy (group 8), 60–70 normal (lower
// secondary), 30–60 hard, below 30 very hard (university).
//
// Known weaknesses (why a pass here is a floor, not proof of good copy):
// - Only surface features. It cannot see rare words, abstract words, jargon,
//   negations or a confusing order; "De app is E2EE." scores as easy.
// - Dutch compounds ("gebruikersnaam") are long but familiar; the formula
//   punishes them as if they were hard.
// - It was fitted on adult magazine prose in 1960 by rescaling, not validated
//   with Dutch readers, and never on children or on one-line UI copy. On a
//   handful of words the score swings wildly (hence the copy test's
//   minimum length).
// - Our counting is heuristic: syllables come from spelling, not
//   pronunciation (English loanwords with a silent e, "online", count one
//   syllable too many; "museum" counts one too few), and a full stop in an
//   abbreviation ("bijv.") splits a sentence.

/** Counts behind a score; `score` is null when the text has no words. */
export type ReadingEase = {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  readonly score: number | null;
};

// Multi-letter vowels that are one syllable in Dutch, longest first. "ay",
// "ey", "oy" are for loanwords ("okay", "hey", "cowboy").
const VOWEL_TRIGRAPHS = new Set(["ieu", "eeu", "oei", "ooi", "aai"]);
const VOWEL_DIGRAPHS = new Set([
  "aa",
  "ee",
  "oo",
  "uu",
  "ie",
  "oe",
  "eu",
  "ui",
  "ij",
  "ei",
  "ou",
  "au",
  "ay",
  "ey",
  "oy",
]);

// Accents that mark stress ("één", "café") do not start a syllable.
const ACCENTED: Readonly<Record<string, string>> = {
  á: "a",
  à: "a",
  â: "a",
  é: "e",
  è: "e",
  ê: "e",
  í: "i",
  ì: "i",
  î: "i",
  ó: "o",
  ò: "o",
  ô: "o",
  ú: "u",
  ù: "u",
  û: "u",
};

// A trema (diaeresis) marks the start of a new syllable: "beëindigen",
// "ruïne", "coördinatie", "België".
const TREMA: Readonly<Record<string, string>> = {
  ä: "a",
  ë: "e",
  ï: "i",
  ö: "o",
  ü: "u",
  ÿ: "y",
};

const isPlainVowel = (c: string | undefined): boolean => c !== undefined && "aeiou".includes(c);

const isAnyVowel = (c: string | undefined): boolean =>
  c !== undefined && (isPlainVowel(ACCENTED[c] ?? TREMA[c] ?? c) || c === "y");

/** Syllables in one vowel group: known multi-letter vowels count once. */
function syllablesInVowelGroup(group: string): number {
  let count = 0;
  let i = 0;
  while (i < group.length) {
    const width = VOWEL_TRIGRAPHS.has(group.slice(i, i + 3))
      ? 3
      : VOWEL_DIGRAPHS.has(group.slice(i, i + 2))
        ? 2
        : 1;
    // A "j" left over after "ei" or "ui" ("eij" in old spellings) is no vowel.
    if (width > 1 || group[i] !== "j") count += 1;
    i += width;
  }
  return count;
}

const GRAPHEMES = new Intl.Segmenter("nl", { granularity: "grapheme" });

/**
 * Syllables in one Dutch word, from its spelling: vowel groups, with Dutch
 * diphthongs and long vowels (aa, ee, ie, oe, eu, ui, ij, ei, ou, au, ieu,
 * eeu, oei, ooi, aai) counted as one vowel. Every e counts (Dutch has no
 * silent e); a trema starts a new syllable; "y" is a vowel unless a vowel
 * follows it ("baby", but "yoga"). A word has at least one syllable.
 */
export function countDutchSyllables(word: string): number {
  // Composed (NFC) graphemes, so "ë" is one letter however it was typed.
  const letters = Array.from(
    GRAPHEMES.segment(word.normalize("NFC").toLocaleLowerCase("nl")),
    (part) => part.segment,
  );
  const groups: string[] = [];
  let current = "";
  const flush = (): void => {
    if (current !== "") groups.push(current);
    current = "";
  };
  letters.forEach((letter, index) => {
    const trema = TREMA[letter];
    if (trema !== undefined) {
      flush();
      current = trema;
      return;
    }
    const base = ACCENTED[letter] ?? letter;
    if (isPlainVowel(base)) {
      current += base;
    } else if (base === "y" && !isAnyVowel(letters[index + 1])) {
      current += "y";
    } else if (base === "j" && current.endsWith("i")) {
      current += "j";
    } else {
      flush();
    }
  });
  flush();
  const count = groups.reduce((sum, group) => sum + syllablesInVowelGroup(group), 0);
  return Math.max(1, count);
}

// {params} stand for names and numbers the reader sees filled in; they are
// not words of the copy. A URL is read as one opaque unit, not as prose, and
// its dots would split sentences; trailing punctuation stays.
const PARAM = /\{\w+\}/g;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S*?(?=[.,;:!?)]*(?:\s|$))/giu;
// Words are letter tokens; an apostrophe or hyphen inside keeps one word
// ("foto's", "Matrix-server").
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;
// Sentences end at . ! ? ; … and line breaks.
const SENTENCE_END = /[.!?;…\n]+/u;
const HAS_LETTER = /\p{L}/u;

function prepare(text: string): string {
  return text.replace(PARAM, " ").replace(URL, " ");
}

/** The letter tokens of a text, after removing {params} and URLs. */
export function dutchWords(text: string): string[] {
  return prepare(text).match(WORD) ?? [];
}

/** Sentences that contain a word; at least 1. */
export function countSentences(text: string): number {
  const withWords = prepare(text)
    .split(SENTENCE_END)
    .filter((part) => HAS_LETTER.test(part));
  return Math.max(1, withWords.length);
}

/** Flesch–Douma reading ease of Dutch text (higher is easier; ~0–120). */
export function fleschDouma(text: string): ReadingEase {
  const words = dutchWords(text);
  const sentences = countSentences(text);
  const syllables = words.reduce((sum, word) => sum + countDutchSyllables(word), 0);
  const score =
    words.length === 0
      ? null
      : 206.835 - 0.93 * (words.length / sentences) - 77 * (syllables / words.length);
  return { words: words.length, sentences, syllables, score };
}
