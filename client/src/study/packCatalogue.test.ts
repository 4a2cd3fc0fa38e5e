// The packs a facilitator can choose: bundled packs and researchers' variants,
// each invalid one listed with errors that name the file, the place and the
// problem, and never selectable.

import { bundledPackSources } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import {
  TRANSLATED_COPY_KEYS,
  buildPackCatalogue,
  formatPackFileError,
  selectPack,
  type PackChoice,
} from "./packCatalogue.ts";

type Json = Record<string, unknown>;

/** nl-default as a researcher would copy it, with a new id and label, then `change`d. */
function variant(id: string, change: (pack: Json) => void = () => undefined): string {
  const pack = structuredClone(bundledPackSources["nl-default"]) as Json;
  pack["id"] = id;
  pack["label"] = { nl: `Variant ${id}`, en: `Variant ${id}` };
  change(pack);
  return JSON.stringify(pack, null, 2);
}

function entry(catalogue: readonly PackChoice[], file: string): PackChoice {
  const found = catalogue.find((choice) => choice.file === `study/packs/${file}`);
  if (found === undefined) throw new Error(`${file} not listed`);
  return found;
}

function messages(choice: PackChoice): string[] {
  return choice.valid ? [] : choice.errors.map(formatPackFileError);
}

describe("buildPackCatalogue", () => {
  it("lists the bundled packs first, all valid", () => {
    const catalogue = buildPackCatalogue([], TRANSLATED_COPY_KEYS);
    expect(catalogue.map((c) => [c.id, c.source, c.valid])).toEqual([
      ["nl-default", "bundled", true],
      ["strict", "bundled", true],
      ["baseline", "bundled", true],
    ]);
    expect(catalogue.find((c) => c.id === "baseline")).toMatchObject({ purpose: "control-arm" });
  });

  it("lists a valid variant with its label, selectable", () => {
    const catalogue = buildPackCatalogue(
      [{ name: "nl-longer-reminder.json", text: variant("nl-longer-reminder") }],
      TRANSLATED_COPY_KEYS,
    );
    const choice = entry(catalogue, "nl-longer-reminder.json");
    expect(choice).toMatchObject({
      id: "nl-longer-reminder",
      label: { nl: "Variant nl-longer-reminder", en: "Variant nl-longer-reminder" },
      source: "variant",
      valid: true,
      errors: [],
      purpose: "production",
    });
    expect(selectPack(catalogue, "nl-longer-reminder")?.ref.id).toBe("nl-longer-reminder");
  });

  it("lists a file that is not JSON with the parser's error, under its file name", () => {
    const catalogue = buildPackCatalogue(
      [{ name: "half-written.json", text: '{ "id": "half-written", ' }],
      TRANSLATED_COPY_KEYS,
    );
    const choice = entry(catalogue, "half-written.json");
    expect(choice.id).toBe("half-written");
    expect(choice.valid).toBe(false);
    expect(messages(choice)).toEqual([
      expect.stringMatching(/^study\/packs\/half-written\.json \(whole file\): not valid JSON: /),
    ]);
    expect(selectPack(catalogue, "half-written")).toBeUndefined();
  });

  it("lists schema violations with the file, a JSON Pointer and the message", () => {
    const text = variant("nl-typo", (pack) => {
      const cells = (pack["incomingContact"] as Json)["cells"] as Record<string, Json>;
      (cells["13-15"]?.["adult-stranger"] as Json)["accept"] = "sometimes";
      pack["colour"] = "blue";
    });
    const catalogue = buildPackCatalogue([{ name: "nl-typo.json", text }], TRANSLATED_COPY_KEYS);
    const choice = entry(catalogue, "nl-typo.json");
    expect(choice).toMatchObject({
      id: "nl-typo",
      label: { nl: "Variant nl-typo" },
      valid: false,
    });
    expect(messages(choice)).toEqual([
      'study/packs/nl-typo.json /incomingContact/cells/13-15/adult-stranger/accept: Invalid option: expected one of "offered"|"after-reading"|"not-offered"',
      "study/packs/nl-typo.json (whole file): unknown field: colour",
    ]);
    expect(selectPack(catalogue, "nl-typo")).toBeUndefined();
  });

  it("refuses a production variant that switches a guard off", () => {
    const text = variant("nl-no-guard", (pack) => {
      (pack["guards"] as Json)["adultsNeverSeeMinors"] = false;
    });
    const choice = entry(
      buildPackCatalogue([{ name: "nl-no-guard.json", text }], TRANSLATED_COPY_KEYS),
      "nl-no-guard.json",
    );
    expect(choice.valid).toBe(false);
    expect(messages(choice).join("\n")).toContain("/guards/adultsNeverSeeMinors");
  });

  it("refuses a variant that takes a bundled pack's id", () => {
    const catalogue = buildPackCatalogue(
      [{ name: "my-strict.json", text: variant("strict") }],
      TRANSLATED_COPY_KEYS,
    );
    expect(catalogue.filter((c) => c.id === "strict").map((c) => [c.source, c.valid])).toEqual([
      ["bundled", true],
      ["variant", false],
    ]);
    expect(messages(entry(catalogue, "my-strict.json"))).toEqual([
      'study/packs/my-strict.json /id: the id "strict" is already used by the bundled pack policy-engine/packs/strict.json; give the variant its own id',
    ]);
    expect(selectPack(catalogue, "strict")?.ref.id).toBe("strict"); // the bundled one
  });

  it("refuses every variant of an id used twice", () => {
    const catalogue = buildPackCatalogue(
      [
        { name: "b.json", text: variant("nl-twin") },
        { name: "a.json", text: variant("nl-twin") },
      ],
      TRANSLATED_COPY_KEYS,
    );
    expect(messages(entry(catalogue, "a.json"))).toEqual([
      'study/packs/a.json /id: the id "nl-twin" is also used by study/packs/b.json; every pack needs its own id',
    ]);
    expect(messages(entry(catalogue, "b.json"))).toEqual([
      'study/packs/b.json /id: the id "nl-twin" is also used by study/packs/a.json; every pack needs its own id',
    ]);
    expect(selectPack(catalogue, "nl-twin")).toBeUndefined();
  });

  it("refuses copy keys the client has no words for", () => {
    const text = variant("nl-new-words", (pack) => {
      ((pack["notices"] as Json)["unknown-peer"] as Json)["copyKey"] = "notice.friendlyPeer";
    });
    const choice = entry(
      buildPackCatalogue([{ name: "nl-new-words.json", text }], TRANSLATED_COPY_KEYS),
      "nl-new-words.json",
    );
    expect(messages(choice)).toEqual([
      expect.stringMatching(
        /^study\/packs\/nl-new-words\.json \/notices\/unknown-peer\/copyKey: no Dutch and English words for notice\.friendlyPeer\.child, /,
      ),
    ]);
  });

  it("loads a variant that extends a bundled pack or another variant, and refuses an unknown base", () => {
    const extension = (id: string, base: string, extra: Json = {}): string =>
      JSON.stringify({
        extends: base,
        id,
        version: "1.0.0",
        label: { nl: id, en: id },
        description: { nl: id, en: id },
        ...extra,
      });
    const catalogue = buildPackCatalogue(
      [
        { name: "a.json", text: extension("nl-strict-help", "strict") },
        {
          name: "b.json",
          text: extension("nl-no-peers", "nl-strict-help", { purpose: "production" }),
        },
        { name: "c.json", text: extension("nl-orphan", "nl-gone") },
      ],
      TRANSLATED_COPY_KEYS,
    );
    expect(selectPack(catalogue, "nl-strict-help")?.source.extends).toBe("strict");
    expect(selectPack(catalogue, "nl-no-peers")?.source.peers).toEqual(
      selectPack(catalogue, "strict")?.source.peers,
    );
    expect(messages(entry(catalogue, "c.json"))).toEqual([
      'study/packs/c.json /extends: unknown base pack "nl-gone"',
    ]);
  });

  it("names another folder when asked", () => {
    const catalogue = buildPackCatalogue(
      [{ name: "x.json", text: "[]" }],
      TRANSLATED_COPY_KEYS,
      "/tmp/packs",
    );
    expect(catalogue.at(-1)).toMatchObject({ id: "x", file: "/tmp/packs/x.json", valid: false });
  });
});
