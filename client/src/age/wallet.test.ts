// Services layer, age assurance: the wallet asks the provider, verifies, stores, renews.
import { describe, expect, it, vi } from "vitest";
import {
  createHolderKeyPair,
  createIssuerKeyPair,
  createPresentation,
  issueAgeAttestation,
  type AgeAttestation,
  type AttestedAgeBand,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import {
  RENEW_BEFORE_MS,
  forgetWallet,
  loadOwnAge,
  walletStorageKey,
  type OwnAge,
  type WalletDependencies,
} from "./wallet.ts";

const NOOR = "@noor:localhost";
const MARK = "@mark:localhost";
const PROVIDER = "https://age.example";
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const TOKEN = { access_token: "openid-token-for-noor", matrix_server_name: "localhost" };

type MemoryStorage = WalletDependencies["storage"] & { readonly items: Map<string, string> };

function memoryStorage(): MemoryStorage {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

type StoredWallet = {
  holder: { publicKey: string; secretKey: string };
  attestation?: AgeAttestation;
};

function stored(storage: MemoryStorage, userId = NOOR): StoredWallet | undefined {
  const text = storage.items.get(walletStorageKey(userId));
  return text === undefined ? undefined : (JSON.parse(text) as StoredWallet);
}

type ProviderRequest = {
  readonly url: string;
  readonly method: string | undefined;
  readonly body: { matrix_server_name: string; openid_token: string; holder_key: string };
};

/**
 * A fake age-assurance provider: by default it issues a real attestation for
 * the holder key in the request, as the demo provider does. `answer` lets a
 * test replace what it sends back.
 */
function provider(
  issuer: IssuerKeyPair,
  options: {
    band?: AttestedAgeBand;
    subject?: string;
    validForDays?: number;
    issuedAt?: () => number;
    answer?: (request: ProviderRequest) => Promise<Response>;
  } = {},
) {
  const requests: ProviderRequest[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const request: ProviderRequest = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method,
      body: JSON.parse(
        typeof init?.body === "string" ? init.body : "null",
      ) as ProviderRequest["body"],
    };
    requests.push(request);
    if (options.answer !== undefined) return options.answer(request);
    const attestation = await issueAgeAttestation(issuer, {
      subject: options.subject ?? NOOR,
      holderKey: request.body.holder_key,
      band: options.band ?? "13-15",
      now: options.issuedAt?.() ?? NOW,
      ...(options.validForDays === undefined ? {} : { validForDays: options.validForDays }),
    });
    return Response.json({ attestation });
  });
  return { fetch, requests };
}

type Setup = {
  issuer: IssuerKeyPair;
  storage: MemoryStorage;
  clock: { now: number };
  deps: (overrides?: Partial<WalletDependencies>) => WalletDependencies;
};

async function setup(): Promise<Setup> {
  const issuer = await createIssuerKeyPair();
  const storage = memoryStorage();
  const clock = { now: NOW };
  return {
    issuer,
    storage,
    clock,
    deps: (overrides = {}) => ({
      userId: NOOR,
      storage,
      trustedIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
      providerUrl: PROVIDER,
      openIdToken: () => Promise.resolve(TOKEN),
      fetch: provider(issuer).fetch,
      now: () => clock.now,
      ...overrides,
    }),
  };
}

function expectVerified(own: OwnAge): Extract<OwnAge, { status: "verified" }> {
  if (own.status !== "verified") throw new Error(`expected verified, got ${own.reason}`);
  return own;
}

describe("loadOwnAge: not configured", () => {
  it("is not-configured without a trusted issuer, and touches neither storage nor network", async () => {
    const { deps, storage } = await setup();
    const openIdToken = vi.fn(() => Promise.resolve(TOKEN));
    const fetch = vi.fn<typeof globalThis.fetch>();
    const own = await loadOwnAge(deps({ trustedIssuers: [], openIdToken, fetch }));
    expect(own).toEqual({ status: "unverified", reason: "not-configured" });
    expect(openIdToken).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    expect(storage.items.size).toBe(0);
  });

  it("is not-configured without a provider URL", async () => {
    const { deps, storage } = await setup();
    const fetch = vi.fn<typeof globalThis.fetch>();
    const own = await loadOwnAge(deps({ providerUrl: undefined, fetch }));
    expect(own).toEqual({ status: "unverified", reason: "not-configured" });
    expect(fetch).not.toHaveBeenCalled();
    expect(storage.items.size).toBe(0);
  });
});

describe("loadOwnAge: asking the provider", () => {
  it("makes a holder key, asks with an OpenID token and stores the verified attestation", async () => {
    const { issuer, deps, storage } = await setup();
    const { fetch, requests } = provider(issuer, { band: "13-15" });
    const own = expectVerified(await loadOwnAge(deps({ fetch })));

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe(`${PROVIDER}/v1/attestations`);
    expect(request?.method).toBe("POST");
    const wallet = stored(storage);
    expect(request?.body).toEqual({
      matrix_server_name: "localhost",
      openid_token: TOKEN.access_token,
      holder_key: wallet?.holder.publicKey,
    });
    // Only the public half leaves the device.
    expect(JSON.stringify(request?.body)).not.toContain(wallet?.holder.secretKey);

    expect(own.band).toBe("13-15");
    expect(own.credentials.holder).toEqual(wallet?.holder);
    expect(own.credentials.attestation).toEqual(wallet?.attestation);
    expect(own.validUntil).toBe((wallet?.attestation?.expiresAt ?? 0) * 1000);
    expect(wallet?.attestation?.holderKey).toBe(wallet?.holder.publicKey);
  });

  it("hands out credentials that make presentations (the holder key pair is real)", async () => {
    const { deps } = await setup();
    const own = expectVerified(await loadOwnAge(deps()));
    const presentation = await createPresentation(
      own.credentials.holder,
      own.credentials.attestation,
      { audienceUserId: MARK, now: NOW },
    );
    expect(presentation.attestation).toEqual(own.credentials.attestation);
  });

  it("makes the holder key once and keeps it, also when the provider has no age on record", async () => {
    const { issuer, deps, storage } = await setup();
    const { fetch, requests } = provider(issuer, {
      answer: () => Promise.resolve(Response.json({ errcode: "NOT_VERIFIED" }, { status: 404 })),
    });
    expect(await loadOwnAge(deps({ fetch }))).toEqual({
      status: "unverified",
      reason: "not-verified",
    });
    const holder = stored(storage)?.holder;
    expect(holder?.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored(storage)?.attestation).toBeUndefined();

    await loadOwnAge(deps({ fetch }));
    expect(stored(storage)?.holder).toEqual(holder);
    expect(requests.map((r) => r.body.holder_key)).toEqual([holder?.publicKey, holder?.publicKey]);
  });

  it("keeps one wallet per account", async () => {
    const { issuer, deps, storage } = await setup();
    await loadOwnAge(deps());
    const mark = await loadOwnAge(
      deps({ userId: MARK, fetch: provider(issuer, { subject: MARK, band: "18+" }).fetch }),
    );
    expect(expectVerified(mark).band).toBe("18+");
    expect(stored(storage, MARK)?.holder.publicKey).not.toBe(stored(storage)?.holder.publicKey);
  });

  it("reuses a stored attestation that is valid for a while yet, without a network call", async () => {
    const { issuer, deps, clock } = await setup();
    const { fetch } = provider(issuer);
    const openIdToken = vi.fn(() => Promise.resolve(TOKEN));
    const first = expectVerified(await loadOwnAge(deps({ fetch, openIdToken })));
    clock.now = first.validUntil - RENEW_BEFORE_MS - DAY;
    const again = expectVerified(await loadOwnAge(deps({ fetch, openIdToken })));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(openIdToken).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
  });

  it("renews within RENEW_BEFORE_MS of expiry and stores the new attestation", async () => {
    const { issuer, deps, clock, storage } = await setup();
    const { fetch } = provider(issuer, { issuedAt: () => clock.now });
    const first = expectVerified(await loadOwnAge(deps({ fetch })));
    clock.now = first.validUntil - RENEW_BEFORE_MS + 60_000;
    const renewed = expectVerified(await loadOwnAge(deps({ fetch })));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(renewed.credentials.attestation.id).not.toBe(first.credentials.attestation.id);
    expect(renewed.validUntil).toBeGreaterThan(first.validUntil);
    expect(renewed.credentials.holder).toEqual(first.credentials.holder);
    expect(stored(storage)?.attestation).toEqual(renewed.credentials.attestation);
  });

  it("asks again for a stored attestation that has expired", async () => {
    const { issuer, deps, clock } = await setup();
    const { fetch } = provider(issuer, { issuedAt: () => clock.now, validForDays: 10 });
    const first = expectVerified(await loadOwnAge(deps({ fetch })));
    clock.now = first.validUntil + DAY;
    const renewed = expectVerified(await loadOwnAge(deps({ fetch })));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(renewed.validUntil).toBeGreaterThan(clock.now);
  });
});

describe("loadOwnAge: when the provider fails", () => {
  const failures: [string, () => Promise<Response>, OwnAge][] = [
    [
      "a network error",
      () => Promise.reject(new TypeError("fetch failed")),
      { status: "unverified", reason: "provider-unreachable" },
    ],
    [
      "a server error",
      () => Promise.resolve(new Response("oops", { status: 500 })),
      { status: "unverified", reason: "provider-refused" },
    ],
    [
      "an unknown token",
      () => Promise.resolve(Response.json({ errcode: "UNKNOWN_TOKEN" }, { status: 401 })),
      { status: "unverified", reason: "provider-refused" },
    ],
    [
      "no age check on record",
      () => Promise.resolve(Response.json({ errcode: "NOT_VERIFIED" }, { status: 404 })),
      { status: "unverified", reason: "not-verified" },
    ],
  ];

  for (const [name, answer, expected] of failures) {
    it(`is unverified after ${name}, and stores no attestation`, async () => {
      const { issuer, deps, storage } = await setup();
      const own = await loadOwnAge(deps({ fetch: provider(issuer, { answer }).fetch }));
      expect(own).toEqual(expected);
      expect(stored(storage)?.holder.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(stored(storage)?.attestation).toBeUndefined();
    });
  }

  it("is provider-unreachable when no OpenID token can be had", async () => {
    const { deps } = await setup();
    const fetch = vi.fn<typeof globalThis.fetch>();
    const own = await loadOwnAge(
      deps({ fetch, openIdToken: () => Promise.reject(new Error("homeserver down")) }),
    );
    expect(own).toEqual({ status: "unverified", reason: "provider-unreachable" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("keeps a still-valid attestation when renewing it fails", async () => {
    const { issuer, deps, clock, storage } = await setup();
    const first = expectVerified(await loadOwnAge(deps()));
    clock.now = first.validUntil - RENEW_BEFORE_MS / 2;
    const down = provider(issuer, { answer: () => Promise.reject(new TypeError("offline")) });
    expect(await loadOwnAge(deps({ fetch: down.fetch }))).toEqual(first);
    const refusing = provider(issuer, {
      answer: () => Promise.resolve(new Response("", { status: 503 })),
    });
    expect(await loadOwnAge(deps({ fetch: refusing.fetch }))).toEqual(first);
    const garbage = provider(issuer, { answer: () => Promise.resolve(new Response("{")) });
    expect(await loadOwnAge(deps({ fetch: garbage.fetch }))).toEqual(first);
    expect(down.fetch).toHaveBeenCalledTimes(1);
    expect(refusing.fetch).toHaveBeenCalledTimes(1);
    expect(stored(storage)?.attestation).toEqual(first.credentials.attestation);
  });

  it("does not fall back to a stored attestation that has expired", async () => {
    const { issuer, deps, clock } = await setup();
    const first = expectVerified(await loadOwnAge(deps()));
    clock.now = first.validUntil;
    const down = provider(issuer, { answer: () => Promise.reject(new TypeError("offline")) });
    expect(await loadOwnAge(deps({ fetch: down.fetch }))).toEqual({
      status: "unverified",
      reason: "provider-unreachable",
    });
  });
});

describe("loadOwnAge: an answer that does not verify is never stored", () => {
  type Case = [string, (issuer: IssuerKeyPair, holderKey: string) => Promise<Response>];
  const respond = (attestation: unknown): Response => Response.json({ attestation });
  const cases: Case[] = [
    [
      "an attestation for another subject",
      async (issuer, holderKey) =>
        respond(
          await issueAgeAttestation(issuer, { subject: MARK, holderKey, band: "18+", now: NOW }),
        ),
    ],
    [
      "an attestation for another holder key",
      async (issuer) => {
        const other = await createHolderKeyPair();
        return respond(
          await issueAgeAttestation(issuer, {
            subject: NOOR,
            holderKey: other.publicKey,
            band: "13-15",
            now: NOW,
          }),
        );
      },
    ],
    [
      "an attestation by an issuer this installation does not trust",
      async (_issuer, holderKey) => {
        const untrusted = await createIssuerKeyPair();
        return respond(
          await issueAgeAttestation(untrusted, { subject: NOOR, holderKey, band: "18+", now: NOW }),
        );
      },
    ],
    [
      "an attestation that has already expired",
      async (issuer, holderKey) =>
        respond(
          await issueAgeAttestation(issuer, {
            subject: NOOR,
            holderKey,
            band: "13-15",
            now: NOW - 20 * 24 * 60 * 60 * 1000,
            validForDays: 10,
          }),
        ),
    ],
    [
      "a tampered band",
      async (issuer, holderKey) => {
        const real = await issueAgeAttestation(issuer, {
          subject: NOOR,
          holderKey,
          band: "13-15",
          now: NOW,
        });
        return respond({ ...real, band: "18+" });
      },
    ],
    ["garbage JSON", () => Promise.resolve(new Response("<html>not json"))],
    ["JSON null", () => Promise.resolve(new Response("null"))],
    ["JSON without an attestation", () => Promise.resolve(Response.json({ ok: true }))],
    ["a string for an attestation", () => Promise.resolve(respond("attestation"))],
  ];

  for (const [name, answer] of cases) {
    it(`refuses ${name}`, async () => {
      const { issuer, deps, storage } = await setup();
      const fetch = provider(issuer, {
        answer: (request) => answer(issuer, request.body.holder_key),
      }).fetch;
      const own = await loadOwnAge(deps({ fetch }));
      expect(own).toEqual({ status: "unverified", reason: "invalid-attestation" });
      expect(stored(storage)?.attestation).toBeUndefined();
      // Nothing was kept, so the next start asks again.
      await loadOwnAge(deps({ fetch }));
      expect(fetch).toHaveBeenCalledTimes(2);
    });
  }
});

describe("loadOwnAge: storage", () => {
  const corrupted = [
    "not json",
    "null",
    "[]",
    JSON.stringify({}),
    JSON.stringify({ holder: null }),
    JSON.stringify({ holder: { publicKey: 1, secretKey: "x" } }),
    JSON.stringify({ holder: { publicKey: "x" } }),
  ];

  for (const text of corrupted) {
    it(`makes a fresh holder key when the stored wallet is ${text}`, async () => {
      const { issuer, deps, storage } = await setup();
      storage.setItem(walletStorageKey(NOOR), text);
      const { fetch, requests } = provider(issuer);
      const own = expectVerified(await loadOwnAge(deps({ fetch })));
      const wallet = stored(storage);
      expect(wallet?.holder.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(requests[0]?.body.holder_key).toBe(wallet?.holder.publicKey);
      expect(own.credentials.holder).toEqual(wallet?.holder);
    });
  }

  it("does not trust a stored attestation bound to another holder key", async () => {
    const { issuer, deps, storage } = await setup();
    const first = expectVerified(await loadOwnAge(deps()));
    const otherHolder = await createHolderKeyPair();
    storage.setItem(
      walletStorageKey(NOOR),
      JSON.stringify({ holder: otherHolder, attestation: first.credentials.attestation }),
    );
    const { fetch, requests } = provider(issuer);
    const own = expectVerified(await loadOwnAge(deps({ fetch })));
    expect(requests[0]?.body.holder_key).toBe(otherHolder.publicKey);
    expect(own.credentials.holder).toEqual(otherHolder);
  });

  it("forgetWallet removes the holder key and attestation (sign-out)", async () => {
    const { deps, storage } = await setup();
    await loadOwnAge(deps());
    expect(stored(storage)).toBeDefined();
    forgetWallet(storage, NOOR);
    expect(stored(storage)).toBeUndefined();
  });
});
