// A session's engine runs the pack assigned to its account on this device:
// nl-default without an assignment, a bundled pack or a variant when assigned,
// and an engine that fails closed (visibly) for an unknown or invalid pack.

import { createPolicyEngine } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { assignPack } from "./assignment.ts";
import { buildPackCatalogue, TRANSLATED_COPY_KEYS } from "./packCatalogue.ts";
import { listStudyPacks } from "./packVariants.ts";
import { enginePackFor } from "./sessionPack.ts";
import type { StudyStorage } from "./store.ts";

function memoryStorage(): StudyStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

const NOOR = "@noor:localhost";

function packIdOf(storage: StudyStorage, catalogue = listStudyPacks()): string | undefined {
  const result = enginePackFor(storage, NOOR, catalogue);
  return result.ok ? result.pack.ref.id : undefined;
}

describe("enginePackFor", () => {
  it("runs nl-default for an account without an assignment", () => {
    expect(packIdOf(memoryStorage())).toBe("nl-default");
  });

  it("runs the bundled pack or the variant assigned to this account only", () => {
    const storage = memoryStorage();
    assignPack(storage, NOOR, "baseline");
    assignPack(storage, "@sam:localhost", "nl-teens-filtered");
    expect(packIdOf(storage)).toBe("baseline");
    const sam = enginePackFor(storage, "@sam:localhost", listStudyPacks());
    expect(sam.ok && sam.pack.ref.id).toBe("nl-teens-filtered");
  });

  it("fails closed for a pack id this build does not have", () => {
    const storage = memoryStorage();
    assignPack(storage, NOOR, "no-such-pack");
    const result = enginePackFor(storage, NOOR, listStudyPacks());
    expect(result).toEqual({
      ok: false,
      problems: [{ path: "", message: 'pack "no-such-pack" is not in this build' }],
    });
    const engine = createPolicyEngine(result);
    expect(engine.problems.length).toBeGreaterThan(0);
    expect(engine.pack.id).toBe("none");
  });

  it("fails closed for an assigned variant that does not validate, naming its errors", () => {
    const storage = memoryStorage();
    assignPack(storage, NOOR, "nl-broken");
    const catalogue = buildPackCatalogue(
      [{ name: "nl-broken.json", text: '{ "id": "nl-broken", "version": ' }],
      TRANSLATED_COPY_KEYS,
    );
    const result = enginePackFor(storage, NOOR, catalogue);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]?.message).toContain("study/packs/nl-broken.json");
    expect(createPolicyEngine(result).problems).toEqual(result.problems);
  });
});
