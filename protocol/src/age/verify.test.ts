// Protocol, age format: every reason a verifier refuses for, in order, and a corpus of garbage.
import { describe, expect, it } from "vitest";
import { fromBase64Url, readySodium, toBase64Url } from "../codec.ts";
import { issueAgeAttestation } from "./attestation.ts";
import { attestationSigningInput, presentationSigningInput } from "./canonical.ts";
import type {
  AgeAttestation,
  AgePresentation,
  UnsignedAgeAttestation,
  UnsignedAgePresentation,
} from "./format.ts";
import {
  createHolderKeyPair,
  createIssuerKeyPair,
  type HolderKeyPair,
  type IssuerKeyPair,
} from "./keys.ts";
import { createPresentation } from "./presentation.ts";
import { createMemoryReplayCache, type ReplayCache } from "./replayCache.ts";
import {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  DEFAULT_MAX_PRESENTATION_AGE_MS,
  verifyAttestation,
  verifyPresentation,
  type PresentationExpectation,
} from "./verify.ts";

// The protective direction: Noor's (14) client checks who Alex (35) says he is.
const NOOR = "@noor:localhost";
const ALEX = "@alex:localhost";
const MARK = "@mark:localhost";
const LOTTE = "@lotte:localhost";
const ROOM = "!request:localhost";
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

type World = {
  issuer: IssuerKeyPair;
  holder: HolderKeyPair;
  attestation: AgeAttestation;
  presentation: AgePresentation;
  expected: PresentationExpectation;
};

async function world(): Promise<World> {
  const issuer = await createIssuerKeyPair();
  const holder = await createHolderKeyPair();
  const attestation = await issueAgeAttestation(issuer, {
    subject: ALEX,
    holderKey: holder.publicKey,
    band: "18+",
    now: NOW - 10 * DAY,
  });
  const presentation = await createPresentation(holder, attestation, {
    audienceUserId: NOOR,
    roomId: ROOM,
    now: NOW - HOUR,
  });
  const expected: PresentationExpectation = {
    audienceUserId: NOOR,
    subjectUserId: ALEX,
    roomId: ROOM,
    now: NOW,
    trustedIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
    replayCache: createMemoryReplayCache(),
  };
  return { issuer, holder, attestation, presentation, expected };
}

/** Signs whatever it is given, bypassing the issuer's own checks: how an attacker or a buggy issuer would. */
async function signAsIssuer(
  issuer: IssuerKeyPair,
  unsigned: UnsignedAgeAttestation,
): Promise<AgeAttestation> {
  const s = await readySodium();
  const secret = fromBase64Url(s, issuer.secretKey, 64);
  if (secret === undefined) throw new Error("test key");
  const signature = s.crypto_sign_detached(attestationSigningInput(unsigned), secret);
  return { ...unsigned, signature: toBase64Url(s, signature) };
}

async function signAsHolder(
  holder: HolderKeyPair,
  unsigned: UnsignedAgePresentation,
): Promise<AgePresentation> {
  const s = await readySodium();
  const secret = fromBase64Url(s, holder.secretKey, 64);
  if (secret === undefined) throw new Error("test key");
  const signature = s.crypto_sign_detached(presentationSigningInput(unsigned), secret);
  return { ...unsigned, signature: toBase64Url(s, signature) };
}

const unverified = (reason: string): unknown => ({ verified: false, band: "unverified", reason });

/** A copy of `value` without `key` (what a sender who leaves a field out produces). */
function without<T extends object, K extends keyof T & string>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>;
}

describe("verifyPresentation accepts", () => {
  it("a fresh presentation from the attested user, for this verifier and room", async () => {
    const { attestation, presentation, expected } = await world();
    expect(await verifyPresentation(presentation, expected)).toEqual({
      verified: true,
      band: "18+",
      reason: "ok",
      issuerKeyId: attestation.issuerKeyId,
      attestationId: attestation.id,
      validUntil: attestation.expiresAt * 1000,
    });
  });

  it("the same presentation as JSON text, or after a JSON round trip (event content)", async () => {
    const { presentation, expected } = await world();
    const text = JSON.stringify(presentation);
    expect(await verifyPresentation(text, expected)).toMatchObject({ reason: "ok" });
    const again = { ...expected, replayCache: createMemoryReplayCache() };
    expect(await verifyPresentation(JSON.parse(text), again)).toMatchObject({ reason: "ok" });
  });

  it("a to-device presentation (no room) received outside a room", async () => {
    const { holder, attestation, expected } = await world();
    const presentation = await createPresentation(holder, attestation, {
      audienceUserId: NOOR,
      now: NOW,
    });
    const toDevice = without(expected, "roomId");
    expect(await verifyPresentation(presentation, toDevice)).toMatchObject({ band: "18+" });
  });

  it("every band an issuer can attest", async () => {
    const { issuer, holder, expected } = await world();
    for (const band of ["8-12", "13-15", "16-17", "18+"] as const) {
      const attestation = await issueAgeAttestation(issuer, {
        subject: ALEX,
        holderKey: holder.publicKey,
        band,
        now: NOW,
      });
      const presentation = await createPresentation(holder, attestation, {
        audienceUserId: NOOR,
        roomId: ROOM,
        now: NOW,
      });
      expect(await verifyPresentation(presentation, expected)).toMatchObject({
        verified: true,
        band,
      });
    }
  });
});

describe("verifyPresentation rejects, as unverified", () => {
  it("forged-signature: an attestation altered after signing", async () => {
    const { holder, attestation, expected } = await world();
    // The holder upgrades his own band and re-signs the presentation: the issuer's signature breaks.
    const altered = await signAsHolder(holder, {
      version: 1,
      attestation: { ...attestation, band: "13-15" },
      audience: NOOR,
      roomId: ROOM,
      nonce: "AAAAAAAAAAAAAAAAAAAAAA",
      presentedAt: NOW / 1000,
    });
    expect(await verifyPresentation(altered, expected)).toEqual(unverified("forged-signature"));
  });

  it("forged-signature: an attestation signed by another key under a trusted key id", async () => {
    const { issuer, holder, expected } = await world();
    const impostor = { ...(await createIssuerKeyPair()), keyId: issuer.keyId };
    const attestation = await signAsIssuer(impostor, {
      version: 1,
      issuerKeyId: issuer.keyId,
      subject: ALEX,
      holderKey: holder.publicKey,
      band: "13-15",
      issuedAt: NOW / 1000 - 60,
      expiresAt: NOW / 1000 + 3600,
      id: "AAAAAAAAAAAAAAAAAAAAAA",
    });
    const presentation = await createPresentation(holder, attestation, {
      audienceUserId: NOOR,
      roomId: ROOM,
      now: NOW,
    });
    expect(await verifyPresentation(presentation, expected)).toEqual(
      unverified("forged-signature"),
    );
  });

  it("forged-signature: every signed attestation field is covered", async () => {
    const { holder, attestation, expected } = await world();
    const changes: Partial<AgeAttestation>[] = [
      { subject: "@alex2:localhost" },
      { holderKey: (await createHolderKeyPair()).publicKey },
      { band: "16-17" },
      { issuedAt: attestation.issuedAt + 1 },
      { expiresAt: attestation.expiresAt - 1 },
      { id: "BBBBBBBBBBBBBBBBBBBBBA" },
    ];
    for (const change of changes) {
      const tampered = { ...attestation, ...change };
      // Presented by a holder with the right key, so only the issuer's signature can catch it.
      const presentation = await signAsHolder(holder, {
        version: 1,
        attestation: tampered,
        audience: NOOR,
        roomId: ROOM,
        nonce: "AAAAAAAAAAAAAAAAAAAAAA",
        presentedAt: NOW / 1000,
      });
      const result = await verifyPresentation(presentation, {
        ...expected,
        subjectUserId: tampered.subject,
      });
      expect(result, JSON.stringify(change)).toEqual(unverified("forged-signature"));
    }
  });

  it("forged-presentation: someone who copied the attestation but lacks the holder key", async () => {
    const { attestation, expected } = await world();
    const thief = await createHolderKeyPair();
    const stolen = await signAsHolder(thief, {
      version: 1,
      attestation,
      audience: NOOR,
      roomId: ROOM,
      nonce: "AAAAAAAAAAAAAAAAAAAAAA",
      presentedAt: NOW / 1000,
    });
    expect(await verifyPresentation(stolen, expected)).toEqual(unverified("forged-presentation"));
  });

  it("forged-presentation: every signed presentation field is covered", async () => {
    const { presentation, expected } = await world();
    const changes: Partial<AgePresentation>[] = [
      { audience: LOTTE },
      { roomId: "!other:localhost" },
      { nonce: "BBBBBBBBBBBBBBBBBBBBBA" },
      { presentedAt: presentation.presentedAt + 1 },
    ];
    for (const change of changes) {
      const result = await verifyPresentation(
        { ...presentation, ...change },
        { ...expected, replayCache: createMemoryReplayCache() },
      );
      expect(result, JSON.stringify(change)).toEqual(unverified("forged-presentation"));
    }
    const withoutRoom = without(presentation, "roomId");
    const toDevice = without(expected, "roomId");
    expect(await verifyPresentation(withoutRoom, toDevice)).toEqual(
      unverified("forged-presentation"),
    );
  });

  it("unknown-issuer: a key id the deployment does not trust", async () => {
    const { presentation, expected, issuer } = await world();
    const other = await createIssuerKeyPair();
    for (const trustedIssuers of [
      [],
      [{ keyId: other.keyId, publicKey: other.publicKey }],
      // A broken configuration entry trusts nobody.
      [{ keyId: issuer.keyId, publicKey: "not a key" }],
      // Two different keys under one id: ambiguous, so neither is trusted.
      [
        { keyId: issuer.keyId, publicKey: issuer.publicKey },
        { keyId: issuer.keyId, publicKey: other.publicKey },
      ],
    ]) {
      expect(await verifyPresentation(presentation, { ...expected, trustedIssuers })).toEqual(
        unverified("unknown-issuer"),
      );
    }
  });

  it("expired: the attestation's expiry has passed (the expiry instant included)", async () => {
    const { attestation, presentation, expected } = await world();
    for (const now of [attestation.expiresAt * 1000, attestation.expiresAt * 1000 + DAY]) {
      expect(
        await verifyPresentation(presentation, {
          ...expected,
          now,
          // A long window, so that only the attestation's expiry can be the reason.
          maxPresentationAgeMs: 365 * DAY,
        }),
      ).toEqual(unverified("expired"));
    }
  });

  it("not-yet-valid: issued in the future beyond the clock skew", async () => {
    const { issuer, holder, expected } = await world();
    const attestation = await issueAgeAttestation(issuer, {
      subject: ALEX,
      holderKey: holder.publicKey,
      band: "18+",
      now: NOW + DEFAULT_MAX_CLOCK_SKEW_MS + 60_000,
    });
    const presentation = await createPresentation(holder, attestation, {
      audienceUserId: NOOR,
      roomId: ROOM,
      now: NOW,
    });
    expect(await verifyPresentation(presentation, expected)).toEqual(unverified("not-yet-valid"));
  });

  it("validity-too-long: an attestation valid for more than 90 days", async () => {
    const { issuer, holder, expected } = await world();
    const issuedAt = NOW / 1000 - 60;
    const attestation = await signAsIssuer(issuer, {
      version: 1,
      issuerKeyId: issuer.keyId,
      subject: ALEX,
      holderKey: holder.publicKey,
      band: "18+",
      issuedAt,
      expiresAt: issuedAt + 90 * 86_400 + 1,
      id: "AAAAAAAAAAAAAAAAAAAAAA",
    });
    const presentation = await signAsHolder(holder, {
      version: 1,
      attestation,
      audience: NOOR,
      roomId: ROOM,
      nonce: "AAAAAAAAAAAAAAAAAAAAAA",
      presentedAt: NOW / 1000,
    });
    expect(await verifyPresentation(presentation, expected)).toEqual(
      unverified("validity-too-long"),
    );
  });

  it("wrong-subject: a valid presentation of Alex's, sent by Mark", async () => {
    const { presentation, expected } = await world();
    expect(await verifyPresentation(presentation, { ...expected, subjectUserId: MARK })).toEqual(
      unverified("wrong-subject"),
    );
  });

  it("wrong-audience: made for Lotte, shown to Noor", async () => {
    const { holder, attestation, expected } = await world();
    const forLotte = await createPresentation(holder, attestation, {
      audienceUserId: LOTTE,
      roomId: ROOM,
      now: NOW,
    });
    expect(await verifyPresentation(forLotte, expected)).toEqual(unverified("wrong-audience"));
  });

  it("wrong-audience: made for another room, or for a room but received outside one", async () => {
    const { presentation, expected, holder, attestation } = await world();
    expect(
      await verifyPresentation(presentation, { ...expected, roomId: "!other:localhost" }),
    ).toEqual(unverified("wrong-audience"));
    const toDevice = without(expected, "roomId");
    expect(await verifyPresentation(presentation, toDevice)).toEqual(unverified("wrong-audience"));
    const unbound = await createPresentation(holder, attestation, {
      audienceUserId: NOOR,
      now: NOW,
    });
    expect(await verifyPresentation(unbound, expected)).toEqual(unverified("wrong-audience"));
  });

  it("replayed: the same nonce a second time, in another message", async () => {
    const { presentation, expected } = await world();
    expect(await verifyPresentation(presentation, expected)).toMatchObject({ reason: "ok" });
    expect(await verifyPresentation(presentation, expected)).toEqual(unverified("replayed"));

    const withCarrier = { ...expected, replayCache: createMemoryReplayCache() };
    const first = { ...withCarrier, carrierId: "$event1" };
    expect(await verifyPresentation(presentation, first)).toMatchObject({ reason: "ok" });
    // Re-reading the same event (a reload, a timeline re-render) is not a replay.
    expect(await verifyPresentation(presentation, first)).toMatchObject({ reason: "ok" });
    expect(
      await verifyPresentation(presentation, { ...withCarrier, carrierId: "$event2" }),
    ).toEqual(unverified("replayed"));
  });

  it("replayed: remembered across a reload through the cache's snapshot", async () => {
    const { presentation, expected } = await world();
    const cache = createMemoryReplayCache();
    await verifyPresentation(presentation, { ...expected, replayCache: cache });
    const restored = createMemoryReplayCache({ entries: cache.snapshot(NOW) });
    expect(await verifyPresentation(presentation, { ...expected, replayCache: restored })).toEqual(
      unverified("replayed"),
    );
  });

  it("a rejected presentation does not use up its nonce", async () => {
    const { presentation, expected } = await world();
    expect(await verifyPresentation(presentation, { ...expected, subjectUserId: MARK })).toEqual(
      unverified("wrong-subject"),
    );
    expect(await verifyPresentation(presentation, expected)).toMatchObject({ reason: "ok" });
  });

  it("stale-presentation: older than the window, where the replay cache forgets", async () => {
    const { presentation, expected } = await world();
    const late = presentation.presentedAt * 1000 + DEFAULT_MAX_PRESENTATION_AGE_MS + 1;
    expect(await verifyPresentation(presentation, { ...expected, now: late })).toEqual(
      unverified("stale-presentation"),
    );
    expect(
      await verifyPresentation(presentation, { ...expected, maxPresentationAgeMs: HOUR - 1 }),
    ).toEqual(unverified("stale-presentation"));
  });

  it("future-presentation: dated ahead of the verifier's clock beyond the skew", async () => {
    const { holder, attestation, expected } = await world();
    const ahead = await createPresentation(holder, attestation, {
      audienceUserId: NOOR,
      roomId: ROOM,
      now: NOW + DEFAULT_MAX_CLOCK_SKEW_MS + 1000,
    });
    expect(await verifyPresentation(ahead, expected)).toEqual(unverified("future-presentation"));
  });

  it("replay-cache-full: refuses rather than forgets", async () => {
    const { holder, attestation, expected } = await world();
    const replayCache = createMemoryReplayCache({ maxEntries: 1 });
    const present = (): Promise<AgePresentation> =>
      createPresentation(holder, attestation, { audienceUserId: NOOR, roomId: ROOM, now: NOW });
    expect(await verifyPresentation(await present(), { ...expected, replayCache })).toMatchObject({
      reason: "ok",
    });
    expect(await verifyPresentation(await present(), { ...expected, replayCache })).toEqual(
      unverified("replay-cache-full"),
    );
  });

  it("unsupported-version: a future format", async () => {
    const { presentation, attestation, expected } = await world();
    expect(await verifyPresentation({ ...presentation, version: 2 }, expected)).toEqual(
      unverified("unsupported-version"),
    );
    expect(
      await verifyPresentation(
        { ...presentation, attestation: { ...attestation, version: 2 } },
        expected,
      ),
    ).toEqual(unverified("unsupported-version"));
  });

  it("verifier-misconfigured: the verifier's own expectations are invalid", async () => {
    const { presentation, expected } = await world();
    for (const broken of [
      { ...expected, now: Number.NaN },
      { ...expected, audienceUserId: "noor" },
      { ...expected, subjectUserId: "" },
      { ...expected, roomId: "room" },
      { ...expected, maxClockSkewMs: -1 },
      { ...expected, maxPresentationAgeMs: Number.POSITIVE_INFINITY },
    ]) {
      expect(await verifyPresentation(presentation, broken)).toEqual(
        unverified("verifier-misconfigured"),
      );
    }
  });

  it("verification-error: a replay cache that throws", async () => {
    const { presentation, expected } = await world();
    const broken: ReplayCache = {
      claim: () => {
        throw new Error("storage gone");
      },
    };
    expect(await verifyPresentation(presentation, { ...expected, replayCache: broken })).toEqual(
      unverified("verification-error"),
    );
  });
});

describe("verifyPresentation on garbage", () => {
  it("rejects every malformed input as malformed, without throwing", async () => {
    const { presentation, attestation, expected } = await world();
    const missingNonce = without(presentation, "nonce");
    const missingBand = without(attestation, "band");
    // The key with a padding bit set in its last character: same bytes, non-canonical spelling.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(attestation.holderKey.slice(-1));
    const nonCanonicalKey = `${attestation.holderKey.slice(0, -1)}${alphabet.charAt(last + 1)}`;
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("gotcha");
        },
        get: () => {
          throw new Error("gotcha");
        },
      },
    );
    class Lookalike {
      version = 1;
    }
    const garbage: unknown[] = [
      undefined,
      null,
      0,
      1,
      true,
      "",
      "{",
      "[]",
      "null",
      "x".repeat(1_000_000),
      JSON.stringify({ ...presentation, padding: "x".repeat(5000) }),
      [],
      [presentation],
      {},
      new Lookalike(),
      Object.create(presentation) as unknown,
      throwing,
      { ...presentation, extra: 1 },
      missingNonce,
      { ...presentation, attestation: missingBand },
      { ...presentation, attestation: { ...attestation, extra: "x" } },
      { ...presentation, attestation: JSON.stringify(attestation) },
      { ...presentation, version: "1" },
      { ...presentation, version: 1.5 },
      { ...presentation, presentedAt: String(presentation.presentedAt) },
      { ...presentation, presentedAt: -1 },
      { ...presentation, presentedAt: 1.5 },
      { ...presentation, presentedAt: Number.POSITIVE_INFINITY },
      { ...presentation, presentedAt: 1e20 },
      { ...presentation, roomId: null },
      { ...presentation, roomId: "" },
      { ...presentation, roomId: "!room with space:localhost" },
      { ...presentation, audience: "@".repeat(300) },
      { ...presentation, audience: `@${"n".repeat(300)}:localhost` },
      { ...presentation, audience: "@noor:local\nhost" },
      { ...presentation, nonce: "!!!!!!!!!!!!!!!!!!!!!!" },
      { ...presentation, nonce: "AAAA" },
      { ...presentation, nonce: 12 },
      { ...presentation, signature: "A".repeat(85) },
      { ...presentation, signature: `${presentation.signature}=` },
      { ...presentation, attestation: { ...attestation, holderKey: nonCanonicalKey } },
      { ...presentation, attestation: { ...attestation, band: "18" } },
      { ...presentation, attestation: { ...attestation, band: "unverified" } },
      { ...presentation, attestation: { ...attestation, subject: "alex" } },
      { ...presentation, attestation: { ...attestation, issuerKeyId: "" } },
      { ...presentation, attestation: { ...attestation, issuerKeyId: "k".repeat(65) } },
      { ...presentation, attestation: { ...attestation, expiresAt: attestation.issuedAt } },
      { ...presentation, attestation: { ...attestation, id: "+/+/+/+/+/+/+/+/+/+/+/" } },
      { ...presentation, attestation: null },
      { ...presentation, attestation: [] },
    ];
    for (const [index, input] of garbage.entries()) {
      const result = await verifyPresentation(input, {
        ...expected,
        replayCache: createMemoryReplayCache(),
      });
      expect(result, `garbage[${index}]`).toEqual(unverified("malformed"));
    }
  });
});

describe("verifyAttestation", () => {
  it("checks the device's own attestation before it is stored", async () => {
    const { attestation, holder, expected } = await world();
    const own = {
      subjectUserId: ALEX,
      holderKey: holder.publicKey,
      now: NOW,
      trustedIssuers: expected.trustedIssuers,
    };
    expect(await verifyAttestation(attestation, own)).toMatchObject({
      verified: true,
      band: "18+",
    });
    expect(
      await verifyAttestation(attestation, {
        ...own,
        holderKey: (await createHolderKeyPair()).publicKey,
      }),
    ).toEqual(unverified("wrong-holder-key"));
    expect(await verifyAttestation(attestation, { ...own, subjectUserId: MARK })).toEqual(
      unverified("wrong-subject"),
    );
    expect(await verifyAttestation({ ...attestation, band: "8-12" }, own)).toEqual(
      unverified("forged-signature"),
    );
    expect(
      await verifyAttestation(attestation, { ...own, now: attestation.expiresAt * 1000 }),
    ).toEqual(unverified("expired"));
    expect(await verifyAttestation("garbage", own)).toEqual(unverified("malformed"));
    expect(await verifyAttestation(attestation, { ...own, now: Number.NaN })).toEqual(
      unverified("verifier-misconfigured"),
    );
  });
});
