// Packs that extend another: the merge, and every way an extension fails
// closed (missing or unknown base, a cycle, an override that breaks the pack).

import { describe, expect, it } from "vitest";
import {
  bundledPackSources,
  createPolicyEngine,
  loadPack,
  parsePack,
  resolveBundledPack,
} from "../src/index.ts";
import type { LoadPackOptions, PackLoadResult, PackProblem } from "../src/index.ts";
import { incomingRequest, nlDefault, NOW } from "./support/fixtures.ts";

type Json = Record<string, unknown>;

/** The smallest valid extension of `base`: its own id, version, label and description, plus `overrides`. */
function extension(id: string, base: string, overrides: Json = {}): Json {
  return {
    extends: base,
    id,
    version: "1.0.0",
    label: { nl: `Variant ${id}`, en: `Variant ${id}` },
    description: { nl: "Een variant.", en: "A variant." },
    ...overrides,
  };
}

/** Resolves bundled packs, then the given packs by id (as a study catalogue would). */
function resolverWith(...packs: Json[]): LoadPackOptions {
  const byId = new Map(packs.map((pack) => [pack["id"] as string, pack]));
  return { resolveBase: (id) => resolveBundledPack(id) ?? byId.get(id) };
}

function without(value: object, keys: readonly string[]): Json {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

const bundledOnly: LoadPackOptions = { resolveBase: resolveBundledPack };

function problemsOf(result: PackLoadResult): readonly PackProblem[] {
  return result.ok ? [] : result.problems;
}

function loaded(result: PackLoadResult) {
  if (!result.ok) throw new Error(`did not load: ${JSON.stringify(result.problems)}`);
  return result.pack;
}

describe("a pack that extends another", () => {
  it("with no overrides decides exactly as its base, under its own id and version", () => {
    const pack = loaded(loadPack(extension("nl-same", "nl-default"), bundledOnly));
    expect(pack.ref).toEqual({ id: "nl-same", version: "1.0.0", purpose: "production" });
    expect(pack.source.extends).toBe("nl-default");
    const ownFields = ["id", "version", "label", "description", "$schema", "extends"];
    expect(without(pack.source, ownFields)).toEqual(without(nlDefault.source, ownFields));
    expect([pack.source.label.en, pack.source.description.en]).toEqual([
      "Variant nl-same",
      "A variant.",
    ]);
  });

  it("merges objects key by key, replaces arrays whole, and takes null where the schema allows it", () => {
    const pack = loaded(
      loadPack(
        extension("nl-merged", "nl-default", {
          peers: { "13-15": ["13-15"] },
          incomingContact: {
            cells: { "13-15": { "adult-stranger": { presentation: "filtered" } } },
          },
          conversationNotice: { recentlyAccepted: { "13-15": { "adult-stranger": null } } },
        }),
        bundledOnly,
      ),
    );
    const base = nlDefault.source;
    expect(pack.source.peers).toEqual({ ...base.peers, "13-15": ["13-15"] });
    expect(pack.source.incomingContact.cells["13-15"]["adult-stranger"]).toEqual({
      ...base.incomingContact.cells["13-15"]["adult-stranger"],
      presentation: "filtered",
    });
    expect(pack.source.incomingContact.cells["13-15"]["unverified-stranger"]).toEqual(
      base.incomingContact.cells["13-15"]["unverified-stranger"],
    );
    expect(pack.source.conversationNotice.recentlyAccepted["13-15"]).toEqual({
      ...base.conversationNotice.recentlyAccepted["13-15"],
      "adult-stranger": null,
    });
    expect(pack.conversationNotice.recentlyAccepted["13-15"]["adult-stranger"]).toBeNull();
  });

  it("leaves the base's data untouched", () => {
    const before = structuredClone(bundledPackSources["nl-default"]);
    loadPack(extension("nl-peerless", "nl-default", { peers: { "8-12": [] } }), bundledOnly);
    expect(bundledPackSources["nl-default"]).toEqual(before);
  });

  it("may extend a pack that extends another, the nearest override winning", () => {
    const middle = extension("nl-middle", "strict", { peers: { "13-15": ["13-15"] } });
    const top = extension("nl-top", "nl-middle", { peers: { "16-17": ["16-17"] } });
    const pack = loaded(loadPack(top, resolverWith(middle)));
    expect(pack.source.peers).toEqual({
      ...loaded(loadPack(bundledPackSources.strict)).source.peers,
      "13-15": ["13-15"],
      "16-17": ["16-17"],
    });
    expect(pack.source.jurisdiction).toBe("NL");
  });

  it("parses text with the same options", () => {
    const text = JSON.stringify(extension("nl-text", "baseline"));
    expect(loaded(parsePack(text, bundledOnly)).ref.purpose).toBe("control-arm");
  });
});

describe("an extension fails closed", () => {
  it("without base packs from the caller, or with a base nobody knows", () => {
    expect(problemsOf(loadPack(extension("nl-x", "nl-default")))).toEqual([
      { path: "/extends", message: 'extends "nl-default", but the loader was given no base packs' },
    ]);
    expect(problemsOf(loadPack(extension("nl-x", "nl-gone"), bundledOnly))).toEqual([
      { path: "/extends", message: 'unknown base pack "nl-gone"' },
    ]);
    expect(problemsOf(loadPack(extension("nl-x", "Not An Id"), bundledOnly))).toEqual([
      { path: "/extends", message: 'must be the id of another pack, e.g. "nl-default"' },
    ]);
  });

  it("on a cycle, naming it, including a pack that extends itself", () => {
    const a = extension("nl-a", "nl-b");
    const b = extension("nl-b", "nl-a");
    expect(problemsOf(loadPack(a, resolverWith(a, b)))).toEqual([
      {
        path: "/extends",
        message:
          'in base pack "nl-b" at /extends: packs extend each other in a cycle: nl-a → nl-b → nl-a',
      },
    ]);
    const self = extension("nl-self", "nl-self");
    expect(problemsOf(loadPack(self, resolverWith(self)))).toEqual([
      { path: "/extends", message: "packs extend each other in a cycle: nl-self → nl-self" },
    ]);
  });

  it("when the extension does not state its own id, version, label and description", () => {
    const anonymous = without(extension("nl-x", "nl-default"), ["id", "version"]);
    expect(problemsOf(loadPack(anonymous, bundledOnly))).toEqual([
      { path: "/id", message: "a pack that extends another must state its own id, version" },
    ]);
  });

  it("when an override breaks the schema, at the override's JSON Pointer", () => {
    const result = loadPack(
      extension("nl-typo", "nl-default", {
        incomingContact: { cells: { "13-15": { "adult-stranger": { accept: "maybe" } } } },
        colour: "blue",
      }),
      bundledOnly,
    );
    expect(problemsOf(result).map((problem) => problem.path)).toEqual([
      "/incomingContact/cells/13-15/adult-stranger/accept",
      "",
    ]);
    expect(problemsOf(result)[1]?.message).toBe("unknown field: colour");
  });

  it("when an override breaks a whole-pack rule, saying which value came from the base", () => {
    const result = loadPack(
      extension("nl-declined", "nl-default", {
        incomingContact: { cells: { "13-15": { "adult-stranger": { presentation: "declined" } } } },
      }),
      bundledOnly,
    );
    expect(problemsOf(result)).toEqual([
      {
        path: "/incomingContact/cells/13-15/adult-stranger/accept",
        message: 'a declined request cannot offer accept (value inherited from "nl-default")',
      },
    ]);
  });

  it("when an override switches a guard off in a production pack", () => {
    const result = loadPack(
      extension("nl-unguarded", "nl-default", { guards: { adultsNeverSeeMinors: false } }),
      bundledOnly,
    );
    expect(problemsOf(result)).toEqual([
      {
        path: "/guards/adultsNeverSeeMinors",
        message: "a production pack must enable every guard; only a control-arm pack may not",
      },
    ]);
    const engine = createPolicyEngine(result);
    expect(engine.pack.purpose).toBe("none");
    expect(engine.decide(incomingRequest(), NOW)).toMatchObject({ failedClosed: true });
  });

  it("when an override replaces a table with something else, or smuggles in __proto__", () => {
    const result = parsePack(
      '{"extends":"nl-default","id":"nl-p","version":"1.0.0","label":{"nl":"p","en":"p"},' +
        '"description":{"nl":"p","en":"p"},"peers":[],"guards":{"__proto__":{"x":1}}}',
      bundledOnly,
    );
    expect(problemsOf(result).map((problem) => problem.path)).toEqual(["/guards", "/peers"]);
    expect(({} as Json)["x"]).toBeUndefined();
  });
});
