// A session's engine runs the pack assigned to its account on this device:
// nl-default without an assignment, a bundled pack or a variant when assigned,
// and an engine that fails closed (visibly) for an unknown or invalid pack.
// All of that only in a deployment configured for studies; elsewhere an
// assignment is ignored, nl-default runs, and the result says what was ignored.

import { createPolicyEngine } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { assignPack } from "./assignment.ts";
import { buildPackCatalogue, TRANSLATED_COPY_KEYS } from "./packCatalogue.ts";
import { listStudyPacks } from "./packVariants.ts";
import { sessionPackFor } from "./sessionPack.ts";
import type { StudyStorage } from "./assignment.ts";

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

const STUDY = { studyMode: true } as const;
const NOT_A_STUDY = { studyMode: false } as const;

/** The pack a study deployment runs for `userId`. */
function enginePackFor(
  storage: StudyStorage,
  userId: string,
  catalogue: ReturnType<typeof listStudyPacks>,
) {
  const { pack, ignoredAssignment } = sessionPackFor(storage, userId, catalogue, STUDY);
  expect(ignoredAssignment).toBeUndefined();
  return pack;
}

function packIdOf(storage: StudyStorage, catalogue = listStudyPacks()): string | undefined {
  const result = enginePackFor(storage, NOOR, catalogue);
  return result.ok ? result.pack.ref.id : undefined;
}

describe("sessionPackFor, in a deployment configured for studies", () => {
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

describe("sessionPackFor, in a deployment not configured for studies", () => {
  it("ignores an assignment to the control arm: nl-default runs, and the result names what was ignored", () => {
    const storage = memoryStorage();
    assignPack(storage, NOOR, "baseline");
    const { pack, ignoredAssignment } = sessionPackFor(
      storage,
      NOOR,
      listStudyPacks(),
      NOT_A_STUDY,
    );
    expect(pack.ok && pack.pack.ref).toEqual({
      id: "nl-default",
      version: expect.any(String) as unknown,
      purpose: "production",
    });
    expect(ignoredAssignment).toBe("baseline");
    expect(createPolicyEngine(pack).problems).toEqual([]);
  });

  it("ignores variants and unknown ids the same way, without failing closed", () => {
    const storage = memoryStorage();
    assignPack(storage, NOOR, "nl-teens-filtered");
    assignPack(storage, "@sam:localhost", "no-such-pack");
    for (const userId of [NOOR, "@sam:localhost"]) {
      const { pack, ignoredAssignment } = sessionPackFor(
        storage,
        userId,
        listStudyPacks(),
        NOT_A_STUDY,
      );
      expect(pack.ok && pack.pack.ref.id).toBe("nl-default");
      expect(ignoredAssignment).toBeDefined();
    }
  });

  it("has nothing to say without an assignment, or with one to nl-default itself", () => {
    const storage = memoryStorage();
    const none = sessionPackFor(storage, NOOR, listStudyPacks(), NOT_A_STUDY);
    expect(none.pack.ok && none.pack.pack.ref.id).toBe("nl-default");
    expect(none.ignoredAssignment).toBeUndefined();
    assignPack(storage, NOOR, "nl-default");
    expect(sessionPackFor(storage, NOOR, listStudyPacks(), NOT_A_STUDY).ignoredAssignment).toBe(
      undefined,
    );
  });
});
