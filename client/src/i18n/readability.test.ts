import { describe, expect, it } from "vitest";
import { countDutchSyllables, countSentences, dutchWords, fleschDouma } from "./readability.ts";

// Each count checked by hand, syllable by syllable (shown after the word).
const SYLLABLES: readonly (readonly [string, number])[] = [
  ["kindertelefoon", 5], // kin-der-te-le-foon
  ["bericht", 2], // be-richt
  ["berichten", 3], // be-rich-ten
  ["eigenlijk", 3], // ei-gen-lijk
  ["uitnodiging", 4], // uit-no-di-ging
  ["hulp", 1],
  ["veilig", 2], // vei-lig
  ["geblokkeerd", 3], // ge-blok-keerd
  ["ouders", 2], // ou-ders
  ["zee", 1],
  ["beëindigen", 4], // be-ëin-di-gen
  ["nieuw", 1], // ieu
  ["nieuwe", 2], // nieu-we
  ["eeuwig", 2], // eeu-wig
  ["mooie", 2], // mooi-e
  ["nooit", 1], // ooi
  ["draaien", 2], // draai-en
  ["koeien", 2], // koei-en
  ["moeilijk", 2], // moei-lijk
  ["ideeën", 3], // i-dee-ën
  ["geïnteresseerd", 5], // ge-ïn-te-res-seerd
  ["België", 3], // Bel-gi-ë
  ["ruïne", 3], // ru-ï-ne
  ["coördinatie", 5], // co-ör-di-na-tie
  ["één", 1],
  ["café", 2], // ca-fé
  ["bijna", 2], // bij-na
  ["blij", 1],
  ["IJsland", 2], // IJs-land
  ["gesprekken", 3], // ge-sprek-ken
  ["wachtwoord", 2], // wacht-woord
  ["gebruikersnaam", 4], // ge-brui-kers-naam
  ["versleuteld", 3], // ver-sleu-teld
  ["vrouw", 1],
  ["leeuw", 1],
  ["ruw", 1],
  ["duizend", 2], // dui-zend
  ["anoniem", 3], // a-no-niem
  ["politie", 3], // po-li-tie
  ["ideaal", 3], // i-de-aal
  ["piano", 3], // pi-a-no
  ["radio", 3], // ra-di-o
  ["foto's", 2], // fo-to's
  ["z'n", 1],
  ["baby", 2], // ba-by
  ["hobby", 2], // hob-by
  ["type", 2], // ty-pe (Dutch: "tie-pe")
  ["yoga", 2], // yo-ga
  ["loyaal", 2], // lo-yaal
  ["okay", 2], // o-kay
  ["hey", 1],
];

describe("countDutchSyllables", () => {
  it.each(SYLLABLES)("counts %s as %i", (word, expected) => {
    expect(countDutchSyllables(word)).toBe(expected);
  });

  it("checks at least 30 words", () => {
    expect(SYLLABLES.length).toBeGreaterThanOrEqual(30);
  });

  it("gives a word without vowels one syllable", () => {
    expect(countDutchSyllables("pst")).toBe(1);
  });
});

describe("words and sentences", () => {
  it("counts letter tokens and drops {params} and URLs", () => {
    expect(dutchWords("{count} nieuwe berichten van {name}.")).toEqual([
      "nieuwe",
      "berichten",
      "van",
    ]);
    expect(dutchWords("Een goed adres ziet eruit als https://matrix.voorbeeld.nl.")).toEqual([
      "Een",
      "goed",
      "adres",
      "ziet",
      "eruit",
      "als",
    ]);
    expect(dutchWords("Foto's op de Matrix-server")).toEqual([
      "Foto's",
      "op",
      "de",
      "Matrix-server",
    ]);
  });

  it("splits sentences on . ! ? ; … and line breaks, and counts at least one", () => {
    expect(countSentences("Hoi! Hoe gaat het? Goed; dank je. Tot straks… Doei\nJa")).toBe(7);
    expect(countSentences("Gebruikersnaam")).toBe(1);
    expect(countSentences("")).toBe(1);
    // The dots of a URL do not end a sentence.
    expect(countSentences("Kijk op https://www.kindertelefoon.nl. Daar kun je chatten.")).toBe(2);
  });
});

describe("fleschDouma", () => {
  it("applies 206.835 − 0.93 × words/sentence − 77 × syllables/word", () => {
    // 6 words, 1 sentence, 6 syllables.
    const ease = fleschDouma("Ik zie de kat in huis.");
    expect(ease).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(ease.score).toBeCloseTo(206.835 - 0.93 * 6 - 77 * 1, 6);
  });

  it("scores a simple sentence for a child above 80", () => {
    const ease = fleschDouma("Ik ben Sam. Ik ben elf jaar. Ik speel graag buiten met mijn hond.");
    expect(ease.score).toBeGreaterThan(80);
  });

  it("scores a long bureaucratic sentence below 40", () => {
    const ease = fleschDouma(
      "Op grond van de toepasselijke wettelijke bepalingen en de daarop gebaseerde " +
        "uitvoeringsregelingen wordt de gebruiker geacht kennis te hebben genomen van de " +
        "verwerkingsvoorwaarden, alvorens tot registratie kan worden overgegaan.",
    );
    expect(ease.score).toBeLessThan(40);
  });

  it("has no score for text without words", () => {
    expect(fleschDouma("{count} 112 …").score).toBeNull();
  });
});
