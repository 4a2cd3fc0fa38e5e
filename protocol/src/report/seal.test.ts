// Real libsodium throughout: the tests prove the cryptography, so nothing of it is mocked.
import sodium from "libsodium-wrappers";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../handoff/package.ts";
import { createReportBundle, type ReportBundle } from "./bundle.ts";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  keyToText,
  moderationKeyPairFromSecretText,
  moderationKeyPairFromText,
  moderationPublicKeyFromText,
  MAX_MODERATION_KEYS,
  moderationPublicKeysFromText,
  openSealedReport,
  openTeamBox,
  REPORT_SIGNATURE_CONTEXT,
  sealReportBundle,
  sealToTeam,
  type ModerationKeyPair,
  type ReporterSigningKeyPair,
} from "./seal.ts";
import { fixedEnvironment, messageReport, NOOR } from "./testKit.ts";

function bundleOf(input = messageReport()): ReportBundle {
  const result = createReportBundle(input, fixedEnvironment());
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.bundle;
}

async function sealed(
  bundle: ReportBundle,
  team: ModerationKeyPair,
  signer: ReporterSigningKeyPair | undefined,
): Promise<Uint8Array> {
  const result = await sealReportBundle(bundle, team.publicKey, signer);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.sealed;
}

/** The format 2 envelope inside a team box, and the bytes after its recipient list. */
async function envelopeOf(
  box: Uint8Array,
  team: ModerationKeyPair,
): Promise<{ envelope: Uint8Array; body: Uint8Array }> {
  const opened = await openTeamBox(box, [team]);
  if (opened === undefined) throw new Error("the team box does not open");
  const envelope = opened.plaintext;
  return { envelope, body: envelope.subarray(3 + (envelope[2] ?? 0) * 32) };
}

// Builds an envelope by hand (what a forger could put in a box), to reach the
// "invalid" signature paths that our own sealer never produces.
function forgedEnvelope(bundleJson: string, signerPublicKey: Uint8Array, signature: Uint8Array) {
  const bytes = new TextEncoder().encode(bundleJson);
  const out = new Uint8Array(2 + 32 + 64 + bytes.length);
  out.set([1, 1]);
  out.set(signerPublicKey, 2);
  out.set(signature, 34);
  out.set(bytes, 98);
  return out;
}

describe("sealing a report to the moderation team", () => {
  let team: ModerationKeyPair;
  let otherTeam: ModerationKeyPair;
  let noor: ReporterSigningKeyPair;

  beforeAll(async () => {
    await sodium.ready;
    team = await generateModerationKeyPair();
    otherTeam = await generateModerationKeyPair();
    noor = await generateReporterSigningKeyPair();
  });

  it("opens with the team's key to exactly the bundle, with a valid signature", async () => {
    const bundle = bundleOf();
    const opened = await openSealedReport(await sealed(bundle, team, noor), team);
    expect(opened).toEqual({
      ok: true,
      bundle,
      signature: "valid",
      signerPublicKey: await keyToText(noor.publicKey),
      bundleSha256: await sha256Hex(new TextEncoder().encode(JSON.stringify(bundle))),
    });
  });

  it("is different ciphertext every time (fresh ephemeral key)", async () => {
    const bundle = bundleOf();
    const a = await sealed(bundle, team, noor);
    const b = await sealed(bundle, team, noor);
    expect(sodium.memcmp(a, b)).toBe(false);
  });

  it("does not contain the plaintext", async () => {
    const box = await sealed(bundleOf(), team, noor);
    const asText = new TextDecoder("latin1").decode(box);
    expect(asText).not.toContain("photos");
    expect(asText).not.toContain(NOOR);
  });

  it("cannot be opened with another key", async () => {
    const opened = await openSealedReport(await sealed(bundleOf(), team, noor), otherTeam);
    expect(opened.ok).toBe(false);
    expect(opened.ok ? [] : opened.problems).toEqual([
      "the sealed report does not open with this key (wrong key, or altered)",
    ]);
  });

  it("rejects a sealed box with any byte changed", async () => {
    const box = await sealed(bundleOf(), team, noor);
    for (const index of [0, 31, 32, 47, 48, box.length - 1]) {
      const tampered = box.slice();
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      const opened = await openSealedReport(tampered, team);
      expect(opened.ok, `byte ${index}`).toBe(false);
    }
  });

  it("rejects bytes that are not a sealed report, without throwing", async () => {
    for (const junk of [new Uint8Array(0), new Uint8Array(49), sodium.randombytes_buf(500)]) {
      expect((await openSealedReport(junk, team)).ok).toBe(false);
    }
    // Not even bytes: what a careless caller might pass.
    expect((await openSealedReport("report" as unknown as Uint8Array, team)).ok).toBe(false);
  });

  it("carries no identity, no signature and no signer key when the reporter is withheld", async () => {
    const bundle = bundleOf(
      messageReport({
        category: "sexual-content-to-minor",
        reporter: { userId: NOOR, includeIdentity: false },
        subject: { kind: "profile", userId: "@alex:localhost" },
      }),
    );
    // Even if the caller hands over the key, an anonymous report is not signed with it.
    const box = await sealed(bundle, team, noor);
    const { envelope } = await envelopeOf(box, team);
    expect(envelope[0]).toBe(2);
    expect(envelope[1]).toBe(0);
    const inside = new TextDecoder().decode(envelope);
    expect(inside).not.toContain(NOOR);
    expect(inside).not.toContain(await keyToText(noor.publicKey));
    // Version, flags, one recipient key, the bundle: nothing else.
    expect(envelope.length).toBe(3 + 32 + new TextEncoder().encode(JSON.stringify(bundle)).length);

    const opened = await openSealedReport(box, team);
    expect(opened).toEqual({
      ok: true,
      bundle,
      signature: "absent",
      signerPublicKey: null,
      bundleSha256: await sha256Hex(new TextEncoder().encode(JSON.stringify(bundle))),
    });
  });

  it("leaves the sender out of a withheld reporter's own messages in the evidence", async () => {
    const bundle = bundleOf(messageReport({ reporter: { userId: NOOR, includeIdentity: false } }));
    const opened = await openSealedReport(await sealed(bundle, team, undefined), team);
    expect(opened.ok && opened.bundle.evidence.kind === "messages").toBe(true);
    const inside = JSON.stringify(opened.ok ? opened.bundle : null);
    expect(inside).not.toContain(NOOR);
    expect(inside).toContain('"sender":null');
  });

  it("refuses to seal a named report without the reporter's key, or with a mismatched one", async () => {
    const bundle = bundleOf();
    expect(await sealReportBundle(bundle, team.publicKey, undefined)).toEqual({
      ok: false,
      problems: ["a report that names its reporter must be signed"],
    });
    const other = await generateReporterSigningKeyPair();
    expect(
      await sealReportBundle(bundle, team.publicKey, {
        publicKey: other.publicKey,
        secretKey: noor.secretKey,
      }),
    ).toEqual({
      ok: false,
      problems: ["the reporter's signing key pair does not belong together"],
    });
    expect((await sealReportBundle(bundle, new Uint8Array(31), noor)).ok).toBe(false);
  });

  it("marks a signature by another key as invalid", async () => {
    const bundle = bundleOf();
    const json = JSON.stringify(bundle);
    const mallory = await generateReporterSigningKeyPair();
    const signature = sodium.crypto_sign_detached(
      new TextEncoder().encode(json),
      mallory.secretKey,
    );
    const box = sodium.crypto_box_seal(
      forgedEnvelope(json, noor.publicKey, signature),
      team.publicKey,
    );
    const opened = await openSealedReport(box, team);
    expect(opened.ok && opened.signature).toBe("invalid");
  });

  it("marks a bundle changed after signing as invalid", async () => {
    // Open our own box, change the bundle, keep the signature, seal again:
    // what a party between reporter and moderator could do with the team's public key.
    const bundle = bundleOf();
    const { body } = await envelopeOf(await sealed(bundle, team, noor), team);
    const changed = JSON.stringify({ ...bundle, category: "scam-or-spam" });
    // Re-sealed in the one-key format (1): the signature was over format 2's input anyway.
    const box = sodium.crypto_box_seal(
      forgedEnvelope(changed, body.slice(0, 32), body.slice(32, 96)),
      team.publicKey,
    );
    const opened = await openSealedReport(box, team);
    expect(opened.ok && opened.bundle.category).toBe("scam-or-spam");
    expect(opened.ok && opened.signature).toBe("invalid");
  });

  it("marks a report re-sealed to another team as invalid (the signature names the team)", async () => {
    const { envelope } = await envelopeOf(await sealed(bundleOf(), team, noor), team);
    // The envelope as it is, in a team box for another team: it does not list their key.
    expect(
      await openSealedReport(await sealToTeam(envelope, [otherTeam.publicKey]), otherTeam),
    ).toEqual({ ok: false, problems: ["the envelope does not list the key that opened it"] });
    // With their key written into the list, the signature (over the list) fails.
    const relisted = envelope.slice();
    relisted.set(otherTeam.publicKey, 3);
    const opened = await openSealedReport(
      await sealToTeam(relisted, [otherTeam.publicKey]),
      otherTeam,
    );
    expect(opened.ok && opened.signature).toBe("invalid");
  });

  it("uses a domain-separated signing input", () => {
    expect(REPORT_SIGNATURE_CONTEXT).toBe("safety-by-design/report-bundle");
  });

  it("rejects a box whose contents are not a valid bundle, listing the problems", async () => {
    const box = sodium.crypto_box_seal(
      new Uint8Array([1, 0, ...new TextEncoder().encode('{"version":2}')]),
      team.publicKey,
    );
    const opened = await openSealedReport(box, team);
    expect(opened.ok).toBe(false);
    expect(opened.ok ? [] : opened.problems).toContain("reportId: must be a string");
    const notJson = sodium.crypto_box_seal(new Uint8Array([1, 0, 0xff, 0xfe]), team.publicKey);
    expect(await openSealedReport(notJson, team)).toEqual({
      ok: false,
      problems: ["the bundle is not UTF-8 JSON"],
    });
  });
});

describe("sealing a report to a team of several keys", () => {
  let keys: ModerationKeyPair[];
  let noor: ReporterSigningKeyPair;

  beforeAll(async () => {
    await sodium.ready;
    keys = await Promise.all([1, 2, 3].map(() => generateModerationKeyPair()));
    noor = await generateReporterSigningKeyPair();
  });

  const bundle = bundleOf();
  async function sealedTo(count: number, signer = noor): Promise<Uint8Array> {
    const result = await sealReportBundle(
      bundle,
      keys.slice(0, count).map((k) => k.publicKey),
      signer,
    );
    if (!result.ok) throw new Error(result.problems.join("; "));
    return result.sealed;
  }

  it.each([2, 3])("opens with each one of %i current keys, signature valid", async (count) => {
    const box = await sealedTo(count);
    for (const key of keys.slice(0, count)) {
      const opened = await openSealedReport(box, key);
      expect(opened.ok && opened.signature).toBe("valid");
      expect(opened.ok && opened.bundle).toEqual(bundle);
    }
    // 80 bytes per key: the parts grow by a few hundred characters at most.
    expect((await sealedTo(count)).length - (await sealedTo(1)).length).toBe((count - 1) * 112);
  });

  it("does not open with a key removed from the configuration before sealing", async () => {
    const box = await sealedTo(2);
    const removed = keys[2];
    if (removed === undefined) throw new Error("three keys");
    expect(await openSealedReport(box, removed)).toEqual({
      ok: false,
      problems: ["the sealed report does not open with this key (wrong key, or altered)"],
    });
  });

  it("does not open with an unknown key, and opens when a device holds the right one among others", async () => {
    const stranger = await generateModerationKeyPair();
    const box = await sealedTo(3);
    expect((await openSealedReport(box, stranger)).ok).toBe(false);
    const [, second] = keys;
    if (second === undefined) throw new Error("three keys");
    expect((await openSealedReport(box, [stranger, second])).ok).toBe(true);
  });

  it("still opens a report sealed in the one-key format (1) before the team", async () => {
    const json = JSON.stringify(bundle);
    const [first] = keys;
    if (first === undefined) throw new Error("three keys");
    const legacy = sodium.crypto_box_seal(
      new Uint8Array([1, 0, ...new TextEncoder().encode(json)]),
      first.publicKey,
    );
    const opened = await openSealedReport(legacy, keys);
    expect(opened.ok && opened.bundle).toEqual(bundle);
    expect(opened.ok && opened.signature).toBe("absent");
  });

  it("fails to open a team box whose slot or body was altered", async () => {
    const box = await sealedTo(2);
    const [first, second] = keys;
    if (first === undefined || second === undefined) throw new Error("three keys");
    // Each key's own slot, then the shared body (which every key needs).
    for (const [index, key] of [
      [5, first],
      [5 + 80, second],
      [box.length - 1, first],
      [box.length - 1, second],
    ] as const) {
      const tampered = box.slice();
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect((await openSealedReport(tampered, key)).ok, `byte ${index}`).toBe(false);
    }
  });

  it("refuses no keys, too many keys, and a malformed key; counts a repeated key once", async () => {
    expect((await sealReportBundle(bundle, [], noor)).ok).toBe(false);
    const many = await Promise.all(
      Array.from({ length: MAX_MODERATION_KEYS + 1 }, () => generateModerationKeyPair()),
    );
    expect(
      (
        await sealReportBundle(
          bundle,
          many.map((k) => k.publicKey),
          noor,
        )
      ).ok,
    ).toBe(false);
    expect((await sealReportBundle(bundle, [new Uint8Array(31)], noor)).ok).toBe(false);
    const [first] = keys;
    if (first === undefined) throw new Error("three keys");
    const twice = await sealReportBundle(bundle, [first.publicKey, first.publicKey], noor);
    expect(twice.ok && twice.sealed[4]).toBe(1);
  });

  it("reads a list of keys from configuration text, all or nothing", async () => {
    const texts = await Promise.all(keys.map((k) => keyToText(k.publicKey)));
    expect(await moderationPublicKeysFromText(texts.join(","))).toEqual(
      keys.map((k) => k.publicKey),
    );
    expect(await moderationPublicKeysFromText(` ${texts[0]} ,\n${texts[1]} `)).toHaveLength(2);
    expect(await moderationPublicKeysFromText(`${texts[0]},not-a-key`)).toBeUndefined();
    expect(await moderationPublicKeysFromText(" , ")).toBeUndefined();
  });
});

describe("moderation keys as configuration text", () => {
  it("round-trips a key pair and refuses a pair that does not belong together", async () => {
    const team = await generateModerationKeyPair();
    const other = await generateModerationKeyPair();
    const text = {
      publicKey: await keyToText(team.publicKey),
      secretKey: await keyToText(team.secretKey),
    };
    expect(text.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await moderationKeyPairFromText(text)).toEqual(team);
    expect(await moderationPublicKeyFromText(` ${text.publicKey}\n`)).toEqual(team.publicKey);
    expect(
      await moderationKeyPairFromText({ ...text, publicKey: await keyToText(other.publicKey) }),
    ).toBeUndefined();
    expect(await moderationPublicKeyFromText("not a key")).toBeUndefined();
    expect(await moderationPublicKeyFromText(text.publicKey.slice(1))).toBeUndefined();
  });

  it("derives the whole pair from the secret key alone", async () => {
    const team = await generateModerationKeyPair();
    const secretText = await keyToText(team.secretKey);
    expect(await moderationKeyPairFromSecretText(`\n${secretText} `)).toEqual(team);
    expect(await moderationKeyPairFromSecretText(await keyToText(team.publicKey))).not.toEqual(
      team,
    );
    expect(await moderationKeyPairFromSecretText(secretText.slice(1))).toBeUndefined();
    expect(await moderationKeyPairFromSecretText(`${secretText}==`)).toBeUndefined();
  });
});
