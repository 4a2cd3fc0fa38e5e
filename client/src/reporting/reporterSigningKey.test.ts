// Services layer, reporting: one signing key per account on this device.
import { describe, expect, it } from "vitest";
import {
  createReportBundle,
  generateModerationKeyPair,
  openSealedReport,
  sealReportBundle,
} from "@safety-by-design/protocol";
import {
  loadOrCreateReporterSigningKey,
  reporterSigningKeyStorageKey,
  type KeyValueStorage,
} from "./reporterSigningKey.ts";
import { fixedEnvironment, messageReport } from "./testKit.ts";

function memoryStorage(): KeyValueStorage & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
  };
}

const NOOR = "@noor:localhost";

describe("the reporter's signing key", () => {
  it("is made once per account and read back the same on the next start", async () => {
    const storage = memoryStorage();
    const first = await loadOrCreateReporterSigningKey(storage, NOOR);
    expect(storage.values.has(reporterSigningKeyStorageKey(NOOR))).toBe(true);
    const again = await loadOrCreateReporterSigningKey(storage, NOOR);
    expect(again.publicKey).toEqual(first.publicKey);
    expect(again.secretKey).toEqual(first.secretKey);
  });

  it("differs per account on one device", async () => {
    const storage = memoryStorage();
    const noor = await loadOrCreateReporterSigningKey(storage, NOOR);
    const sam = await loadOrCreateReporterSigningKey(storage, "@sam:localhost");
    expect(sam.publicKey).not.toEqual(noor.publicKey);
    expect(storage.values.size).toBe(2);
  });

  it("replaces a stored value that is not a key", async () => {
    const storage = memoryStorage();
    storage.setItem(reporterSigningKeyStorageKey(NOOR), "not a key");
    const key = await loadOrCreateReporterSigningKey(storage, NOOR);
    expect(key.publicKey).toHaveLength(32);
    expect(storage.getItem(reporterSigningKeyStorageKey(NOOR))).not.toBe("not a key");
  });

  it("signs reports that the moderators verify as valid", async () => {
    const team = await generateModerationKeyPair();
    const key = await loadOrCreateReporterSigningKey(memoryStorage(), NOOR);
    const created = createReportBundle(messageReport(), fixedEnvironment());
    if (!created.ok) throw new Error(created.problems.join("; "));
    const sealed = await sealReportBundle(created.bundle, team.publicKey, key);
    if (!sealed.ok) throw new Error(sealed.problems.join("; "));
    const opened = await openSealedReport(sealed.sealed, team);
    expect(opened.ok && opened.signature).toBe("valid");
  });
});
