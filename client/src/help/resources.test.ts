import { readFileSync } from "node:fs";
import { HELP_RESOURCE_IDS as ENGINE_HELP_RESOURCE_IDS } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { MIN_READING_EASE } from "../i18n/audience.ts";
import { fleschDouma } from "../i18n/readability.ts";
import {
  HELP_RESOURCES,
  HELP_RESOURCES_VERIFIED_ON,
  HELP_RESOURCE_IDS,
  HELP_SERVICE_NAMES,
  type HelpResource,
  type LocalizedText,
} from "./resources.ts";

const EXPECTED_IDS = [
  "kindertelefoon",
  "helpwanted",
  "stop-it-now",
  "centrum-seksueel-geweld",
  "veilig-thuis",
  "politie",
  "emergency-112",
  "meldpunt-kinderporno",
];

const resources: readonly HelpResource[] = HELP_RESOURCE_IDS.map((id) => HELP_RESOURCES[id]);

/** Every text a person may see, with a name for the failure message. */
function texts(resource: HelpResource): [string, LocalizedText][] {
  return [
    ["name", resource.name],
    ["purpose", resource.purpose],
    ["audience", resource.audience],
    ...("text" in resource.hours
      ? [["hours", resource.hours.text] as [string, LocalizedText]]
      : []),
    ...resource.phones.map((phone): [string, LocalizedText] => [
      `phone ${phone.display}`,
      phone.label,
    ]),
    ...resource.web.map((web): [string, LocalizedText] => [`web ${web.url}`, web.label]),
  ];
}

const digits = (s: string): string => s.replace(/\D/g, "");

describe("the help resource table", () => {
  it("has exactly the eight ids, each entry under its own id", () => {
    expect(Object.keys(HELP_RESOURCES).sort()).toEqual([...EXPECTED_IDS].sort());
    expect([...HELP_RESOURCE_IDS].sort()).toEqual([...EXPECTED_IDS].sort());
    for (const [key, resource] of Object.entries(HELP_RESOURCES)) expect(resource.id).toBe(key);
  });

  it("uses the same ids as the policy engine", () => {
    expect([...HELP_RESOURCE_IDS].sort()).toEqual([...ENGINE_HELP_RESOURCE_IDS].sort());
  });

  it.each(resources)("$id has an https source and a verified date not after the check", (r) => {
    expect(new URL(r.sourceUrl).protocol).toBe("https:");
    expect(r.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${r.verifiedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.verifiedOn);
    expect(r.verifiedOn <= HELP_RESOURCES_VERIFIED_ON).toBe(true);
    expect(HELP_RESOURCES_VERIFIED_ON).toBe("2026-11-23");
  });

  it.each(resources)("$id has Dutch and English for every text", (r) => {
    for (const [field, text] of texts(r)) {
      expect(text.nl.trim(), `${r.id} ${field} (nl)`).not.toBe("");
      expect(text.en.trim(), `${r.id} ${field} (en)`).not.toBe("");
    }
  });

  it.each(resources)("$id has tel: links with the digits of the displayed number", (r) => {
    for (const phone of r.phones) {
      expect(phone.tel).toMatch(/^tel:\d+$/);
      expect(digits(phone.tel)).toBe(digits(phone.display));
    }
  });

  it.each(resources)("$id links out over https only", (r) => {
    for (const web of r.web) expect(new URL(web.url).protocol).toBe("https:");
  });

  it.each(resources)("$id says what was confirmed and where", (r) => {
    expect(r.verification.confirmed.length).toBeGreaterThan(0);
    expect(r.verification.consulted.length).toBeGreaterThan(0);
    // Unconfirmed hours are never stated, not even as filler ("see website").
    if (r.hours.status === "not-confirmed") expect("text" in r.hours).toBe(false);
  });

  it.each(resources)("$id reads easily enough for a child in Dutch", (r) => {
    // The help screen is shown to 8–12-year-olds too. Only the sentences are
    // scored: link and button labels, like texts under 4 words, are too short
    // for the formula (see copy-readability.test.ts).
    const prose: [string, LocalizedText][] = [
      ["purpose", r.purpose],
      ["audience", r.audience],
      ...("text" in r.hours ? [["hours", r.hours.text] as [string, LocalizedText]] : []),
    ];
    for (const [field, text] of prose) {
      const ease = fleschDouma(text.nl);
      if (ease.score === null || ease.words < 4) continue;
      expect(ease.score, `${r.id} ${field}: "${text.nl}"`).toBeGreaterThanOrEqual(
        MIN_READING_EASE["8-12"],
      );
    }
  });
});

describe("facts the brief requires", () => {
  it("Kindertelefoon is for 8 to 18", () => {
    expect(HELP_RESOURCES.kindertelefoon.audience.nl).toContain("8 tot 18");
    expect(HELP_RESOURCES.kindertelefoon.phones.map((p) => p.display)).toEqual(["0800-0432"]);
  });

  it("112 is for immediate danger", () => {
    expect(HELP_RESOURCES["emergency-112"].purpose.nl).toContain("direct gevaar");
    expect(HELP_RESOURCES["emergency-112"].purpose.en).toContain("immediate danger");
    expect(HELP_RESOURCES["emergency-112"].phones.map((p) => p.tel)).toEqual(["tel:112"]);
  });

  it("the police has 0900-8844 and Meld Misdaad Anoniem 0800-7000", () => {
    expect(HELP_RESOURCES.politie.phones.map((p) => p.display)).toEqual(["0900-8844", "0800-7000"]);
  });

  it("Meldpunt Kinderporno handles public websites only and needs a URL", () => {
    const { purpose, phones } = HELP_RESOURCES["meldpunt-kinderporno"];
    expect(purpose.nl).toContain("URL");
    expect(purpose.nl).toContain("openbaar op een website");
    expect(purpose.en).toContain("publicly on a website");
    expect(phones).toEqual([]);
  });
});

describe("HELP_SERVICE_NAMES", () => {
  it("holds every resource's name and the common variants, once each", () => {
    for (const r of resources) expect(HELP_SERVICE_NAMES).toContain(r.name.nl);
    for (const variant of [
      "Kinder Telefoon",
      "De Kindertelefoon",
      "Stop it Now",
      "Helpwanted",
      "Politie",
      "Moderation",
      "Moderatie",
      "Support",
      "Helpdesk",
      "Veilig Chatten team",
    ]) {
      expect(HELP_SERVICE_NAMES).toContain(variant);
    }
    const folded = HELP_SERVICE_NAMES.map((name) => name.toLocaleLowerCase("nl"));
    expect(new Set(folded).size).toBe(folded.length);
  });
});

describe("docs/measures/help.md", () => {
  it("shows every number and address of the table", () => {
    const doc = readFileSync(new URL("../../../docs/measures/help.md", import.meta.url), "utf8");
    for (const r of resources) {
      for (const phone of r.phones) expect(doc, r.id).toContain(phone.display);
      for (const web of r.web) expect(doc, r.id).toContain(web.url);
      expect(doc, r.id).toContain(r.sourceUrl);
    }
  });
});
