// Protocol, age format: issuing refuses what no verifier would accept; key pairs; presenting.
import { describe, expect, it } from "vitest";
import { MAX_VALIDITY_DAYS, issueAgeAttestation, signAttestation } from "./attestation.ts";
import {
  checkIssuerKeyPair,
  createHolderKeyPair,
  createIssuerKeyPair,
  issuerKeyIdFor,
} from "./keys.ts";
import { createPresentation } from "./presentation.ts";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const DAY_SECONDS = 86_400;

describe("issuing", () => {
  it("binds subject, holder key and band, valid for 90 days by default", async () => {
    const issuer = await createIssuerKeyPair();
    const holder = await createHolderKeyPair();
    const attestation = await issueAgeAttestation(issuer, {
      subject: "@noor:localhost",
      holderKey: holder.publicKey,
      band: "13-15",
      now: NOW,
    });
    expect(attestation).toMatchObject({
      version: 1,
      issuerKeyId: issuer.keyId,
      subject: "@noor:localhost",
      holderKey: holder.publicKey,
      band: "13-15",
      issuedAt: NOW / 1000,
      expiresAt: NOW / 1000 + 90 * DAY_SECONDS,
    });
    expect(attestation.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Object.keys(attestation)).toHaveLength(9);
    const again = await issueAgeAttestation(issuer, {
      subject: "@noor:localhost",
      holderKey: holder.publicKey,
      band: "13-15",
      now: NOW,
      validForDays: 7,
    });
    expect(again.id).not.toBe(attestation.id);
    expect(again.expiresAt - again.issuedAt).toBe(7 * DAY_SECONDS);
  });

  it("refuses what no verifier would accept", async () => {
    const issuer = await createIssuerKeyPair();
    const holder = await createHolderKeyPair();
    const base = {
      subject: "@noor:localhost",
      holderKey: holder.publicKey,
      band: "13-15" as const,
      now: NOW,
    };
    for (const validForDays of [0, MAX_VALIDITY_DAYS + 1, 1.5, Number.NaN]) {
      await expect(issueAgeAttestation(issuer, { ...base, validForDays })).rejects.toThrow();
    }
    await expect(issueAgeAttestation(issuer, { ...base, subject: "noor" })).rejects.toThrow();
    await expect(issueAgeAttestation(issuer, { ...base, holderKey: "short" })).rejects.toThrow();
    await expect(issueAgeAttestation(issuer, { ...base, now: Number.NaN })).rejects.toThrow();
    await expect(
      // A caller outside TypeScript could pass anything.
      issueAgeAttestation(issuer, { ...base, band: "unverified" as unknown as "18+" }),
    ).rejects.toThrow();
  });

  it("refuses a key pair whose halves do not belong together, or another key id", async () => {
    const issuer = await createIssuerKeyPair();
    const other = await createIssuerKeyPair();
    const holder = await createHolderKeyPair();
    const request = {
      subject: "@noor:localhost",
      holderKey: holder.publicKey,
      band: "18+" as const,
    };
    await expect(
      issueAgeAttestation({ ...issuer, secretKey: other.secretKey }, { ...request, now: NOW }),
    ).rejects.toThrow(/does not belong/);
    await expect(
      signAttestation(issuer, {
        ...request,
        version: 1,
        issuerKeyId: other.keyId,
        issuedAt: 1,
        expiresAt: 2,
        id: "AAAAAAAAAAAAAAAAAAAAAA",
      }),
    ).rejects.toThrow(/different issuer key/);
  });
});

describe("issuer key pairs", () => {
  it("derive the key id from the public key and check stored pairs", async () => {
    const issuer = await createIssuerKeyPair();
    expect(issuer.keyId).toBe(await issuerKeyIdFor(issuer.publicKey));
    expect(issuer.keyId).toMatch(/^ed25519:[A-Za-z0-9_-]{22}$/);
    await expect(checkIssuerKeyPair(JSON.parse(JSON.stringify(issuer)))).resolves.toEqual(issuer);
    const other = await createIssuerKeyPair();
    await expect(checkIssuerKeyPair({ ...issuer, publicKey: other.publicKey })).rejects.toThrow();
    await expect(checkIssuerKeyPair({ ...issuer, keyId: "" })).rejects.toThrow();
    await expect(checkIssuerKeyPair(null)).rejects.toThrow();
  });
});

describe("presenting", () => {
  it("needs the holder key the attestation is bound to, and a valid audience", async () => {
    const issuer = await createIssuerKeyPair();
    const holder = await createHolderKeyPair();
    const attestation = await issueAgeAttestation(issuer, {
      subject: "@alex:localhost",
      holderKey: holder.publicKey,
      band: "18+",
      now: NOW,
    });
    const context = { audienceUserId: "@noor:localhost", now: NOW };
    await expect(
      createPresentation(await createHolderKeyPair(), attestation, context),
    ).rejects.toThrow(/different holder key/);
    await expect(
      createPresentation(holder, attestation, { ...context, audienceUserId: "noor" }),
    ).rejects.toThrow();
    await expect(
      createPresentation(holder, attestation, { ...context, roomId: "not a room" }),
    ).rejects.toThrow();
    const one = await createPresentation(holder, attestation, context);
    const two = await createPresentation(holder, attestation, context);
    expect(one.nonce).not.toBe(two.nonce);
    expect(one).not.toHaveProperty("roomId");
  });
});
