// Protocol, test vectors: builds every file in protocol/test-vectors/ from
// fixed seeds, ids, nonces and times, with the package's own code. Ed25519 is
// deterministic, so the same inputs give the same signatures; a sealed box is
// not (a fresh ephemeral key each time), so a box already recorded is kept
// when it still opens to the same envelope with the recorded secret key, and
// only a new or changed envelope is sealed again. scripts/vectors.ts writes
// the files; test/vectors.test.ts checks them and that they regenerate the same.

import {
  openReportOutcome,
  parseReplyChannel,
  parseReportOutcome,
  sealReportOutcome,
  type ReplyKeyPair,
  type ReportOutcome,
} from "../src/report/outcome.ts";
import {
  buildHandoffPackage,
  openHandoffFile,
  parseHandoffPackage,
  sealHandoffPackage,
  type HandoffPackage,
  type SealedHandoffFile,
  ATTESTATION_CONTEXT,
  PRESENTATION_CONTEXT,
  REPORT_SIGNATURE_CONTEXT,
  attestationSigningInput,
  createMemoryReplayCache,
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
  signAttestation,
  signPresentation,
  splitIntoParts,
  toBase64Url,
  EVENT_REPORT_REASON_LIMIT,
  USER_REPORT_REASON_LIMIT,
  verifyAttestation,
  verifyPresentation,
  type AgeAttestation,
  type AgePresentation,
  type AttestationExpectation,
  type IssuerKeyPair,
  type HolderKeyPair,
  type ModerationKeyPair,
  type PresentationExpectation,
  type ReplayCacheEntry,
  type ReportBundle,
  type ReportBundleInput,
  type ReportMediaItem,
  type Sodium,
  type UnsignedAgeAttestation,
  type UnsignedAgePresentation,
} from "../src/index.ts";

export type VectorFiles = Record<string, unknown>;

export const VECTOR_FILES = [
  "codec.json",
  "age-attestation.json",
  "age-presentation.json",
  "report-bundle.json",
  "report-seal.json",
  "report-parts.json",
  "handoff.json",
  "report-outcome.json",
] as const;

export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export function fromHex(text: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(text)) throw new Error(`not lowercase hex: ${text.slice(0, 20)}`);
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

const filled = (length: number, byte: number): Uint8Array => new Uint8Array(length).fill(byte);

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const NOOR = "@noor:localhost";
const ALEX = "@alex:localhost";
const ROOM = "!request:localhost";
/** 2026-11-23T12:00:00Z, the issuing time of every attestation below. */
const ISSUED_AT = 1795392000;
const EXPIRES_AT = ISSUED_AT + 90 * 24 * 60 * 60;
const PRESENTED_AT = ISSUED_AT + 3600;
const NOW_MS = PRESENTED_AT * SECOND;

// ---------------------------------------------------------------------------
// Keys from fixed seeds.

type Ed25519Seeded = { seed: Uint8Array; publicKey: Uint8Array; secretKey: Uint8Array };

function ed25519(s: Sodium, byte: number): Ed25519Seeded {
  const seed = filled(32, byte);
  const { publicKey, privateKey } = s.crypto_sign_seed_keypair(seed);
  return { seed, publicKey, secretKey: privateKey };
}

async function issuerOf(s: Sodium, key: Ed25519Seeded): Promise<IssuerKeyPair> {
  const publicKey = toBase64Url(s, key.publicKey);
  return {
    keyId: await issuerKeyIdFor(publicKey),
    publicKey,
    secretKey: toBase64Url(s, key.secretKey),
  };
}

const holderOf = (s: Sodium, key: Ed25519Seeded): HolderKeyPair => ({
  publicKey: toBase64Url(s, key.publicKey),
  secretKey: toBase64Url(s, key.secretKey),
});

/** Signs whatever it is given, as a forger or a buggy issuer would (no checks). */
function rawAttestation(
  s: Sodium,
  key: Ed25519Seeded,
  unsigned: UnsignedAgeAttestation,
): AgeAttestation {
  const signature = s.crypto_sign_detached(attestationSigningInput(unsigned), key.secretKey);
  return { ...unsigned, signature: toBase64Url(s, signature) };
}

function rawPresentation(
  s: Sodium,
  key: Ed25519Seeded,
  unsigned: UnsignedAgePresentation,
): AgePresentation {
  const signature = s.crypto_sign_detached(presentationSigningInput(unsigned), key.secretKey);
  return { ...unsigned, signature: toBase64Url(s, signature) };
}

// ---------------------------------------------------------------------------
// How expectations are written in the files (JSON has no undefined and no
// replay cache object) and turned into the verifier's arguments.

export type PresentationExpectationJson = Omit<PresentationExpectation, "replayCache"> & {
  readonly replayCache: {
    readonly maxEntries?: number;
    readonly entries: readonly { key: string; carrier?: string; keepUntil: number }[];
  };
};

export function presentationExpectation(
  json: PresentationExpectationJson,
): PresentationExpectation {
  const entries: ReplayCacheEntry[] = json.replayCache.entries.map((entry) => ({
    key: entry.key,
    carrier: entry.carrier,
    keepUntil: entry.keepUntil,
  }));
  const { replayCache, ...rest } = json;
  return {
    ...rest,
    replayCache: createMemoryReplayCache({
      entries,
      ...(replayCache.maxEntries === undefined ? {} : { maxEntries: replayCache.maxEntries }),
    }),
  };
}

/** A value as the JSON file holds it (undefined fields dropped), so rebuilt and read back compare equal. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of `value` without `key` (what a sender who leaves a field out produces). */
function without<T extends object, K extends keyof T & string>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>;
}

// ---------------------------------------------------------------------------
// codec.json

export type LengthPrefixedItem = { readonly utf8: string } | { readonly hex: string };

export const lengthPrefixedItem = (item: LengthPrefixedItem): string | Uint8Array =>
  "utf8" in item ? item.utf8 : fromHex(item.hex);

const lengthPrefixedCases: readonly (readonly LengthPrefixedItem[])[] = [
  [{ utf8: "ab" }, { hex: "ff" }, { utf8: "" }, { utf8: "é" }],
  [{ utf8: ATTESTATION_CONTEXT }, { utf8: "1" }],
];

function codecVectors(s: Sodium): unknown {
  const decode = (text: string, byteLength: number | null) => {
    const bytes =
      byteLength === null ? fromBase64UrlOfAnyLength(s, text) : fromBase64Url(s, text, byteLength);
    return { text, byteLength, bytes: bytes === undefined ? null : hex(bytes) };
  };
  const key = toBase64Url(s, filled(32, 0x07));
  return {
    description:
      "Unpadded base64url (RFC 4648 §5), canonical spelling only, and the length-prefixed " +
      "layout of every signing input (docs/protocol.md, 'Encodings'). base64url: decoding " +
      "`text` as `byteLength` bytes (null: any length) gives `bytes` (hex), or null when it " +
      "must be refused. lengthPrefixed: each item is UTF-8 text or hex bytes.",
    base64url: [
      decode(key, 32),
      decode(key, 31),
      decode(key, 33),
      decode(`${key}A`, 32),
      decode("AQ", 1),
      decode("AR", 1),
      decode("AQ==", 1),
      decode("-_-_", 3),
      decode("+/+/", 3),
      decode("-_-_", null),
      decode("-_ -_", null),
      decode("A", null),
      decode(toBase64Url(s, filled(16, 0x03)), 16),
      decode(toBase64Url(s, filled(64, 0xff)), 64),
    ],
    lengthPrefixed: lengthPrefixedCases.map((items) => ({
      items,
      bytes: hex(lengthPrefixed(items.map(lengthPrefixedItem))),
    })),
  };
}

// ---------------------------------------------------------------------------
// age-attestation.json and age-presentation.json

type AgeKeys = {
  issuer: Ed25519Seeded;
  issuerPair: IssuerKeyPair;
  untrusted: Ed25519Seeded;
  untrustedPair: IssuerKeyPair;
  holder: Ed25519Seeded;
  holderPair: HolderKeyPair;
  otherHolder: Ed25519Seeded;
};

async function ageKeys(s: Sodium): Promise<AgeKeys> {
  const issuer = ed25519(s, 0x01);
  const holder = ed25519(s, 0x02);
  const untrusted = ed25519(s, 0x05);
  const otherHolder = ed25519(s, 0x06);
  return {
    issuer,
    issuerPair: await issuerOf(s, issuer),
    untrusted,
    untrustedPair: await issuerOf(s, untrusted),
    holder,
    holderPair: holderOf(s, holder),
    otherHolder,
  };
}

function keysJson(s: Sodium, keys: AgeKeys): unknown {
  const entry = (key: Ed25519Seeded, keyId?: string) => ({
    seed: hex(key.seed),
    publicKey: toBase64Url(s, key.publicKey),
    ...(keyId === undefined ? {} : { keyId }),
  });
  return {
    issuer: entry(keys.issuer, keys.issuerPair.keyId),
    untrustedIssuer: entry(keys.untrusted, keys.untrustedPair.keyId),
    holder: entry(keys.holder),
    otherHolder: entry(keys.otherHolder),
  };
}

async function attestationVectors(s: Sodium, keys: AgeKeys): Promise<unknown> {
  const trusted = [{ keyId: keys.issuerPair.keyId, publicKey: keys.issuerPair.publicKey }];
  const unsigned: UnsignedAgeAttestation = {
    version: 1,
    issuerKeyId: keys.issuerPair.keyId,
    subject: NOOR,
    holderKey: keys.holderPair.publicKey,
    band: "13-15",
    issuedAt: ISSUED_AT,
    expiresAt: EXPIRES_AT,
    id: toBase64Url(s, filled(16, 0x03)),
  };
  const noor = await signAttestation(keys.issuerPair, unsigned);
  const alex = await signAttestation(keys.issuerPair, {
    ...unsigned,
    subject: ALEX,
    band: "18+",
    expiresAt: ISSUED_AT + 30 * 24 * 60 * 60,
    id: toBase64Url(s, filled(16, 0x13)),
  });
  const expected = (overrides: Partial<AttestationExpectation> = {}): AttestationExpectation => ({
    subjectUserId: NOOR,
    now: NOW_MS,
    trustedIssuers: trusted,
    holderKey: keys.holderPair.publicKey,
    ...overrides,
  });

  const valid = [
    { name: "a 13-15 attestation for Noor", attestation: noor, expected: expected() },
    {
      name: "an 18+ attestation for Alex, 30 days, checked without a holder key",
      attestation: alex,
      expected: { subjectUserId: ALEX, now: NOW_MS, trustedIssuers: trusted },
    },
    {
      name: "issued up to 5 minutes in the verifier's future (clock skew)",
      attestation: noor,
      expected: expected({ now: ISSUED_AT * SECOND - 5 * MINUTE }),
    },
  ];

  // A valid signature over a non-canonical holder key: the parser accepts its
  // shape (43 characters of the alphabet), the canonical decoding does not.
  // The last of 43 characters carries 4 bits and 2 zero bits; setting one of
  // those gives a spelling that decodes to the same bytes but is not canonical.
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const last = alphabet.indexOf(keys.holderPair.publicKey.slice(-1));
  const nonCanonicalKey = keys.holderPair.publicKey.slice(0, -1) + alphabet.charAt(last | 1);
  const invalid = [
    { name: "not an object", attestation: [noor], expected: expected(), reason: "malformed" },
    {
      name: "an extra field rides along",
      attestation: { ...noor, note: "trust me" },
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "a field is missing",
      attestation: without(noor, "id"),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "the band 'unverified' is never a claim",
      attestation: rawAttestation(s, keys.issuer, { ...unsigned, band: "unverified" as "18+" }),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "the subject is not a Matrix user ID",
      attestation: rawAttestation(s, keys.issuer, { ...unsigned, subject: "noor" }),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "a fractional time",
      attestation: { ...noor, issuedAt: ISSUED_AT + 0.5 },
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "expires before it is issued",
      attestation: rawAttestation(s, keys.issuer, { ...unsigned, expiresAt: ISSUED_AT }),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "a holder key in a non-canonical spelling",
      attestation: rawAttestation(s, keys.issuer, { ...unsigned, holderKey: nonCanonicalKey }),
      expected: expected({ holderKey: nonCanonicalKey }),
      reason: "malformed",
    },
    {
      name: "a future format version",
      attestation: { ...noor, version: 2 },
      expected: expected(),
      reason: "unsupported-version",
    },
    {
      name: "valid for 91 days",
      attestation: rawAttestation(s, keys.issuer, {
        ...unsigned,
        expiresAt: ISSUED_AT + 91 * 24 * 60 * 60,
      }),
      expected: expected(),
      reason: "validity-too-long",
    },
    {
      name: "signed by an issuer the verifier does not trust",
      attestation: await signAttestation(keys.untrustedPair, {
        ...unsigned,
        issuerKeyId: keys.untrustedPair.keyId,
      }),
      expected: expected(),
      reason: "unknown-issuer",
    },
    {
      name: "the trusted issuer's key id, signed with another key",
      attestation: rawAttestation(s, keys.untrusted, unsigned),
      expected: expected(),
      reason: "forged-signature",
    },
    {
      name: "the band changed after signing",
      attestation: { ...noor, band: "18+" },
      expected: expected(),
      reason: "forged-signature",
    },
    {
      name: "about another user",
      attestation: noor,
      expected: expected({ subjectUserId: ALEX }),
      reason: "wrong-subject",
    },
    {
      name: "bound to another holder key than this device's",
      attestation: noor,
      expected: expected({ holderKey: toBase64Url(s, keys.otherHolder.publicKey) }),
      reason: "wrong-holder-key",
    },
    {
      name: "issued more than 5 minutes in the verifier's future",
      attestation: noor,
      expected: expected({ now: ISSUED_AT * SECOND - 5 * MINUTE - 1 }),
      reason: "not-yet-valid",
    },
    {
      name: "expired (expiry is exact: no skew)",
      attestation: noor,
      expected: expected({ now: EXPIRES_AT * SECOND }),
      reason: "expired",
    },
    {
      name: "the verifier's own subject is not a user ID",
      attestation: noor,
      expected: expected({ subjectUserId: "noor" }),
      reason: "verifier-misconfigured",
    },
  ];

  return {
    description:
      "Bare attestations and verifyAttestation (docs/protocol.md, 'Age attestation' and " +
      "'Verification'). Keys are Ed25519 from 32-byte seeds (hex). Each valid vector gives its " +
      "signing input (hex) and must verify to `result`; each invalid one must be refused " +
      "with `reason`. Times in `expected` are milliseconds, in the attestation seconds.",
    keys: keysJson(s, keys),
    valid: await Promise.all(
      valid.map(async (vector) => ({
        ...vector,
        signingInput: hex(attestationSigningInput(vector.attestation)),
        result: asJson(await verifyAttestation(vector.attestation, vector.expected)),
      })),
    ),
    invalid: await Promise.all(
      invalid.map(async ({ reason, ...vector }) => {
        const result = await verifyAttestation(vector.attestation, vector.expected);
        if (result.verified || result.reason !== reason) {
          throw new Error(`vector "${vector.name}": ${result.reason}, not ${reason}`);
        }
        return { ...vector, reason };
      }),
    ),
  };
}

async function presentationVectors(s: Sodium, keys: AgeKeys): Promise<unknown> {
  const trusted = [{ keyId: keys.issuerPair.keyId, publicKey: keys.issuerPair.publicKey }];
  const attestationFields: UnsignedAgeAttestation = {
    version: 1,
    issuerKeyId: keys.issuerPair.keyId,
    subject: NOOR,
    holderKey: keys.holderPair.publicKey,
    band: "13-15",
    issuedAt: ISSUED_AT,
    expiresAt: EXPIRES_AT,
    id: toBase64Url(s, filled(16, 0x03)),
  };
  const attestation = await signAttestation(keys.issuerPair, attestationFields);
  const nonce = toBase64Url(s, filled(16, 0x04));
  const unsigned: UnsignedAgePresentation = {
    version: 1,
    attestation,
    audience: ALEX,
    roomId: ROOM,
    nonce,
    presentedAt: PRESENTED_AT,
  };
  const inRoom = await signPresentation(keys.holderPair, unsigned);
  const toDevice = await signPresentation(keys.holderPair, {
    ...without(unsigned, "roomId"),
    nonce: toBase64Url(s, filled(16, 0x14)),
  });
  const present = (fields: Partial<UnsignedAgePresentation>, key = keys.holder) =>
    rawPresentation(s, key, { ...unsigned, ...fields });

  const replayKey = (presentation: AgePresentation): string =>
    `${presentation.attestation.subject} ${presentation.nonce}`;
  const expected = (
    overrides: Partial<PresentationExpectationJson> = {},
  ): PresentationExpectationJson => ({
    audienceUserId: ALEX,
    subjectUserId: NOOR,
    roomId: ROOM,
    carrierId: "$carrier",
    now: NOW_MS,
    trustedIssuers: trusted,
    replayCache: { entries: [] },
    ...overrides,
  });
  const toDeviceExpected = without(expected(), "roomId");
  const weekLater = (PRESENTED_AT + 7 * 24 * 60 * 60) * SECOND;

  const valid = [
    {
      name: "shown in a room (the example of docs/age-assurance.md)",
      presentation: inRoom,
      expected: expected(),
    },
    {
      name: "sent as a to-device message: no room on either side",
      presentation: toDevice,
      expected: toDeviceExpected,
    },
    {
      name: "given as JSON text",
      presentation: JSON.stringify(inRoom),
      expected: expected(),
    },
    {
      name: "read again from the same carrier (a reload): not a replay",
      presentation: inRoom,
      expected: expected({
        replayCache: {
          entries: [{ key: replayKey(inRoom), carrier: "$carrier", keepUntil: weekLater }],
        },
      }),
    },
    {
      name: "exactly 7 days old",
      presentation: inRoom,
      expected: expected({ now: weekLater }),
    },
  ];

  const invalid = [
    {
      name: "JSON text over 4096 characters",
      presentation: JSON.stringify(inRoom) + " ".repeat(4097 - JSON.stringify(inRoom).length),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "text that is not JSON",
      presentation: "{ presentation",
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "an extra field rides along",
      presentation: { ...inRoom, reply: true },
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "a nonce of 15 bytes",
      presentation: present({ nonce: toBase64Url(s, filled(15, 0x04)) }),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "a room that is not a room ID",
      presentation: present({ roomId: "#lobby:localhost" }),
      expected: expected(),
      reason: "malformed",
    },
    {
      name: "a future format version",
      presentation: { ...inRoom, version: 2 },
      expected: expected(),
      reason: "unsupported-version",
    },
    {
      name: "its attestation is valid for 91 days",
      presentation: present({
        attestation: rawAttestation(s, keys.issuer, {
          ...attestationFields,
          expiresAt: ISSUED_AT + 91 * 24 * 60 * 60,
        }),
      }),
      expected: expected(),
      reason: "validity-too-long",
    },
    {
      name: "its attestation comes from an issuer the verifier does not trust",
      presentation: present({
        attestation: rawAttestation(s, keys.untrusted, {
          ...attestationFields,
          issuerKeyId: keys.untrustedPair.keyId,
        }),
      }),
      expected: expected(),
      reason: "unknown-issuer",
    },
    {
      name: "its attestation's band was changed (and the holder signed that)",
      presentation: present({ attestation: { ...attestation, band: "18+" } }),
      expected: expected(),
      reason: "forged-signature",
    },
    {
      name: "signed by another key than the attestation's holder key",
      presentation: present({}, keys.otherHolder),
      expected: expected(),
      reason: "forged-presentation",
    },
    {
      name: "the audience changed after signing",
      presentation: { ...inRoom, audience: "@lotte:localhost" },
      expected: expected({ audienceUserId: "@lotte:localhost" }),
      reason: "forged-presentation",
    },
    {
      name: "sent by another user than its subject",
      presentation: inRoom,
      expected: expected({ subjectUserId: "@mallory:localhost" }),
      reason: "wrong-subject",
    },
    {
      name: "made for another verifier",
      presentation: inRoom,
      expected: expected({ audienceUserId: "@lotte:localhost" }),
      reason: "wrong-audience",
    },
    {
      name: "made for a room, arriving as a to-device message",
      presentation: inRoom,
      expected: toDeviceExpected,
      reason: "wrong-audience",
    },
    {
      name: "made for another room",
      presentation: inRoom,
      expected: expected({ roomId: "!other:localhost" }),
      reason: "wrong-audience",
    },
    {
      name: "its attestation is issued more than 5 minutes in the future",
      presentation: present({ presentedAt: ISSUED_AT - 20 * 60 }),
      expected: expected({ now: ISSUED_AT * SECOND - 10 * MINUTE }),
      reason: "not-yet-valid",
    },
    {
      name: "its attestation has expired",
      presentation: present({ presentedAt: EXPIRES_AT - 3600 }),
      expected: expected({ now: EXPIRES_AT * SECOND }),
      reason: "expired",
    },
    {
      name: "dated more than 5 minutes in the future",
      presentation: present({ presentedAt: PRESENTED_AT + 5 * 60 + 1 }),
      expected: expected(),
      reason: "future-presentation",
    },
    {
      name: "older than 7 days",
      presentation: inRoom,
      expected: expected({ now: weekLater + 1 }),
      reason: "stale-presentation",
    },
    {
      name: "its nonce was accepted before, in another message",
      presentation: inRoom,
      expected: expected({
        replayCache: {
          entries: [{ key: replayKey(inRoom), carrier: "$earlier", keepUntil: weekLater }],
        },
      }),
      reason: "replayed",
    },
    {
      name: "its nonce was accepted before, carrier unknown",
      presentation: inRoom,
      expected: expected({
        replayCache: { entries: [{ key: replayKey(inRoom), keepUntil: weekLater }] },
      }),
      reason: "replayed",
    },
    {
      name: "the replay cache is full of live nonces",
      presentation: inRoom,
      expected: expected({
        replayCache: {
          maxEntries: 1,
          entries: [{ key: `${NOOR} ${"A".repeat(22)}`, carrier: "$other", keepUntil: weekLater }],
        },
      }),
      reason: "replay-cache-full",
    },
    {
      name: "the verifier's own audience is not a user ID",
      presentation: inRoom,
      expected: expected({ audienceUserId: "alex" }),
      reason: "verifier-misconfigured",
    },
  ];

  return {
    description:
      "Presentations and verifyPresentation (docs/protocol.md, 'Age presentation' and " +
      "'Verification'). `expected` is what the verifier knows: its own user ID (audience), " +
      "the authenticated sender (subject), the room it arrived in (absent for to-device), " +
      "the carrying event's ID, now (ms), its trusted issuers and the nonces its replay " +
      "cache holds. Valid vectors verify to `result`; invalid ones are refused with `reason`.",
    keys: keysJson(s, keys),
    valid: await Promise.all(
      valid.map(async (vector) => ({
        ...vector,
        signingInput:
          typeof vector.presentation === "string"
            ? hex(presentationSigningInput(JSON.parse(vector.presentation) as AgePresentation))
            : hex(presentationSigningInput(vector.presentation)),
        result: asJson(
          await verifyPresentation(vector.presentation, presentationExpectation(vector.expected)),
        ),
      })),
    ),
    invalid: await Promise.all(
      invalid.map(async ({ reason, ...vector }) => {
        const result = await verifyPresentation(
          vector.presentation,
          presentationExpectation(vector.expected),
        );
        if (result.verified || result.reason !== reason) {
          throw new Error(`vector "${vector.name}": ${result.reason}, not ${reason}`);
        }
        return { ...vector, reason };
      }),
    ),
    contexts: { attestation: ATTESTATION_CONTEXT, presentation: PRESENTATION_CONTEXT },
  };
}

// ---------------------------------------------------------------------------
// report-bundle.json

const REPORT_ROOM = "!dm:localhost";

function messageInput(): ReportBundleInput {
  const message = (n: number, sender = ALEX, body = `message ${n}`) => ({
    eventId: `$event${n}`,
    sender,
    timestamp: 1_700_000_000_000 + n * 1000,
    kind: "text" as const,
    body,
  });
  return {
    category: "asking-for-images",
    explanation: "This person keeps asking me for photos.",
    note: "He says he is 15.",
    subject: {
      kind: "message",
      roomId: REPORT_ROOM,
      reported: message(5, ALEX, "send me a photo 📷"),
      preceding: [
        message(1),
        message(2, NOOR, "no"),
        { ...message(3), kind: "undecryptable", body: "" },
        message(4),
      ],
      contextConsent: true,
    },
    reporter: { userId: NOOR, includeIdentity: true },
    goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
  };
}

function profileInput(): ReportBundleInput {
  return {
    category: "sexual-content-to-minor",
    explanation: "sexual-content-to-minor",
    subject: { kind: "profile", userId: ALEX },
    reporter: { userId: NOOR, includeIdentity: false },
    goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
    // Version 4: the reporter's group only (she left her name out), the account's band.
    bands: { reporter: { group: "minor", band: null }, reported: { group: "adult", band: "18+" } },
  };
}

type BundleEnvironmentJson = { readonly now: number; readonly randomBytes: string };

function createBundle(input: ReportBundleInput, environment: BundleEnvironmentJson): ReportBundle {
  const created = createReportBundle(input, {
    now: () => environment.now,
    randomBytes: (length) => fromHex(environment.randomBytes).slice(0, length),
  });
  if (!created.ok) throw new Error(created.problems.join("; "));
  return created.bundle;
}

/** Reported media (RMEDIA): a photo's re-encrypted copy; fixed keys, so the vector is stable. */
const REPORTED_PHOTO: ReportMediaItem = {
  eventId: "$event5",
  kind: "image",
  mimetype: "image/jpeg",
  size: 48_213,
  name: "IMG_0001.jpg",
  file: {
    url: "mxc://localhost/reportCopy0001",
    key: {
      kty: "oct",
      key_ops: ["encrypt", "decrypt"],
      alg: "A256CTR",
      k: "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA",
      ext: true,
    },
    iv: "ISIjJCUmJygAAAAAAAAAAA",
    hashes: { sha256: "MTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1A" },
    v: "v2",
  },
};

function mediaInput(): ReportBundleInput {
  return { ...messageInput(), category: "image-abuse", media: [REPORTED_PHOTO] };
}

const MESSAGE_ENVIRONMENT: BundleEnvironmentJson = {
  now: 1_700_000_100_000,
  randomBytes: "00112233445566778899aabbccddeeff",
};
const PROFILE_ENVIRONMENT: BundleEnvironmentJson = {
  now: 1_700_000_200_000,
  randomBytes: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
};

function bundleVectors(): unknown {
  const messageBundle = createBundle(messageInput(), MESSAGE_ENVIRONMENT);
  const profileBundle = createBundle(profileInput(), PROFILE_ENVIRONMENT);
  const mediaBundle = createBundle(mediaInput(), MESSAGE_ENVIRONMENT);
  if (messageBundle.evidence.kind !== "messages") throw new Error("fixture");
  const evidence = messageBundle.evidence;
  const [first, ...others] = evidence.context;
  if (first === undefined) throw new Error("fixture");
  const invalid: { name: string; bundle: unknown }[] = [
    { name: "not an object", bundle: "a report" },
    { name: "a future version", bundle: { ...messageBundle, version: 5 } },
    {
      name: "ages in a version 3 bundle",
      bundle: { ...profileBundle, version: 3 },
    },
    {
      name: "an adult band in the minor group",
      bundle: {
        ...profileBundle,
        bands: { reporter: { group: "minor", band: "18+" }, reported: null },
      },
    },
    {
      name: "version 1 (the categories before the one list), refused on its version alone",
      bundle: { ...messageBundle, version: 1, category: "sextortion-or-threats" },
    },
    {
      name: "an upper-case report ID",
      bundle: { ...messageBundle, reportId: "00112233445566778899AABBCCDDEEFF" },
    },
    { name: "an unknown category", bundle: { ...messageBundle, category: "rude" } },
    { name: "an unknown field", bundle: { ...messageBundle, priority: "high" } },
    { name: "an empty note (absent is null)", bundle: { ...messageBundle, note: "" } },
    {
      name: "context shared without consent",
      bundle: { ...messageBundle, evidence: { ...evidence, contextConsent: false } },
    },
    {
      name: "an undecryptable message with a body",
      bundle: {
        ...messageBundle,
        evidence: {
          ...evidence,
          context: [{ ...first, kind: "undecryptable", body: "x" }, ...others],
        },
      },
    },
    {
      name: "a sender that is not a full user ID",
      bundle: {
        ...messageBundle,
        evidence: { ...evidence, reported: { ...evidence.reported, sender: "@alex" } },
      },
    },
    {
      name: "a location that does not name the evidence",
      bundle: {
        ...messageBundle,
        notice: {
          ...messageBundle.notice,
          location: { kind: "room-events", roomId: REPORT_ROOM, eventIds: ["$event5"] },
        },
      },
    },
    {
      name: "the same event twice",
      bundle: {
        ...messageBundle,
        evidence: { ...evidence, context: [evidence.reported, ...evidence.context] },
        notice: {
          ...messageBundle.notice,
          location: {
            kind: "room-events",
            roomId: REPORT_ROOM,
            eventIds: [
              evidence.reported.eventId,
              evidence.reported.eventId,
              ...evidence.context.map((m) => m.eventId),
            ],
          },
        },
      },
    },
    {
      name: "a withheld reporter with a user ID",
      bundle: {
        ...profileBundle,
        notice: {
          ...profileBundle.notice,
          reporter: { kind: "withheld", basis: "dsa-art-16-2-c", userId: NOOR },
        },
      },
    },
    {
      name: "a time that is not whole milliseconds",
      bundle: { ...profileBundle, createdAt: 1.5 },
    },
    {
      name: "reported media of a message the bundle does not carry",
      bundle: { ...mediaBundle, media: [{ ...REPORTED_PHOTO, eventId: "$elsewhere" }] },
    },
    {
      name: "reported media at a URL that is not mxc://",
      bundle: {
        ...mediaBundle,
        media: [
          {
            ...REPORTED_PHOTO,
            file: { ...REPORTED_PHOTO.file, url: "https://tracker.example/p.jpg" },
          },
        ],
      },
    },
    { name: "an empty media list (absent means none)", bundle: { ...mediaBundle, media: [] } },
  ];
  return {
    description:
      "Report bundles (docs/protocol.md, 'Report bundle'). `valid`: createReportBundle(input) " +
      "with the environment's clock and random bytes (hex) gives `bundle`, which the parser " +
      "accepts unchanged. `invalid`: the parser refuses `bundle` with these `problems` (the " +
      "wording is this implementation's; another one must refuse, its words may differ).",
    valid: [
      {
        name: "a message report, named reporter, with context",
        input: messageInput(),
        environment: MESSAGE_ENVIRONMENT,
        bundle: messageBundle,
      },
      {
        name: "a profile report, reporter withheld",
        input: profileInput(),
        environment: PROFILE_ENVIRONMENT,
        bundle: profileBundle,
      },
      {
        name: "a message report with a reported photo (its re-encrypted copy's keys)",
        input: mediaInput(),
        environment: MESSAGE_ENVIRONMENT,
        bundle: mediaBundle,
      },
    ],
    invalid: invalid.map((vector) => {
      const parsed = parseReportBundle(vector.bundle);
      if (parsed.ok) throw new Error(`vector "${vector.name}" parses`);
      return { ...vector, problems: parsed.problems };
    }),
  };
}

// ---------------------------------------------------------------------------
// report-seal.json and report-parts.json

type SealKeys = {
  team: ModerationKeyPair;
  teamSecretSeed: Uint8Array;
  otherTeam: ModerationKeyPair;
  reporter: Ed25519Seeded;
};

function sealKeys(s: Sodium): SealKeys {
  const teamSecret = filled(32, 0x08);
  const otherSecret = filled(32, 0x0a);
  return {
    team: { publicKey: s.crypto_scalarmult_base(teamSecret), secretKey: teamSecret },
    teamSecretSeed: teamSecret,
    otherTeam: { publicKey: s.crypto_scalarmult_base(otherSecret), secretKey: otherSecret },
    reporter: ed25519(s, 0x09),
  };
}

/** A box from `previous` when it still opens to `envelope`, otherwise a fresh one. */
function sealedBox(
  s: Sodium,
  envelope: Uint8Array,
  recipient: ModerationKeyPair,
  previous: string | undefined,
): string {
  if (previous !== undefined) {
    const box = fromBase64UrlOfAnyLength(s, previous);
    try {
      if (
        box !== undefined &&
        hex(s.crypto_box_seal_open(box, recipient.publicKey, recipient.secretKey)) === hex(envelope)
      ) {
        return previous;
      }
    } catch {
      // Sealed to another key or altered: seal again.
    }
  }
  return toBase64Url(s, s.crypto_box_seal(envelope, recipient.publicKey));
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

type SealedVector = {
  readonly name: string;
  readonly sealedTo: "team" | "otherTeam";
  readonly openedWith: "team" | "otherTeam";
  readonly bundleJson?: string;
  readonly signingInput?: string;
  readonly signature?: string;
  readonly envelope?: string;
  readonly sealed: string;
  readonly opened: unknown;
};

type SealFile = {
  readonly valid: readonly SealedVector[];
  readonly invalid: readonly SealedVector[];
};

async function sealVectors(s: Sodium, previous: Partial<SealFile> | undefined) {
  const keys = sealKeys(s);
  const keyOf = (name: "team" | "otherTeam"): ModerationKeyPair =>
    name === "team" ? keys.team : keys.otherTeam;
  const encoder = new TextEncoder();
  const messageJson = JSON.stringify(createBundle(messageInput(), MESSAGE_ENVIRONMENT));
  const profileJson = JSON.stringify(createBundle(profileInput(), PROFILE_ENVIRONMENT));
  const changedJson = JSON.stringify({
    ...createBundle(messageInput(), MESSAGE_ENVIRONMENT),
    category: "scam-or-spam",
  });
  const unsigned = (bytes: Uint8Array): Uint8Array => concat(Uint8Array.of(1, 0), bytes);
  const signedFor = (json: string) => {
    const bytes = encoder.encode(json);
    const input = reportSigningInput(keys.team.publicKey, bytes);
    const signature = s.crypto_sign_detached(input, keys.reporter.secretKey);
    return {
      signingInput: hex(input),
      signature: toBase64Url(s, signature),
      envelope: concat(Uint8Array.of(1, 1), keys.reporter.publicKey, signature, bytes),
    };
  };
  const named = signedFor(messageJson);

  type Draft = {
    readonly name: string;
    readonly envelope: Uint8Array;
    readonly sealedTo?: "team" | "otherTeam";
    readonly openedWith?: "team" | "otherTeam";
    readonly bundleJson?: string;
    readonly signingInput?: string;
    readonly signature?: string;
  };
  const finish = async (drafts: readonly Draft[], recorded: readonly SealedVector[] | undefined) =>
    Promise.all(
      drafts.map(async ({ envelope, sealedTo = "team", openedWith = "team", ...vector }, i) => {
        const sealed = sealedBox(s, envelope, keyOf(sealedTo), recorded?.[i]?.sealed);
        const bytes = fromBase64UrlOfAnyLength(s, sealed);
        if (bytes === undefined) throw new Error("sealed text");
        return {
          ...vector,
          sealedTo,
          openedWith,
          envelope: hex(envelope),
          sealed,
          opened: asJson(await openSealedReport(bytes, keyOf(openedWith))),
        };
      }),
    );

  const valid = await finish(
    [
      { name: "a message report naming its reporter: signed", bundleJson: messageJson, ...named },
      {
        name: "a profile report withholding the reporter: unsigned",
        bundleJson: profileJson,
        envelope: unsigned(encoder.encode(profileJson)),
      },
    ],
    previous?.valid,
  );
  const invalid = await finish(
    [
      { name: "sealed to another team's key", envelope: named.envelope, sealedTo: "otherTeam" },
      {
        name: "an unknown envelope version",
        envelope: concat(Uint8Array.of(2, 0), encoder.encode(profileJson)),
      },
      {
        name: "unknown envelope flags",
        envelope: concat(Uint8Array.of(1, 2), encoder.encode(profileJson)),
      },
      { name: "a signed envelope with no bundle", envelope: named.envelope.slice(0, 2 + 32 + 64) },
      { name: "a bundle that is not UTF-8", envelope: unsigned(Uint8Array.of(0xff, 0xfe, 0x7b)) },
      {
        name: "a bundle that breaks the format",
        envelope: unsigned(encoder.encode('{"version":2}')),
      },
      {
        name: "the bundle changed after signing: opens, signature invalid",
        envelope: concat(named.envelope.slice(0, 2 + 32 + 64), encoder.encode(changedJson)),
      },
      {
        name: "signed for one team, re-sealed to another: signature invalid there",
        envelope: named.envelope,
        sealedTo: "otherTeam",
        openedWith: "otherTeam",
      },
    ],
    previous?.invalid,
  );
  const tooShort = filled(49, 0);
  return {
    description:
      "Sealed reports (docs/protocol.md, 'Sealed report'). A sealed box is not " +
      "deterministic (a fresh ephemeral key per box): `envelope` (hex) is, and `sealed` " +
      "(base64url) must open to it with the secret key (X25519, hex) of `sealedTo`. " +
      "`signingInput` (hex) and `signature` are exact. `opened` is openSealedReport's result " +
      "with the key pair of `openedWith`.",
    keys: {
      team: { secretKey: hex(keys.team.secretKey), publicKey: toBase64Url(s, keys.team.publicKey) },
      otherTeam: {
        secretKey: hex(keys.otherTeam.secretKey),
        publicKey: toBase64Url(s, keys.otherTeam.publicKey),
      },
      reporter: {
        seed: hex(keys.reporter.seed),
        publicKey: toBase64Url(s, keys.reporter.publicKey),
      },
    },
    signatureContext: REPORT_SIGNATURE_CONTEXT,
    valid,
    invalid: [
      ...invalid,
      {
        name: "too short to be a sealed box",
        sealedTo: "team" as const,
        openedWith: "team" as const,
        sealed: toBase64Url(s, tooShort),
        opened: asJson(await openSealedReport(tooShort, keys.team)),
      },
    ],
  };
}

async function partsVectors(s: Sodium, sealed: readonly SealedVector[]): Promise<unknown> {
  const keys = sealKeys(s);
  const [named, withheld] = sealed;
  if (named === undefined || withheld === undefined) throw new Error("seal vectors");
  const eventReportId = createBundle(messageInput(), MESSAGE_ENVIRONMENT).reportId;
  const userReportId = createBundle(profileInput(), PROFILE_ENVIRONMENT).reportId;
  const eventParts = splitIntoParts(eventReportId, named.sealed, EVENT_REPORT_REASON_LIMIT);
  // The same sealed report under the user-report limit shows the cutting.
  const cutParts = splitIntoParts(eventReportId, named.sealed, USER_REPORT_REASON_LIMIT);
  const userParts = splitIntoParts(userReportId, withheld.sealed, USER_REPORT_REASON_LIMIT);
  const reasons: unknown[] = [
    ...[...cutParts].reverse(),
    cutParts[0],
    "spam spam spam",
    ...userParts,
  ];
  const parse = [
    cutParts[1],
    `sbd-report/1 ${userReportId} 3/2 AAAA`,
    `sbd-report/1 ${userReportId.toUpperCase()} 1/2 AAAA`,
    `sbd-report/1 ${userReportId} 1/2 `,
    `sbd-report/1 ${userReportId} 01/2 AAAA`,
    `sbd-report/1 ${userReportId} 1/999999 AAAA`,
    `sbd-report/2 ${userReportId} 1/1 AAAA`,
    42,
  ].map((reason) => ({ reason, part: parseReportPart(reason) ?? null }));
  return {
    description:
      "Report parts (docs/protocol.md, 'Report parts'): the sealed reports of " +
      "report-seal.json's `valid` vectors cut into reasons of at most `limit` characters " +
      "(1,000,000 for an event report, 1,000 for a user report; the first one is also cut " +
      "at 1,000 to show the scheme); how single reasons parse (null: not a part); and what " +
      "the moderator reads from reasons together (out of order, a repeat, a foreign reason), " +
      "opened with report-seal.json's team key.",
    split: [
      {
        reportId: eventReportId,
        payload: named.sealed,
        limit: EVENT_REPORT_REASON_LIMIT,
        parts: eventParts,
      },
      {
        reportId: eventReportId,
        payload: named.sealed,
        limit: USER_REPORT_REASON_LIMIT,
        parts: cutParts,
      },
      {
        reportId: userReportId,
        payload: withheld.sealed,
        limit: USER_REPORT_REASON_LIMIT,
        parts: userParts,
      },
    ],
    parse,
    read: { reasons, inbox: asJson(await readReportReasons(reasons, keys.team)) },
  };
}

// ---------------------------------------------------------------------------

/** Every vector file's content; `previous` (the files as they are) only lends its sealed boxes. */
export async function buildVectors(previous: VectorFiles = {}): Promise<VectorFiles> {
  const s = await readySodium();
  const keys = await ageKeys(s);
  const seal = await sealVectors(s, previous["report-seal.json"] as Partial<SealFile> | undefined);
  return {
    "codec.json": codecVectors(s),
    "age-attestation.json": await attestationVectors(s, keys),
    "age-presentation.json": await presentationVectors(s, keys),
    "report-bundle.json": bundleVectors(),
    "report-seal.json": seal,
    "report-parts.json": await partsVectors(s, seal.valid),
    "handoff.json": await handoffVectors(
      s,
      previous["handoff.json"] as Partial<HandoffFile> | undefined,
    ),
    "report-outcome.json": await outcomeVectors(
      s,
      previous["report-outcome.json"] as Partial<OutcomeFile> | undefined,
    ),
  };
}

// ---------------------------------------------------------------------------
// handoff.json

export type HandoffFile = {
  readonly keys: { readonly body: { readonly secretKey: string; readonly publicKey: string } };
  readonly valid: readonly {
    readonly name: string;
    readonly package: HandoffPackage;
    readonly file: SealedHandoffFile;
  }[];
  readonly invalid: readonly {
    readonly name: string;
    readonly package: unknown;
    readonly problems: readonly string[];
  }[];
  readonly invalidFiles: readonly {
    readonly name: string;
    readonly file: unknown;
    readonly problems: readonly string[];
  }[];
};

/** The body's X25519 key pair of the handoff vectors: secret 0x0b… */
export function handoffBodyKey(s: Sodium): ModerationKeyPair {
  const secretKey = filled(32, 0x0b);
  return { publicKey: s.crypto_scalarmult_base(secretKey), secretKey };
}

async function handoffOf(bundle: ReportBundle, identified: boolean): Promise<HandoffPackage> {
  const built = await buildHandoffPackage({
    bundle,
    bundleSha256: "5d".repeat(32),
    receivedAt: 1_700_000_150_000,
    handedOverAt: 1_700_003_600_000,
    recipient: { bodyId: "police", name: "Politie" },
    sender: { service: "safety-by-design chat (test vectors)", contact: "moderation@example.org" },
    ...(identified ? { notifierContact: { name: "Noor", email: "noor@example.org" } } : {}),
    goodFaithStatement: "Ik verklaar dat ik dit te goeder trouw meld.",
    moderatorNote: "Checked by two moderators.",
    media: [
      {
        role: "reported",
        // The reported message's picture: a media item belongs to a packaged message.
        eventId: "$event5",
        sender: ALEX,
        timestamp: 1_700_000_005_000,
        mimetype: "image/png",
        bytes: Uint8Array.from({ length: 16 }, (_, i) => i),
      },
    ],
    summary: { language: "nl", text: "Melding over een bericht dat om foto's vraagt." },
    randomBytes: (length) => filled(length, 0x0c),
  });
  if (!built.ok) throw new Error(built.problems.join("; "));
  return built.package;
}

async function sealedHandoff(
  pkg: HandoffPackage,
  body: ModerationKeyPair,
  previous: SealedHandoffFile | undefined,
): Promise<SealedHandoffFile> {
  if (previous !== undefined) {
    const opened = await openHandoffFile(previous, body);
    if (opened.ok && JSON.stringify(opened.package) === JSON.stringify(pkg)) return previous;
  }
  const sealed = await sealHandoffPackage(pkg, body.publicKey);
  if (!sealed.ok) throw new Error(sealed.problems.join("; "));
  return sealed.file;
}

async function handoffVectors(
  s: Sodium,
  previous: Partial<HandoffFile> | undefined,
): Promise<unknown> {
  const body = handoffBodyKey(s);
  const named = await handoffOf(createBundle(messageInput(), MESSAGE_ENVIRONMENT), true);
  const withheld = await handoffOf(
    createBundle(
      { ...messageInput(), reporter: { userId: NOOR, includeIdentity: false } },
      MESSAGE_ENVIRONMENT,
    ),
    false,
  );
  const previousFile = (name: string) => previous?.valid?.find((v) => v.name === name)?.file;
  const valid = [
    { name: "a named message report with a media item", package: named },
    {
      name: "a withheld message report: no notifier, the reporter's own message without sender",
      package: withheld,
    },
  ];
  const [first, ...rest] = named.evidence;
  const invalidPackages: { name: string; package: unknown }[] = [
    { name: "not an object", package: [] },
    { name: "a future version", package: { ...named, version: 2 } },
    { name: "an unknown field", package: { ...named, extra: true } },
    { name: "an unknown category", package: { ...named, category: "rude" } },
    {
      name: "a notifier's contact in a withheld notice",
      package: {
        ...named,
        notice: {
          ...named.notice,
          notifier: { kind: "withheld", basis: "dsa-art-16-2-c", email: "x@y" },
        },
      },
    },
    {
      name: "a location that is not the evidence",
      package: {
        ...named,
        notice: { ...named.notice, location: { kind: "user-profile", userId: ALEX } },
      },
    },
    {
      name: "a digest that is not SHA-256 hex",
      package: { ...named, evidence: [{ ...first, sha256: "00" }, ...rest] },
    },
  ];
  const namedFile = await sealedHandoff(named, body, previousFile(valid[0]?.name ?? ""));
  const invalidFiles: { name: string; file: unknown }[] = [
    { name: "another format", file: { ...namedFile, format: "zip" } },
    {
      name: "sealed to another body",
      file: { ...namedFile, recipientKey: toBase64Url(s, filled(32, 0x0d)) },
    },
    {
      name: "an altered box",
      file: { ...namedFile, sealed: `${namedFile.sealed.slice(0, -4)}AAAA` },
    },
  ];
  return {
    description:
      "Handoff packages (docs/handoff-package.md). `keys.body` is the receiving body's X25519 key pair " +
      "(base64url). Each valid `file` MUST open with it to exactly `package` (openHandoffFile); " +
      "each invalid `package` MUST be refused by parseHandoffPackage with `problems`, each invalid `file` " +
      "by openHandoffFile. Digests: SHA-256 of a message body's UTF-8 bytes, of a media item's bytes.",
    keys: {
      body: {
        secretKey: toBase64Url(s, body.secretKey),
        publicKey: toBase64Url(s, body.publicKey),
      },
    },
    valid: [
      { ...valid[0], file: namedFile },
      {
        ...valid[1],
        file: await sealedHandoff(withheld, body, previousFile(valid[1]?.name ?? "")),
      },
    ],
    invalid: invalidPackages.map((v) => {
      const parsed = parseHandoffPackage(v.package);
      return { ...v, problems: parsed.ok ? [] : parsed.problems };
    }),
    invalidFiles: await Promise.all(
      invalidFiles.map(async (v) => {
        const opened = await openHandoffFile(v.file, body);
        return { ...v, problems: opened.ok ? [] : opened.problems };
      }),
    ),
  };
}

// ---------------------------------------------------------------------------
// report-outcome.json (OUT): the outcome back to the reporter.

export type OutcomeFile = {
  readonly description: string;
  readonly replyKey: { readonly secretKey: string; readonly publicKey: string };
  readonly mailbox: string;
  readonly valid: readonly {
    readonly name: string;
    readonly outcome: ReportOutcome;
    readonly sealed: string;
  }[];
  readonly invalid: readonly { readonly name: string; readonly outcome: unknown }[];
  readonly invalidReplyChannels: readonly { readonly name: string; readonly replyTo: unknown }[];
};

/** The reporter's reply key of the outcome vectors: secret 0x0c… */
export function outcomeReplyKey(s: Sodium): ReplyKeyPair {
  const secretKey = filled(32, 0x0c);
  return {
    channel: {
      mailbox: "0c".repeat(16),
      publicKey: toBase64Url(s, s.crypto_scalarmult_base(secretKey)),
    },
    secretKey,
  };
}

const OUTCOME_REPORT_ID = "0c0d0e0f".repeat(4);

async function outcomeVectors(s: Sodium, previous: Partial<OutcomeFile> | undefined) {
  const reply = outcomeReplyKey(s);
  const base = {
    version: 1,
    reportId: OUTCOME_REPORT_ID,
    forwardedTo: null,
    reason: null,
    decidedAt: 1_765_000_000_000,
  } as const;
  const valid: { name: string; outcome: ReportOutcome }[] = [
    { name: "handled", outcome: { ...base, decision: "handled" } },
    {
      name: "forwarded to the police",
      outcome: { ...base, decision: "forwarded", forwardedTo: "politie" },
    },
    {
      name: "no action, not enough information",
      outcome: { ...base, decision: "no-action", reason: "not-enough-information" },
    },
  ];
  // A sealed box is random: keep the recorded one while it still opens to the same outcome.
  const sealedFor = async (name: string, outcome: ReportOutcome): Promise<string> => {
    const recorded = previous?.valid?.find((v) => v.name === name)?.sealed;
    if (recorded !== undefined) {
      const opened = await openReportOutcome(recorded, reply, outcome.reportId);
      // Compared as parsed (the parser fixes the field order).
      if (JSON.stringify(opened) === JSON.stringify(parseReportOutcome(outcome))) return recorded;
    }
    return sealReportOutcome(outcome, reply.channel);
  };
  const handled = { ...base, decision: "handled" };
  const invalid = [
    { name: "a body without forwarding", outcome: { ...handled, forwardedTo: "politie" } },
    { name: "forwarding without a body", outcome: { ...handled, decision: "forwarded" } },
    { name: "no action without a reason", outcome: { ...handled, decision: "no-action" } },
    {
      name: "free text as a reason",
      outcome: { ...handled, decision: "no-action", reason: "Je overdrijft" },
    },
    { name: "a field more", outcome: { ...handled, note: "intern" } },
    { name: "another version", outcome: { ...handled, version: 2 } },
    { name: "a report ID that is not 32 hex", outcome: { ...handled, reportId: "ABC" } },
  ];
  for (const v of invalid) {
    if (parseReportOutcome(v.outcome) !== undefined) throw new Error(`accepted: ${v.name}`);
  }
  const invalidReplyChannels = [
    { name: "a field more", replyTo: { ...reply.channel, userId: "@noor:localhost" } },
    { name: "an uppercase mailbox", replyTo: { ...reply.channel, mailbox: "0C".repeat(16) } },
    { name: "a short key", replyTo: { ...reply.channel, publicKey: "AAAA" } },
  ];
  for (const v of invalidReplyChannels) {
    if (parseReplyChannel(v.replyTo) !== undefined) throw new Error(`accepted: ${v.name}`);
  }
  return {
    description:
      "Report outcomes (docs/protocol.md, section 6, 'Reply channel and the report outcome'). " +
      "`replyKey` is the reporter's X25519 key pair (base64url), `mailbox` the reply channel's mailbox. " +
      "Each valid `sealed` MUST open with the reply key to exactly `outcome` (openReportOutcome, for its reportId); " +
      "each invalid `outcome` MUST be refused by parseReportOutcome, each invalid `replyTo` by parseReplyChannel.",
    replyKey: {
      secretKey: toBase64Url(s, reply.secretKey),
      publicKey: reply.channel.publicKey,
    },
    mailbox: reply.channel.mailbox,
    valid: await Promise.all(
      valid.map(async (v) => ({ ...v, sealed: await sealedFor(v.name, v.outcome) })),
    ),
    invalid,
    invalidReplyChannels,
  };
}
