// The test vectors of docs/protocol.md, checked two ways: each vector read
// back from protocol/test-vectors/ gives its recorded result through the
// public API (valid ones verify, invalid ones fail with their recorded
// reason), and building them again from the recorded seeds gives identical
// files (the same signing inputs and signatures; the same envelopes, whose
// recorded sealed boxes still open to them).

import { readFileSync } from "node:fs";
import sodium from "libsodium-wrappers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  openHandoffFile,
  parseHandoffPackage,
  createReportBundle,
  fromBase64Url,
  fromBase64UrlOfAnyLength,
  issuerKeyIdFor,
  lengthPrefixed,
  openSealedReport,
  parseReportBundle,
  parseReportPart,
  presentationSigningInput,
  readReportReasons,
  readySodium,
  reportSigningInput,
  splitIntoParts,
  toBase64Url,
  verifyAttestation,
  verifyPresentation,
  attestationSigningInput,
  type AgeAttestation,
  type AgePresentation,
  type AttestationExpectation,
  type ModerationKeyPair,
  type ReportBundleInput,
} from "../src/index.ts";
import { openReportOutcome, parseReplyChannel, parseReportOutcome } from "../src/report/outcome.ts";
import {
  VECTOR_FILES,
  buildVectors,
  type HandoffFile,
  type OutcomeFile,
  outcomeReplyKey,
  fromHex,
  hex,
  lengthPrefixedItem,
  presentationExpectation,
  type LengthPrefixedItem,
  type PresentationExpectationJson,
} from "./vectors.ts";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../test-vectors/${name}`, import.meta.url), "utf8"));

type KeyJson = { seed: string; publicKey: string; keyId?: string };
type AgeFile<V> = {
  keys: Record<"issuer" | "untrustedIssuer" | "holder" | "otherHolder", KeyJson>;
  valid: (V & { name: string; signingInput: string; result: unknown })[];
  invalid: (V & { name: string; reason: string })[];
};
type AttestationVector = { attestation: unknown; expected: AttestationExpectation };
type PresentationVector = { presentation: unknown; expected: PresentationExpectationJson };
type SealedJson = {
  name: string;
  sealedTo: "team" | "otherTeam";
  openedWith: "team" | "otherTeam";
  bundleJson?: string;
  signingInput?: string;
  signature?: string;
  envelope?: string;
  sealed: string;
  opened: unknown;
};
type SealFile = {
  keys: {
    team: { secretKey: string; publicKey: string };
    otherTeam: { secretKey: string; publicKey: string };
    reporter: { seed: string; publicKey: string };
  };
  valid: SealedJson[];
  invalid: SealedJson[];
};

const rejected = (reason: string) => ({ verified: false, band: "unverified", reason });

beforeAll(async () => {
  await sodium.ready;
});

describe("codec vectors", () => {
  const file = read("codec.json") as {
    base64url: { text: string; byteLength: number | null; bytes: string | null }[];
    lengthPrefixed: { items: LengthPrefixedItem[]; bytes: string }[];
  };

  it.each(file.base64url)("decodes $text as $byteLength bytes to $bytes", async (vector) => {
    const s = await readySodium();
    const bytes =
      vector.byteLength === null
        ? fromBase64UrlOfAnyLength(s, vector.text)
        : fromBase64Url(s, vector.text, vector.byteLength);
    expect(bytes === undefined ? null : hex(bytes)).toBe(vector.bytes);
  });

  it("length-prefixes items as recorded", () => {
    for (const vector of file.lengthPrefixed) {
      expect(hex(lengthPrefixed(vector.items.map(lengthPrefixedItem)))).toBe(vector.bytes);
    }
  });
});

/** The recorded public keys and key ids are what the seeds give. */
async function checkKeys(keys: Record<string, KeyJson>): Promise<void> {
  for (const key of Object.values(keys)) {
    const pair = sodium.crypto_sign_seed_keypair(fromHex(key.seed));
    expect(toBase64Url(sodium, pair.publicKey)).toBe(key.publicKey);
    if (key.keyId !== undefined) expect(await issuerKeyIdFor(key.publicKey)).toBe(key.keyId);
  }
}

describe("age attestation vectors", () => {
  const file = read("age-attestation.json") as AgeFile<AttestationVector>;

  it("derive their keys from the recorded seeds", async () => {
    await checkKeys(file.keys);
  });

  it.each(file.valid)("verify: $name", async (vector) => {
    const attestation = vector.attestation as AgeAttestation;
    expect(hex(attestationSigningInput(attestation))).toBe(vector.signingInput);
    expect(await verifyAttestation(attestation, vector.expected)).toEqual(vector.result);
  });

  it.each(file.invalid)("are refused ($reason): $name", async (vector) => {
    expect(await verifyAttestation(vector.attestation, vector.expected)).toEqual(
      rejected(vector.reason),
    );
  });

  it("cover every reason verifyAttestation can give from data", () => {
    expect(new Set(file.invalid.map((vector) => vector.reason))).toEqual(
      new Set([
        "malformed",
        "unsupported-version",
        "validity-too-long",
        "unknown-issuer",
        "forged-signature",
        "wrong-subject",
        "wrong-holder-key",
        "not-yet-valid",
        "expired",
        "verifier-misconfigured",
      ]),
    );
  });
});

describe("age presentation vectors", () => {
  const file = read("age-presentation.json") as AgeFile<PresentationVector>;

  it("derive their keys from the recorded seeds", async () => {
    await checkKeys(file.keys);
  });

  it.each(file.valid)("verify: $name", async (vector) => {
    const presentation = (
      typeof vector.presentation === "string"
        ? JSON.parse(vector.presentation)
        : vector.presentation
    ) as AgePresentation;
    expect(hex(presentationSigningInput(presentation))).toBe(vector.signingInput);
    expect(
      await verifyPresentation(vector.presentation, presentationExpectation(vector.expected)),
    ).toEqual(vector.result);
  });

  it.each(file.invalid)("are refused ($reason): $name", async (vector) => {
    expect(
      await verifyPresentation(vector.presentation, presentationExpectation(vector.expected)),
    ).toEqual(rejected(vector.reason));
  });

  it("cover every reason verifyPresentation can give from data", () => {
    expect(new Set(file.invalid.map((vector) => vector.reason))).toEqual(
      new Set([
        "malformed",
        "unsupported-version",
        "validity-too-long",
        "unknown-issuer",
        "forged-signature",
        "forged-presentation",
        "wrong-subject",
        "wrong-audience",
        "not-yet-valid",
        "expired",
        "future-presentation",
        "stale-presentation",
        "replayed",
        "replay-cache-full",
        "verifier-misconfigured",
      ]),
    );
  });
});

describe("report bundle vectors", () => {
  const file = read("report-bundle.json") as {
    valid: {
      name: string;
      input: ReportBundleInput;
      environment: { now: number; randomBytes: string };
      bundle: unknown;
    }[];
    invalid: { name: string; bundle: unknown; problems: string[] }[];
  };

  it.each(file.valid)("are made and accepted: $name", (vector) => {
    const created = createReportBundle(vector.input, {
      now: () => vector.environment.now,
      randomBytes: (length) => fromHex(vector.environment.randomBytes).slice(0, length),
    });
    expect(created).toEqual({ ok: true, bundle: vector.bundle });
    expect(parseReportBundle(vector.bundle)).toEqual({ ok: true, bundle: vector.bundle });
  });

  it.each(file.invalid)("are refused: $name", (vector) => {
    expect(parseReportBundle(vector.bundle)).toEqual({ ok: false, problems: vector.problems });
  });
});

describe("sealed report vectors", () => {
  const file = read("report-seal.json") as SealFile;
  const keyPair = (name: "team" | "otherTeam"): ModerationKeyPair => {
    const secretKey = fromHex(file.keys[name].secretKey);
    return { publicKey: sodium.crypto_scalarmult_base(secretKey), secretKey };
  };
  const bytesOf = (text: string): Uint8Array => {
    const bytes = fromBase64UrlOfAnyLength(sodium, text);
    if (bytes === undefined) throw new Error("not base64url");
    return bytes;
  };

  it("derive their keys from the recorded secrets and seed", () => {
    for (const name of ["team", "otherTeam"] as const) {
      expect(toBase64Url(sodium, keyPair(name).publicKey)).toBe(file.keys[name].publicKey);
    }
    const reporter = sodium.crypto_sign_seed_keypair(fromHex(file.keys.reporter.seed));
    expect(toBase64Url(sodium, reporter.publicKey)).toBe(file.keys.reporter.publicKey);
  });

  it.each([...file.valid, ...file.invalid])("open as recorded: $name", async (vector) => {
    const sealed = bytesOf(vector.sealed);
    if (vector.envelope !== undefined) {
      const recipient = keyPair(vector.sealedTo);
      const envelope = sodium.crypto_box_seal_open(
        sealed,
        recipient.publicKey,
        recipient.secretKey,
      );
      expect(hex(envelope)).toBe(vector.envelope);
    }
    expect(await openSealedReport(sealed, keyPair(vector.openedWith))).toEqual(vector.opened);
  });

  it.each(file.valid)("lay out the envelope exactly: $name", (vector) => {
    const envelope = fromHex(vector.envelope ?? "");
    const bundleBytes = new TextEncoder().encode(vector.bundleJson);
    if (vector.signature === undefined) {
      expect(hex(envelope)).toBe(hex(Uint8Array.of(1, 0)) + hex(bundleBytes));
      return;
    }
    const signer = fromBase64Url(sodium, file.keys.reporter.publicKey, 32);
    const signature = fromBase64Url(sodium, vector.signature, 64);
    if (signer === undefined || signature === undefined) throw new Error("keys");
    const signed = reportSigningInput(keyPair("team").publicKey, bundleBytes);
    expect(hex(signed)).toBe(vector.signingInput);
    expect(sodium.crypto_sign_verify_detached(signature, signed, signer)).toBe(true);
    expect(hex(envelope)).toBe(
      hex(Uint8Array.of(1, 1)) + hex(signer) + hex(signature) + hex(bundleBytes),
    );
  });
});

describe("report part vectors", () => {
  const file = read("report-parts.json") as {
    split: { reportId: string; payload: string; limit: number; parts: string[] }[];
    parse: { reason: unknown; part: unknown }[];
    read: { reasons: unknown[]; inbox: unknown };
  };
  const seal = read("report-seal.json") as SealFile;

  it("cut sealed reports into the recorded reasons", () => {
    for (const vector of file.split) {
      expect(splitIntoParts(vector.reportId, vector.payload, vector.limit)).toEqual(vector.parts);
      expect(vector.parts.every((part) => part.length <= vector.limit)).toBe(true);
    }
  });

  it("parse single reasons as recorded", () => {
    for (const vector of file.parse) {
      expect(parseReportPart(vector.reason) ?? null).toEqual(vector.part);
    }
  });

  it("read back to the recorded inbox", async () => {
    const secretKey = fromHex(seal.keys.team.secretKey);
    const team = { publicKey: sodium.crypto_scalarmult_base(secretKey), secretKey };
    expect(await readReportReasons(file.read.reasons, team)).toEqual(file.read.inbox);
  });
});

describe("handoff vectors", () => {
  const file = read("handoff.json") as HandoffFile;
  const body = async () => {
    const s = await readySodium();
    const secretKey = fromBase64Url(s, file.keys.body.secretKey, 32);
    if (secretKey === undefined) throw new Error("vector key");
    return { publicKey: sodium.crypto_scalarmult_base(secretKey), secretKey };
  };

  it("open with the body's key to exactly the recorded package, and no other key", async () => {
    for (const vector of file.valid) {
      expect(await openHandoffFile(vector.file, await body()), vector.name).toEqual({
        ok: true,
        package: vector.package,
      });
      expect(parseHandoffPackage(vector.package)).toEqual({ ok: true, package: vector.package });
    }
  });

  it("refuse every invalid package and file with the recorded problems", async () => {
    for (const vector of file.invalid) {
      expect(parseHandoffPackage(vector.package), vector.name).toEqual({
        ok: false,
        problems: vector.problems,
      });
    }
    for (const vector of file.invalidFiles) {
      expect(await openHandoffFile(vector.file, await body()), vector.name).toEqual({
        ok: false,
        problems: vector.problems,
      });
    }
  });
});

describe("report-outcome.json (the outcome back to the reporter)", () => {
  it("opens each sealed outcome with the reply key, and refuses each invalid one", async () => {
    const file = read("report-outcome.json") as OutcomeFile;
    const reply = outcomeReplyKey(await readySodium());
    expect(file.replyKey.publicKey).toBe(reply.channel.publicKey);
    for (const vector of file.valid) {
      expect(parseReportOutcome(vector.outcome), vector.name).toEqual(vector.outcome);
      expect(
        await openReportOutcome(vector.sealed, reply, vector.outcome.reportId),
        vector.name,
      ).toEqual(vector.outcome);
    }
    for (const vector of file.invalid) {
      expect(parseReportOutcome(vector.outcome), vector.name).toBeUndefined();
    }
    for (const vector of file.invalidReplyChannels) {
      expect(parseReplyChannel(vector.replyTo), vector.name).toBeUndefined();
    }
  });
});

describe("regenerating the vectors", () => {
  it("gives the committed files (run `npm run vectors -w protocol` after a format change)", async () => {
    const committed = Object.fromEntries(VECTOR_FILES.map((name) => [name, read(name)] as const));
    expect(await buildVectors(committed)).toEqual(committed);
  });
});
