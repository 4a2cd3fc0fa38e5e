import { describe, expect, it } from "vitest";
import { assignPack, packFor, readAssignments, STUDY_ASSIGNMENT_KEY } from "./assignment.ts";

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => {
      values.clear();
    },
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

describe("study pack assignments", () => {
  it("defaults to the production pack, and keeps one pack per account", () => {
    const storage = memoryStorage();
    expect(packFor(storage, "@noor:localhost")).toBe("nl-default");
    assignPack(storage, "@noor:localhost", "baseline");
    assignPack(storage, "@sam:localhost", "nl-teens-filtered");
    expect(packFor(storage, "@noor:localhost")).toBe("baseline");
    expect(readAssignments(storage)).toEqual({
      "@noor:localhost": "baseline",
      "@sam:localhost": "nl-teens-filtered",
    });
    assignPack(storage, "@noor:localhost", undefined);
    expect(packFor(storage, "@noor:localhost")).toBe("nl-default");
  });

  it("ignores broken or hostile stored values instead of throwing", () => {
    const storage = memoryStorage();
    storage.setItem(STUDY_ASSIGNMENT_KEY, "{not json");
    expect(readAssignments(storage)).toEqual({});
    storage.setItem(
      STUDY_ASSIGNMENT_KEY,
      JSON.stringify({ "@noor:localhost": "../../etc", "not-an-id": "baseline", "@a:b": 3 }),
    );
    expect(readAssignments(storage)).toEqual({});
    expect(() => {
      assignPack(storage, "noor", "baseline");
    }).toThrow();
    expect(() => {
      assignPack(storage, "@noor:localhost", "Bad Pack");
    }).toThrow();
  });
});
