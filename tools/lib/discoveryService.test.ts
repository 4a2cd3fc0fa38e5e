// The discovery gatekeeper against a fake homeserver (OpenID userinfo only)
// and real age attestations and presentations: who may register and search,
// what a search returns to whom, and what it never returns.
import { createServer, type Server } from "node:http";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createHolderKeyPair,
  createIssuerKeyPair,
  createPresentation,
  issueAgeAttestation,
  type AgeAttestation,
  type AttestedAgeBand,
  type HolderKeyPair,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import { SEARCH_LIMIT, discoveryServiceAudience } from "@safety-by-design/client/actors";
import {
  MAX_PRESENTATION_AGE_MS,
  MAX_REGISTRATION_MS,
  startDiscoveryService,
  type DiscoveryService,
} from "./discoveryService.ts";

const SERVER = "localhost";
const AUDIENCE = discoveryServiceAudience(SERVER);
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 10, 23, 12, 0, 0);

/** A token per user: "token-<localpart>". */
async function fakeHomeserver(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const token = url.searchParams.get("access_token") ?? "";
    if (url.pathname === "/_matrix/federation/v1/openid/userinfo" && token.startsWith("token-")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ sub: `@${token.slice("token-".length)}:${SERVER}` }));
      return;
    }
    response.writeHead(401, { "content-type": "application/json" });
    response.end(JSON.stringify({ errcode: "M_UNKNOWN_TOKEN" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}` };
}

let issuer: IssuerKeyPair;
beforeAll(async () => {
  issuer = await createIssuerKeyPair();
});

const clock = { now: START };
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
  clock.now = START;
});

async function gatekeeper(
  options: { searchBurst?: number; searchRefillMs?: number } = {},
): Promise<DiscoveryService> {
  const homeserver = await fakeHomeserver();
  const service = await startDiscoveryService({
    homeserver: { url: homeserver.url, serverName: SERVER },
    trustedIssuers: [{ keyId: issuer.keyId, publicKey: issuer.publicKey }],
    port: 0,
    now: () => clock.now,
    ...options,
  });
  cleanup.push(
    () => service.close(),
    () =>
      new Promise<void>((resolve) => {
        homeserver.server.close(() => {
          resolve();
        });
      }),
  );
  return service;
}

type Person = {
  readonly name: string;
  readonly userId: string;
  readonly holder: HolderKeyPair;
  readonly attestation: AgeAttestation;
};

async function person(
  name: string,
  band: AttestedAgeBand,
  options: { by?: IssuerKeyPair; validForDays?: number } = {},
): Promise<Person> {
  const userId = `@${name}:${SERVER}`;
  const holder = await createHolderKeyPair();
  const attestation = await issueAgeAttestation(options.by ?? issuer, {
    subject: userId,
    holderKey: holder.publicKey,
    band,
    now: START - DAY,
    ...(options.validForDays === undefined ? {} : { validForDays: options.validForDays }),
  });
  return { name, userId, holder, attestation };
}

/** A fresh presentation made for the gatekeeper (or another audience), now. */
function proof(of: Person, audience = AUDIENCE, now = clock.now) {
  return createPresentation(of.holder, of.attestation, { audienceUserId: audience, now });
}

function post(service: DiscoveryService, path: string, body: unknown, method = "POST") {
  return fetch(`${service.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function register(
  service: DiscoveryService,
  who: Person,
  allowed: readonly AttestedAgeBand[],
  extra: Record<string, unknown> = {},
): Promise<Response> {
  return post(service, "/v1/registration", {
    openid_token: `token-${who.name}`,
    matrix_server_name: SERVER,
    presentation: await proof(who),
    display_name: `${who.name.slice(0, 1).toUpperCase()}${who.name.slice(1)}`,
    allowed_bands: allowed,
    expires_at: clock.now + 7 * DAY,
    ...extra,
  });
}

async function search(
  service: DiscoveryService,
  who: Person | { name: string },
  term: string,
  viewable: readonly AttestedAgeBand[],
  presentation?: unknown,
): Promise<Response> {
  return post(service, "/v1/search", {
    openid_token: `token-${who.name}`,
    matrix_server_name: SERVER,
    presentation: presentation ?? ("holder" in who ? await proof(who) : undefined),
    term,
    viewable_bands: viewable,
  });
}

async function found(response: Response): Promise<unknown[]> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: unknown[] }).results;
}

const TEENS: readonly AttestedAgeBand[] = ["13-15", "16-17"];
const ADULTS: readonly AttestedAgeBand[] = ["18+"];

describe("the discovery gatekeeper", () => {
  it("listens on the loopback address only and lets the client's origin ask (CORS)", async () => {
    const service = await gatekeeper();
    expect(new URL(service.url).hostname).toBe("127.0.0.1");
    const preflight = await fetch(`${service.url}/v1/registration`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
    expect((await fetch(`${service.url}/v1/registrations`)).status).toBe(404);
  });

  it("shows an opted-in 16-17 to a 13-15 searcher, with the name and the band it verified", async () => {
    const service = await gatekeeper();
    const daan = await person("daan", "16-17");
    const noor = await person("noor", "13-15");
    expect((await register(service, daan, TEENS)).status).toBe(200);
    expect(await found(await search(service, noor, "daan", TEENS))).toEqual([
      { user_id: daan.userId, display_name: "Daan", band: "16-17" },
    ]);
  });

  it("shows him to nobody his own engine did not allow: not to a verified adult, whatever it claims", async () => {
    const service = await gatekeeper();
    const daan = await person("daan", "16-17");
    const alex = await person("alex", "18+");
    await register(service, daan, TEENS);
    expect(await found(await search(service, alex, "daan", ADULTS))).toEqual([]);
    // A modified client that claims it may see teens changes nothing: the allowed bands decide.
    expect(await found(await search(service, alex, "daan", ["13-15", "16-17", "18+"]))).toEqual([]);
  });

  it("never lists an adult to a teen whose engine cannot see adults, whatever the adult allowed", async () => {
    const service = await gatekeeper();
    const mallory = await person("mallory", "18+");
    const noor = await person("noor", "13-15");
    // A modified client registers an adult as findable by 13-15.
    expect((await register(service, mallory, ["13-15", "18+"])).status).toBe(200);
    expect(await found(await search(service, noor, "mallory", TEENS))).toEqual([]);
  });

  it("gives an account without a valid presentation nothing, and lists nobody for it", async () => {
    const service = await gatekeeper();
    const daan = await person("daan", "16-17");
    await register(service, daan, TEENS);
    const mark = { name: "mark" };
    const withoutProof = await search(service, mark, "daan", TEENS);
    expect(withoutProof.status).toBe(403);
    expect(await withoutProof.json()).toMatchObject({ errcode: "NOT_VERIFIED" });

    const registration = await post(service, "/v1/registration", {
      openid_token: "token-mark",
      matrix_server_name: SERVER,
      allowed_bands: TEENS,
      expires_at: clock.now + DAY,
    });
    expect(registration.status).toBe(403);
    const noor = await person("noor", "13-15");
    expect(await found(await search(service, noor, "mark", ["13-15", "16-17", "18+"]))).toEqual([]);
  });

  it("rejects presentations that are forged, for someone else, another person's, replayed or stale", async () => {
    const service = await gatekeeper();
    const noor = await person("noor", "13-15");
    const stranger = await person("noor", "13-15", { by: await createIssuerKeyPair() });
    const lotte = await person("lotte", "13-15");
    const reused = await proof(noor);
    const cases: [string, Response][] = [
      ["untrusted issuer", await search(service, noor, "daan", TEENS, await proof(stranger))],
      [
        "made for Lotte",
        await search(service, noor, "daan", TEENS, await proof(noor, lotte.userId)),
      ],
      ["Lotte's own", await search(service, noor, "daan", TEENS, await proof(lotte))],
      ["first use", await search(service, noor, "daan", TEENS, reused)],
      ["replayed", await search(service, noor, "daan", TEENS, reused)],
      [
        "stale",
        await search(
          service,
          noor,
          "daan",
          TEENS,
          await proof(noor, AUDIENCE, clock.now - MAX_PRESENTATION_AGE_MS - 60_000),
        ),
      ],
    ];
    expect(cases.map(([what, response]) => [what, response.status])).toEqual([
      ["untrusted issuer", 403],
      ["made for Lotte", 403],
      ["Lotte's own", 403],
      ["first use", 200],
      ["replayed", 403],
      ["stale", 403],
    ]);
  });

  it("refuses unknown tokens, other servers' users and malformed requests", async () => {
    const service = await gatekeeper();
    const noor = await person("noor", "13-15");
    const body = {
      matrix_server_name: SERVER,
      presentation: await proof(noor),
      term: "daan",
      viewable_bands: TEENS,
    };
    expect((await post(service, "/v1/search", { ...body, openid_token: "forged" })).status).toBe(
      401,
    );
    expect(
      (
        await post(service, "/v1/search", {
          ...body,
          openid_token: "token-noor",
          matrix_server_name: "elsewhere.example",
        })
      ).status,
    ).toBe(401);
    for (const broken of [
      { ...body, openid_token: "token-noor", term: "d" },
      { ...body, openid_token: "token-noor", viewable_bands: ["21+"] },
      { ...body, openid_token: "token-noor", viewable_bands: "13-15" },
    ]) {
      expect((await post(service, "/v1/search", broken)).status).toBe(400);
    }
    const notJson = await fetch(`${service.url}/v1/search`, { method: "POST", body: "[" });
    expect(notJson.status).toBe(400);
  });

  it("matches names and local parts, not the server name, and returns at most ten, exact first", async () => {
    const service = await gatekeeper();
    const noor = await person("noor", "13-15");
    const teens = await Promise.all(
      Array.from({ length: 12 }, (_, i) => person(`sam${String(i).padStart(2, "0")}`, "13-15")),
    );
    for (const teen of teens) await register(service, teen, TEENS);
    const exact = await person("sam", "16-17");
    await register(service, exact, TEENS);
    const results = (await found(await search(service, noor, "sam", TEENS))) as {
      user_id: string;
    }[];
    expect(results).toHaveLength(SEARCH_LIMIT);
    expect(results[0]?.user_id).toBe(exact.userId);
    expect(await found(await search(service, noor, "localhost", TEENS))).toEqual([]);
    expect(await found(await search(service, noor, "@sam0", TEENS))).toHaveLength(10);
  });

  it("rate-limits searches per searcher, and lets them search again later", async () => {
    const service = await gatekeeper({ searchBurst: 3, searchRefillMs: 10_000 });
    const noor = await person("noor", "13-15");
    const lotte = await person("lotte", "13-15");
    for (let i = 0; i < 3; i++)
      expect((await search(service, noor, "daan", TEENS)).status).toBe(200);
    const limited = await search(service, noor, "daan", TEENS);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ errcode: "RATE_LIMITED" });
    // Another searcher has their own allowance.
    expect((await search(service, lotte, "daan", TEENS)).status).toBe(200);
    clock.now += 10_000;
    expect((await search(service, noor, "daan", TEENS)).status).toBe(200);
  });

  it("forgets a person who opts out; opting out needs no age presentation", async () => {
    const service = await gatekeeper();
    const daan = await person("daan", "16-17");
    const noor = await person("noor", "13-15");
    await register(service, daan, TEENS);
    const out = await post(
      service,
      "/v1/registration",
      { openid_token: "token-daan", matrix_server_name: SERVER },
      "DELETE",
    );
    expect(out.status).toBe(200);
    expect(await found(await search(service, noor, "daan", TEENS))).toEqual([]);
  });

  it("lets a registration lapse: at its expiry, at most 30 days, never after the attestation", async () => {
    const service = await gatekeeper();
    const noor = await person("noor", "13-15");
    const daan = await person("daan", "16-17");
    const asked = (await (
      await register(service, daan, TEENS, { expires_at: START + 365 * DAY })
    ).json()) as { expires_at: number };
    expect(asked.expires_at).toBe(START + MAX_REGISTRATION_MS);

    const shortLived = await person("lotte", "16-17", { validForDays: 3 });
    const capped = (await (
      await register(service, shortLived, TEENS, { expires_at: START + 7 * DAY })
    ).json()) as { expires_at: number };
    expect(capped.expires_at).toBe(shortLived.attestation.expiresAt * 1000);

    clock.now = shortLived.attestation.expiresAt * 1000;
    expect(await found(await search(service, noor, "lotte", TEENS))).toEqual([]);
    expect(await found(await search(service, noor, "daan", TEENS))).toHaveLength(1);
    const past = await register(service, daan, TEENS, { expires_at: clock.now - 1 });
    expect(past.status).toBe(400);
  });

  it("never returns the searcher themself, nor what others allowed or when they expire", async () => {
    const service = await gatekeeper();
    const noor = await person("noor", "13-15");
    const noortje = await person("noortje", "13-15");
    await register(service, noor, TEENS);
    await register(service, noortje, TEENS);
    const results = await found(await search(service, noor, "noor", TEENS));
    expect(results).toEqual([{ user_id: noortje.userId, display_name: "Noortje", band: "13-15" }]);
  });
});
