// Tooling (Node only): the discovery gatekeeper behind "Find people"
// (docs/threat-model.md, "Find people"). It replaces a public directory room,
// which anyone could join to list who opted in and post to them. The wire
// format is client/src/discovery/discoveryDirectory.ts (exported to us by
// @safety-by-design/client/actors).
//
// Everyone who talks to it proves two things, as with the age provider:
// who they are, with a Matrix OpenID token it checks with the homeserver
// (/_matrix/federation/v1/openid/userinfo), and their verified band, with a
// fresh age presentation made for the gatekeeper alone (audience
// discoveryServiceAudience), checked with the protocol's verify code against
// the deployment's trusted issuers, never seen before (replay cache).
//
//   POST   /v1/registration  opt in (or renew): the searcher bands the person's
//                            own engine allows, a display name, an expiry
//   DELETE /v1/registration  opt out (OpenID only: opting out always works)
//   POST   /v1/search        a term and the bands the searcher's engine can see
//
// A search answers only with registrations whose allowed bands include the
// searcher's verified band and whose band the searcher may see, at most
// SEARCH_LIMIT, rate-limited per searcher. Nobody without a verified band gets
// anything, or can be registered. It decides nothing about age itself: both
// lists come from the two people's own engines, and each device still asks
// the other device and its own engine before anyone is shown.
//
// It keeps registrations in memory only (a restart forgets them; devices
// register again at their next session start), never any message content,
// and writes no log. It listens on 127.0.0.1 only.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import {
  ATTESTED_AGE_BANDS,
  createMemoryReplayCache,
  isAttestedAgeBand,
  verifyPresentation,
  type AttestedAgeBand,
  type TrustedIssuer,
} from "@safety-by-design/protocol";
import {
  discoveryServiceAudience,
  MAX_DISPLAY_NAME_CHARS,
  MAX_TERM_CHARS,
  MIN_TERM_CHARS,
  SEARCH_LIMIT,
  type DiscoveryErrorCode,
  type SearchResponse,
  type SearchResultEntry,
} from "@safety-by-design/client/actors";
import type { Homeserver } from "./homeserver.ts";
import {
  closeServer,
  readJsonBody,
  sendJson,
  userIdForOpenIdToken,
  listenOnLoopback,
} from "./localHttp.ts";

const MAX_BODY_BYTES = 8192;
/** A presentation older than this is not "fresh": make a new one per request. */
export const MAX_PRESENTATION_AGE_MS = 5 * 60 * 1000;
/** However long a device asks for, a registration lapses after this (and with its attestation). */
export const MAX_REGISTRATION_MS = 30 * 24 * 60 * 60 * 1000;
/** Beyond this many live registrations the service refuses new ones (memory stays bounded). */
const MAX_REGISTRATIONS = 10_000;
const DEFAULT_SEARCH_BURST = 10;
const DEFAULT_SEARCH_REFILL_MS = 6000;

export type DiscoveryServiceOptions = {
  readonly homeserver: Pick<Homeserver, "url" | "serverName">;
  /** The deployment's trusted age issuers: the same list the clients are built with. */
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** 0: any free port (tests); the service's `url` says which. */
  readonly port: number;
  /** ms since the epoch; the real clock unless a test passes its own. */
  readonly now?: () => number;
  /** Searches one person may make at once; then one more per `searchRefillMs`. */
  readonly searchBurst?: number;
  readonly searchRefillMs?: number;
};

export type DiscoveryService = { readonly url: string; close(): Promise<void> };

type Registration = {
  readonly userId: string;
  readonly band: AttestedAgeBand;
  readonly allowedBands: ReadonlySet<AttestedAgeBand>;
  readonly displayName: string | undefined;
  readonly expiresAt: number;
};

type Answer = readonly [status: number, body: unknown];

const failure = (status: number, errcode: DiscoveryErrorCode, error: string): Answer => [
  status,
  { errcode, error },
];

export async function startDiscoveryService(
  options: DiscoveryServiceOptions,
): Promise<DiscoveryService> {
  const now = options.now ?? (() => Date.now());
  const audience = discoveryServiceAudience(options.homeserver.serverName);
  const replayCache = createMemoryReplayCache();
  const registrations = new Map<string, Registration>();
  const searchAllowance = new Map<string, { tokens: number; at: number }>();
  const burst = options.searchBurst ?? DEFAULT_SEARCH_BURST;
  const refillMs = options.searchRefillMs ?? DEFAULT_SEARCH_REFILL_MS;

  const forgetExpired = (): void => {
    const time = now();
    for (const [userId, registration] of registrations) {
      if (registration.expiresAt <= time) registrations.delete(userId);
    }
  };

  /** A token bucket per searcher: `burst` at once, then one per `refillMs`. */
  const takeSearch = (userId: string): boolean => {
    const time = now();
    const last = searchAllowance.get(userId) ?? { tokens: burst, at: time };
    const tokens = Math.min(burst, last.tokens + (time - last.at) / refillMs);
    if (tokens < 1) {
      searchAllowance.set(userId, { tokens, at: time });
      return false;
    }
    searchAllowance.set(userId, { tokens: tokens - 1, at: time });
    return true;
  };

  /** Who is asking: the OpenID token's owner, on this deployment's homeserver. */
  const caller = async (
    body: Record<string, unknown>,
  ): Promise<{ userId: string } | { answer: Answer }> => {
    const token = body["openid_token"];
    const serverName = body["matrix_server_name"];
    if (typeof token !== "string" || token === "" || typeof serverName !== "string") {
      return { answer: failure(400, "BAD_REQUEST", "openid_token and matrix_server_name needed") };
    }
    if (serverName !== options.homeserver.serverName) {
      return { answer: failure(401, "UNKNOWN_TOKEN", "only this deployment's homeserver") };
    }
    const userId = await userIdForOpenIdToken(options.homeserver.url, token);
    if (userId === undefined) {
      return { answer: failure(401, "UNKNOWN_TOKEN", "the homeserver does not know it") };
    }
    return { userId };
  };

  /** The caller's band from a fresh presentation made for this service; undefined: unverified. */
  const verifiedBand = async (
    userId: string,
    presentation: unknown,
  ): Promise<{ band: AttestedAgeBand; validUntil: number } | { answer: Answer }> => {
    const verification = await verifyPresentation(presentation, {
      audienceUserId: audience,
      subjectUserId: userId,
      now: now(),
      trustedIssuers: options.trustedIssuers,
      replayCache,
      maxPresentationAgeMs: MAX_PRESENTATION_AGE_MS,
    });
    if (!verification.verified) {
      return {
        answer: [
          403,
          {
            errcode: "NOT_VERIFIED",
            error: "no valid age presentation",
            reason: verification.reason,
          },
        ],
      };
    }
    return { band: verification.band, validUntil: verification.validUntil };
  };

  const register = async (body: Record<string, unknown>): Promise<Answer> => {
    const who = await caller(body);
    if ("answer" in who) return who.answer;
    const allowed = bandList(body["allowed_bands"]);
    const requestedExpiry = body["expires_at"];
    const displayName = body["display_name"];
    if (
      allowed === undefined ||
      typeof requestedExpiry !== "number" ||
      !Number.isFinite(requestedExpiry) ||
      (displayName !== undefined &&
        (typeof displayName !== "string" || displayName.length > MAX_DISPLAY_NAME_CHARS))
    ) {
      return failure(400, "BAD_REQUEST", "allowed_bands, expires_at and display_name?");
    }
    const proof = await verifiedBand(who.userId, body["presentation"]);
    if ("answer" in proof) return proof.answer;
    const expiresAt = Math.min(requestedExpiry, now() + MAX_REGISTRATION_MS, proof.validUntil);
    if (expiresAt <= now()) return failure(400, "BAD_REQUEST", "expires_at is in the past");
    forgetExpired();
    if (!registrations.has(who.userId) && registrations.size >= MAX_REGISTRATIONS) {
      return failure(503, "INTERNAL", "too many registrations");
    }
    registrations.set(who.userId, {
      userId: who.userId,
      band: proof.band,
      allowedBands: new Set(allowed),
      displayName: displayName === "" ? undefined : displayName,
      expiresAt,
    });
    return [200, { expires_at: expiresAt }];
  };

  const unregister = async (body: Record<string, unknown>): Promise<Answer> => {
    const who = await caller(body);
    if ("answer" in who) return who.answer;
    registrations.delete(who.userId);
    return [200, {}];
  };

  const search = async (body: Record<string, unknown>): Promise<Answer> => {
    const who = await caller(body);
    if ("answer" in who) return who.answer;
    const term = typeof body["term"] === "string" ? body["term"].trim().toLowerCase() : undefined;
    const viewable = bandList(body["viewable_bands"]);
    if (
      term === undefined ||
      term.length < MIN_TERM_CHARS ||
      term.length > MAX_TERM_CHARS ||
      viewable === undefined
    ) {
      return failure(400, "BAD_REQUEST", "term (2 to 64 characters) and viewable_bands needed");
    }
    if (!takeSearch(who.userId)) return failure(429, "RATE_LIMITED", "too many searches");
    const proof = await verifiedBand(who.userId, body["presentation"]);
    if ("answer" in proof) return proof.answer;
    forgetExpired();
    const matches = [...registrations.values()].filter(
      (registration) =>
        registration.userId !== who.userId &&
        registration.allowedBands.has(proof.band) &&
        viewable.includes(registration.band) &&
        matchesTerm(registration, term),
    );
    const results: SearchResultEntry[] = matches
      .sort((a, b) => rank(a, term) - rank(b, term) || a.userId.localeCompare(b.userId))
      .slice(0, SEARCH_LIMIT)
      .map((registration) => ({
        user_id: registration.userId,
        ...(registration.displayName === undefined
          ? {}
          : { display_name: registration.displayName }),
        band: registration.band,
      }));
    const answer: SearchResponse = { results };
    return [200, answer];
  };

  const route = async (request: IncomingMessage): Promise<Answer> => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const known =
      (path === "/v1/registration" && (request.method === "POST" || request.method === "DELETE")) ||
      (path === "/v1/search" && request.method === "POST");
    if (!known) {
      return failure(404, "NOT_FOUND", "POST|DELETE /v1/registration, POST /v1/search");
    }
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (body === undefined) return failure(400, "BAD_REQUEST", "a JSON object body is needed");
    if (path === "/v1/search") return search(body);
    return request.method === "POST" ? register(body) : unregister(body);
  };

  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      send(response, 204, undefined);
      return;
    }
    route(request)
      .then(([status, body]) => {
        send(response, status, body);
      })
      .catch(() => {
        // No details: an error message could carry a term or a name.
        send(response, 500, { errcode: "INTERNAL", error: "internal error" });
      });
  });
  const url = await listenOnLoopback(server, options.port);
  return {
    url,
    close: () => closeServer(server),
  };
}

/** A list of attested bands without repeats; undefined when it is anything else. */
function bandList(value: unknown): AttestedAgeBand[] | undefined {
  if (!Array.isArray(value) || value.length > ATTESTED_AGE_BANDS.length) return undefined;
  const bands = value.filter((band) => isAttestedAgeBand(band));
  return bands.length === value.length ? [...new Set(bands)] : undefined;
}

function localpartOf(userId: string): string {
  return userId.slice(1, userId.indexOf(":")).toLowerCase();
}

/** A name or local part that contains the term, or a Matrix ID that starts with it (not the server). */
function matchesTerm(registration: Registration, term: string): boolean {
  return (
    localpartOf(registration.userId).includes(term) ||
    (term.startsWith("@") && registration.userId.toLowerCase().startsWith(term)) ||
    (registration.displayName?.toLowerCase().includes(term) ?? false)
  );
}

/** Exact names and IDs first, then the rest. */
function rank(registration: Registration, term: string): number {
  const exact =
    localpartOf(registration.userId) === term ||
    registration.userId.toLowerCase() === term ||
    registration.displayName?.toLowerCase() === term;
  return exact ? 0 : 1;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendJson(response, status, body, { methods: "POST, DELETE, OPTIONS", headers: "content-type" });
}
