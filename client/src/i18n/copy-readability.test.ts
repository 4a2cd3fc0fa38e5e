// Every Dutch string a minor may read must be easy enough for them: a
// Flesch–Douma score of at least 70 for copy written for 8–12 (`.child`
// keys) and at least 60 for everything else a minor sees (see audience.ts).
// A failing key means: rewrite the copy (shorter sentences, shorter and more
// common words). Do not lower a threshold to make a string pass.
//
// Why Flesch–Douma: it is the one Dutch readability formula that is public,
// simple enough to compute exactly in a unit test with no data files and no
// network, and whose norms (Douma 1960) map to Dutch school years. That makes
// it a cheap tripwire for copy that drifts towards long sentences and long
// words; it is not evidence that a child understands the text.
//
// Better-founded measures exist. CLIB (Cito LeesIndex voor het
// Basisonderwijs, Staphorsius 1994) predicts the reading level of texts for
// primary-school children and relies on word-frequency lists; LiNT
// (Leesbaarheidsinstrument voor Nederlandse Teksten, Utrecht University;
// Pander Maat, Kleijn & Frissen 2023) was validated with Dutch readers and
// uses word frequency, concreteness and sentence structure from a full
// parser. We do not use them here because both are built for running texts
// of a paragraph or more, not one-line interface copy; CLIB's frequency data
// is Cito's, and LiNT runs as an online service with a parser toolchain that
// a hermetic, offline unit test cannot call. The real check remains reading
// the copy with children and teens in the project's usability panels.

import { describe, expect, it } from "vitest";
import { MIN_READING_EASE, audienceOf } from "./audience.ts";
import { facilitatorNl } from "./facilitator.nl.ts";
import { nl as sessionNl } from "./messages.nl.ts";
import { moderationNl } from "./moderation.nl.ts";
import { fleschDouma } from "./readability.ts";
import { shellNl } from "./shell.nl.ts";

// Every area's Dutch (i18n.ts: the words load with their screens).
const nl = { ...shellNl, ...sessionNl, ...moderationNl, ...facilitatorNl };

// The formula averages over sentences and words; on one to three words it
// measures nothing but the length of those words (a single four-syllable
// button label would score -102). Labels that short are judged by people.
const MIN_WORDS = 4;

type CheckedCopy = {
  readonly key: string;
  readonly text: string;
  readonly rule: string;
  readonly min: number;
  readonly score: number;
};

const checked: CheckedCopy[] = Object.entries(nl).flatMap(([key, text]): CheckedCopy[] => {
  const { audience, rule } = audienceOf(key);
  if (audience === "adults") return [];
  const ease = fleschDouma(text);
  if (ease.score === null || ease.words < MIN_WORDS) return [];
  return [{ key, text, rule, min: MIN_READING_EASE[audience], score: ease.score }];
});

describe("Dutch copy shown to minors", () => {
  it("has strings long enough to score", () => {
    expect(checked.length).toBeGreaterThan(0);
  });

  it.each(checked)("$key scores at least $min", ({ key, text, rule, min, score }) => {
    expect(
      score,
      `${key} (${rule}) scores ${score.toFixed(1)}, needs ${min}: "${text}"`,
    ).toBeGreaterThanOrEqual(min);
  });
});

describe("audienceOf", () => {
  it("reads the band from the key's ending, ignoring plural suffixes", () => {
    expect(audienceOf("warning.unknownAdult.child").audience).toBe("8-12");
    expect(audienceOf("warning.unknownAdult.teen13").audience).toBe("13-17");
    expect(audienceOf("warning.unknownAdult.teen16_other").audience).toBe("13-17");
    expect(audienceOf("warning.unknownAdult.child_one").audience).toBe("8-12");
  });

  it("treats general UI as 13–17 and adult-only screens as adults", () => {
    expect(audienceOf("signIn.error.required").audience).toBe("13-17");
    expect(audienceOf("help.title").audience).toBe("13-17");
    expect(audienceOf("facilitator.sessionStart").audience).toBe("adults");
    expect(audienceOf("contact.deterrence.adult").audience).toBe("adults");
  });

  it("assumes a key no rule lists reaches a minor", () => {
    expect(audienceOf("somethingNew.title")).toEqual({
      audience: "13-17",
      rule: "not listed: assumed to reach a minor",
    });
  });

  it("holds 8–12 copy to the stricter level", () => {
    expect(MIN_READING_EASE["8-12"]).toBeGreaterThan(MIN_READING_EASE["13-17"]);
  });
});
