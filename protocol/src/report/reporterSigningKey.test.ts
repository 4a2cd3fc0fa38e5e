// Protocol, reports: the reporter's key from its seed, as another implementation derives it.
import { describe, expect, it } from "vitest";
import { readySodium, toBase64Url } from "../codec.ts";
import { createReportBundle } from "./bundle.ts";
import { createReporterSigningKey, reporterSigningKeyFromSeed } from "./reporterSigningKey.ts";
import { generateModerationKeyPair, openSealedReport, sealReportBundle } from "./seal.ts";
import { fixedEnvironment, messageReport } from "./testKit.ts";

describe("the reporter's signing key as a seed", () => {
  it("gives the same key pair for the same seed, and another for a new one", async () => {
    const created = await createReporterSigningKey();
    expect(created.seed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await reporterSigningKeyFromSeed(created.seed)).toEqual(created.keyPair);
    const other = await createReporterSigningKey();
    expect(other.keyPair.publicKey).not.toEqual(created.keyPair.publicKey);
  });

  it("is libsodium's Ed25519 key pair of that seed (another implementation can derive it)", async () => {
    const s = await readySodium();
    const seed = new Uint8Array(32).fill(9);
    const expected = s.crypto_sign_seed_keypair(seed);
    expect(await reporterSigningKeyFromSeed(toBase64Url(s, seed))).toEqual({
      publicKey: expected.publicKey,
      secretKey: expected.privateKey,
    });
  });

  it("refuses text that is not a canonical 32-byte seed", async () => {
    const { seed } = await createReporterSigningKey();
    expect(await reporterSigningKeyFromSeed("not a key")).toBeUndefined();
    expect(await reporterSigningKeyFromSeed(seed.slice(1))).toBeUndefined();
    expect(await reporterSigningKeyFromSeed(`${seed}A`)).toBeUndefined();
    expect(await reporterSigningKeyFromSeed("")).toBeUndefined();
  });

  it("signs reports that the moderators verify as valid", async () => {
    const team = await generateModerationKeyPair();
    const { keyPair } = await createReporterSigningKey();
    const created = createReportBundle(messageReport(), fixedEnvironment());
    if (!created.ok) throw new Error(created.problems.join("; "));
    const sealed = await sealReportBundle(created.bundle, team.publicKey, keyPair);
    if (!sealed.ok) throw new Error(sealed.problems.join("; "));
    const opened = await openSealedReport(sealed.sealed, team);
    expect(opened.ok && opened.signature).toBe("valid");
  });
});
