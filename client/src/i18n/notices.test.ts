// The words of every notice the policy engine can show: complete for every
// bundled pack, the same in Dutch and English, and easy enough to read for
// the age band each text is written for.

import {
  BUNDLED_PACK_IDS,
  POLICY_ERROR_COPY_KEYS,
  allCopyKeys,
  loadBundledPack,
} from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { MIN_READING_EASE, audienceOf } from "./audience.ts";
import { noticesEn } from "./notices.en.ts";
import { noticesNl, type NoticeCopyKey } from "./notices.nl.ts";
import { fleschDouma } from "./readability.ts";

const nlKeys = Object.keys(noticesNl).sort();
const enKeys = Object.keys(noticesEn).sort();
const isNoticeKey = (key: string): key is NoticeCopyKey => Object.hasOwn(noticesNl, key);

function packCopyKeys(): readonly string[] {
  const keys = new Set<string>();
  for (const id of BUNDLED_PACK_IDS) {
    const loaded = loadBundledPack(id);
    if (!loaded.ok) throw new Error(`bundled pack ${id} does not load`);
    for (const key of allCopyKeys(loaded.pack)) keys.add(key);
  }
  return [...keys].sort();
}
const engineKeys = packCopyKeys();

describe("notice copy covers the engine", () => {
  it("lists the policy-error keys among every pack's keys", () => {
    expect(POLICY_ERROR_COPY_KEYS.length).toBe(5);
    for (const key of POLICY_ERROR_COPY_KEYS) expect(engineKeys).toContain(key);
  });

  it("has Dutch and English text for every copy key of every bundled pack", () => {
    const keys = [...new Set([...engineKeys, ...POLICY_ERROR_COPY_KEYS])];
    const missing = keys.filter(
      (key) => !isNoticeKey(key) || noticesNl[key].trim() === "" || noticesEn[key].trim() === "",
    );
    expect(missing).toEqual([]);
    expect(keys.length).toBe(122);
  });

  it("has no text for a key that no bundled pack can produce", () => {
    expect(nlKeys).toEqual(engineKeys);
  });
});

describe("Dutch and English notices", () => {
  it("have exactly the same keys", () => {
    expect(enKeys).toEqual(nlKeys);
  });

  it("use the same {params} in both languages", () => {
    const params = (text: string): string[] =>
      [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
    for (const key of nlKeys.filter(isNoticeKey)) {
      expect(params(noticesEn[key]), key).toEqual(params(noticesNl[key]));
    }
  });

  it("contain no phone numbers, web addresses or unusual characters", () => {
    // Help details live in the help table; notices only point to it. Letters
    // with accents are fine, but no curly quotes, emoji or invisible marks.
    const plain = /^[\x20-\x7E\u00C0-\u00FF]*$/u;
    for (const key of nlKeys.filter(isNoticeKey)) {
      for (const text of [noticesNl[key], noticesEn[key]]) {
        expect(text, key).toMatch(plain);
        expect(text, key).not.toMatch(/\d{3,}|https?:|www\.|\.(nl|com|org)\b|@/u);
      }
    }
  });

  it("point the adult stopped from contacting a minor to Stop it Now", () => {
    expect(noticesNl["notice.deterrence.adultToMinor"]).toContain("Stop it Now");
    expect(noticesEn["notice.deterrence.adultToMinor"]).toContain("Stop it Now");
  });

  it("point the adult whose recipient did not answer to Stop it Now too", () => {
    expect(noticesNl["notice.deterrence.recipientMayHoldAside"]).toContain("Stop it Now");
    expect(noticesEn["notice.deterrence.recipientMayHoldAside"]).toContain("Stop it Now");
  });
});

// The formula averages over words and sentences; on a few words it measures
// only their length, so (as in copy-readability.test.ts) shorter texts are
// judged by people.
const MIN_WORDS = 4;

type Scored = {
  readonly key: string;
  readonly text: string;
  readonly min: number;
  readonly score: number;
};

const scored: readonly Scored[] = Object.entries(noticesNl).flatMap(([key, text]): Scored[] => {
  const { audience } = audienceOf(key);
  if (audience === "adults") return [];
  const ease = fleschDouma(text);
  if (ease.score === null || ease.words < MIN_WORDS) return [];
  return [{ key, text, min: MIN_READING_EASE[audience], score: ease.score }];
});

describe("Dutch notices a minor may read", () => {
  it("are held to the reading level of their band", () => {
    // .child (8-12) at least 70, .teen13 and .teen16 at least 60. Copy for an
    // unknown reader (.general) and keys without a band are held to 60 too.
    for (const key of nlKeys) {
      if (key.endsWith(".child")) expect(audienceOf(key).audience, key).toBe("8-12");
      if (key.endsWith(".teen13") || key.endsWith(".teen16")) {
        expect(audienceOf(key).audience, key).toBe("13-17");
      }
    }
    expect(MIN_READING_EASE["8-12"]).toBeGreaterThanOrEqual(70);
    expect(MIN_READING_EASE["13-17"]).toBeGreaterThanOrEqual(60);
    expect(scored.filter(({ key }) => key.endsWith(".child")).length).toBe(24);
  });

  // A failing key means: rewrite the words (shorter sentences, common words);
  // never lower the threshold.
  it.each(scored)("$key scores at least $min", ({ key, text, min, score }) => {
    expect(
      score,
      `${key} scores ${score.toFixed(1)}, needs ${min}: "${text}"`,
    ).toBeGreaterThanOrEqual(min);
  });
});
