import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BUNDLED_PACK_IDS,
  POLICY_ERROR_COPY_KEYS,
  allCopyKeys,
  bundledPackSources,
  loadPack,
  parsePack,
} from "../src/index.ts";
import { policyPackJsonSchemaText } from "../src/pack/json-schema.ts";
import type { PolicyPack } from "../src/index.ts";
import { baseline, bundled, nlDefault, strict } from "./support/fixtures.ts";

function edited(edit: (pack: PolicyPack) => void): unknown {
  const pack = structuredClone(bundledPackSources["nl-default"]) as PolicyPack;
  edit(pack);
  return pack;
}

function problemsOf(value: unknown) {
  const result = loadPack(value);
  return result.ok ? [] : result.problems;
}

describe("bundled packs", () => {
  it("all load, with ids matching their file names", () => {
    for (const id of BUNDLED_PACK_IDS) expect(bundled(id).ref.id).toBe(id);
  });

  it("label the baseline as a control arm that is never for real use, in the pack itself", () => {
    expect(baseline.ref.purpose).toBe("control-arm");
    expect(baseline.source.label.en).toMatch(/not for real use/i);
    expect(baseline.source.description.en).toMatch(/NEVER FOR REAL USE/);
    expect(baseline.source.description.nl).toMatch(/NOOIT VOOR ECHT GEBRUIK/);
    expect(nlDefault.ref.purpose).toBe("production");
    expect(strict.ref.purpose).toBe("production");
  });

  it("are frozen after compiling, so no decision can change a pack", () => {
    expect(Object.isFrozen(nlDefault.incomingContact.cells["8-12"]["adult-stranger"])).toBe(true);
  });
});

describe("pack validation", () => {
  it("rejects unknown fields, naming where", () => {
    const problems = problemsOf(
      edited((pack) => {
        Object.assign(pack.discovery, { everyoneSeesEveryone: true });
      }),
    );
    expect(problems).toEqual([
      { path: "/discovery", message: "unknown field: everyoneSeesEveryone" },
    ]);
  });

  it("rejects a missing table cell and a wrong value with JSON Pointer paths", () => {
    const problems = problemsOf(
      edited((pack) => {
        const cells = pack.incomingContact.cells["8-12"] as Partial<
          (typeof pack.incomingContact.cells)["8-12"]
        >;
        delete cells["adult-stranger"];
        (pack.disclosure["13-15"] as Record<string, string>)["contact"] = "shout";
      }),
    );
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      "/disclosure/13-15/contact",
      "/incomingContact/cells/8-12/adult-stranger",
    ]);
  });

  it("keeps a floor under production packs: every guard on", () => {
    const guardOff = edited((pack) => {
      pack.guards.adultStrangersNeverNormalChatForMinors = false;
    });
    expect(problemsOf(guardOff)).toEqual([
      {
        path: "/guards/adultStrangersNeverNormalChatForMinors",
        message: "a production pack must enable every guard; only a control-arm pack may not",
      },
    ]);
    (guardOff as PolicyPack).purpose = "control-arm";
    expect(problemsOf(guardOff)).toEqual([]);
  });

  it("keeps the tables honest", () => {
    const problems = problemsOf(
      edited((pack) => {
        pack.peers["13-15"] = ["13-15", "18+"];
        pack.incomingContact.cells["8-12"]["adult-stranger"] = {
          presentation: "declined",
          preview: "shown",
          accept: "offered",
          notices: [],
        };
        pack.report.categories["child-sexual-abuse-material"].adviseForMaterialInChats = [
          "meldpunt-kinderporno",
        ];
        pack.contact["13-15"]["adult-stranger"] = { effect: "allowed-with-notice", notices: [] };
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      "/peers/13-15/1",
      "/incomingContact/cells/8-12/adult-stranger/accept",
      "/incomingContact/cells/8-12/adult-stranger/preview",
      "/contact/13-15/adult-stranger/notices",
      "/report/categories/child-sexual-abuse-material/adviseForMaterialInChats/0",
    ]);
  });

  it("offers every one-tap default on the report sheet of the bands it can reach", () => {
    const problems = problemsOf(
      edited((pack) => {
        // grooming is the default for a minor reporting an unknown adult; other for everyone.
        pack.report.categoryChoices["13-15"] = ["harassment", "impersonation", "other"];
        pack.report.categoryChoices["18+"] = ["harassment", "impersonation"];
        pack.report.categoryChoices.unverified = ["other", "other"];
      }),
    );
    expect(problems).toEqual([
      { path: "/report/categoryChoices/unverified", message: "duplicate entries" },
      {
        path: "/report/categoryChoices/13-15",
        message: 'must offer "grooming", a one-tap default for this band',
      },
      {
        path: "/report/categoryChoices/18+",
        message: 'must offer "other", a one-tap default for this band',
      },
      {
        path: "/report/categoryChoices/unverified",
        message: 'must offer "impersonation", a one-tap default for this band',
      },
    ]);
  });

  it("keeps a production pack from silently letting an adult reach an unanswered recipient", () => {
    const silent = edited((pack) => {
      pack.contactWithoutAnswer["18+"] = { effect: "allowed", notices: [] };
      pack.contactWithoutAnswer.unverified = { effect: "refused", notices: [] };
    });
    expect(problemsOf(silent).map((problem) => problem.path)).toEqual([
      "/contactWithoutAnswer/18+/effect",
      "/contactWithoutAnswer/unverified/notices",
    ]);
    (silent as PolicyPack).contactWithoutAnswer.unverified = {
      effect: "refused",
      notices: ["contact-not-available"],
    };
    (silent as PolicyPack).purpose = "control-arm";
    expect(problemsOf(silent)).toEqual([]);
  });

  it("keeps the evidence window a whole number the report bundle can carry (0..20)", () => {
    const windowOf = (value: number) =>
      problemsOf(
        edited((pack) => {
          pack.report.evidence.contextMessages = value;
        }),
      ).map((problem) => problem.path);
    expect(windowOf(0)).toEqual([]);
    expect(windowOf(20)).toEqual([]);
    for (const value of [-1, 21, 2.5]) {
      expect(windowOf(value), String(value)).toEqual(["/report/evidence/contextMessages"]);
    }
  });

  it("rejects duplicate list entries", () => {
    const problems = problemsOf(
      edited((pack) => {
        pack.help.moments.general["8-12"] = ["kindertelefoon", "kindertelefoon"];
      }),
    );
    expect(problems).toEqual([
      { path: "/help/moments/general/8-12", message: "duplicate entries" },
    ]);
  });

  it("parses text, and explains text that is not JSON", () => {
    const text = JSON.stringify(bundledPackSources.strict);
    expect(parsePack(text).ok).toBe(true);
    const result = parsePack("{ nope");
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((problem) => problem.path)).toEqual([""]);
    expect(problems[0]?.message).toMatch(/^not valid JSON: /);
  });
});

describe("copy keys", () => {
  it("lists every key a pack's decisions can carry, including the policy-error notice", () => {
    const keys = allCopyKeys(nlDefault);
    expect(keys).toContain("notice.unknownAdult.teen13");
    expect(keys).toContain("notice.deterrence.adultToMinor");
    for (const key of POLICY_ERROR_COPY_KEYS) expect(keys).toContain(key);
    expect(keys).toEqual([...new Set(keys)].sort());
  });
});

describe("published JSON Schema", () => {
  it("is exactly what `npm run schema -w policy-engine` generates from the zod schema", () => {
    const committed = readFileSync(
      new URL("../schema/policy-pack.schema.json", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(policyPackJsonSchemaText());
  });

  it("is what the bundled packs point their editors at", () => {
    for (const id of BUNDLED_PACK_IDS) {
      expect((bundledPackSources[id] as { $schema?: string }).$schema).toBe(
        "../schema/policy-pack.schema.json",
      );
    }
  });
});
