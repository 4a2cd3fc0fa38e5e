// Services layer, discovery: the HTTP client of the deployment's discovery gatekeeper
// (tools/lib/discoveryService.ts; docs/threat-model.md, "Find people").
// "Find people" has no room and no homeserver directory: a person who opts
// in registers with the gatekeeper, and a searcher asks it. Both prove who
// they are with a Matrix OpenID token (the user ID, nothing more) and how old
// they are with a fresh age presentation made for the gatekeeper alone.
//
//   POST   /v1/registration  { openid_token, matrix_server_name, presentation,
//                              display_name?, allowed_bands, expires_at }
//          the searcher bands this person's own engine lets find them
//   DELETE /v1/registration  { openid_token, matrix_server_name }   opting out
//   POST   /v1/search        { openid_token, matrix_server_name, presentation,
//                              term, viewable_bands }
//          -> { results: [{ user_id, display_name?, band }] }: only people whose
//          allowed bands include the searcher's verified band and whose band the
//          searcher's own engine can see; at most SEARCH_LIMIT, rate-limited
//
// The wire types and the gatekeeper's audience live here, so the service and
// the client share one definition. What to register, and whom to show, are
// policy decisions (policy/discovery.ts): this module only carries them.

import {
  createPresentation,
  isAttestedAgeBand,
  isMatrixUserId,
  type AgePresentation,
  type AttestedAgeBand,
} from "@safety-by-design/protocol";
import type { OpenIdToken, OwnAge } from "../age/wallet.ts";

/** The most people one search returns. */
export const SEARCH_LIMIT = 10;
/** Search terms are this long at least (and at most MAX_TERM_CHARS). */
export const MIN_TERM_CHARS = 2;
export const MAX_TERM_CHARS = 64;
export const MAX_DISPLAY_NAME_CHARS = 100;
const REQUEST_TIMEOUT_MS = 8000;

/**
 * The gatekeeper's identity as the audience of presentations. Synapse never
 * registers a local part that starts with "_", so no account can hold it and
 * collect presentations meant for the gatekeeper over Matrix.
 */
export function discoveryServiceAudience(serverName: string): string {
  return `@_discovery:${serverName}`;
}

export type RegistrationRequest = {
  readonly openid_token: string;
  readonly matrix_server_name: string;
  readonly presentation: AgePresentation;
  readonly display_name?: string;
  readonly allowed_bands: readonly AttestedAgeBand[];
  /** ms since the epoch; the gatekeeper may shorten it (never past the attestation). */
  readonly expires_at: number;
};

export type UnregistrationRequest = {
  readonly openid_token: string;
  readonly matrix_server_name: string;
};

export type SearchRequest = {
  readonly openid_token: string;
  readonly matrix_server_name: string;
  readonly presentation: AgePresentation;
  readonly term: string;
  readonly viewable_bands: readonly AttestedAgeBand[];
};

export type SearchResultEntry = {
  readonly user_id: string;
  readonly display_name?: string;
  /** The band the gatekeeper verified when this person registered. */
  readonly band: AttestedAgeBand;
};

export type SearchResponse = { readonly results: readonly SearchResultEntry[] };

export type DiscoveryErrorCode =
  "BAD_REQUEST" | "UNKNOWN_TOKEN" | "NOT_VERIFIED" | "RATE_LIMITED" | "NOT_FOUND" | "INTERNAL";

/** Someone the gatekeeper listed for this searcher (no fact here is verified by this device). */
export type DirectoryEntry = {
  readonly userId: string;
  readonly displayName: string | undefined;
  /** The band the gatekeeper verified at registration: a hint, never a visibility fact. */
  readonly band: AttestedAgeBand;
};

export type DirectoryFailure =
  /** This device holds no valid attestation: the gatekeeper admits verified people only. */
  | "not-verified"
  /** Too many searches in a short time: try again in a minute. */
  | "rate-limited"
  /** The gatekeeper or the homeserver did not answer, or answered something else. */
  | "unavailable";

export class DiscoveryDirectoryError extends Error {
  readonly failure: DirectoryFailure;
  constructor(failure: DirectoryFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DiscoveryDirectoryError";
    this.failure = failure;
  }
}

export type DiscoveryDirectory = {
  /** The people the gatekeeper lists for this term; the caller's engine judges each. */
  search(
    term: string,
    viewableBands: readonly AttestedAgeBand[],
  ): Promise<readonly DirectoryEntry[]>;
  /** Registers (or renews) this person as findable by searchers of `allowedBands`. */
  register(registration: {
    readonly displayName: string | undefined;
    readonly allowedBands: readonly AttestedAgeBand[];
    readonly expiresAt: number;
  }): Promise<void>;
  /** Deletes this person's registration; needs no age presentation (opting out always works). */
  unregister(): Promise<void>;
};

export type DiscoveryDirectoryDependencies = {
  /** The gatekeeper's base URL (deployment configuration). */
  readonly serviceUrl: string;
  /** The homeserver's server name: the gatekeeper's audience is named after it. */
  readonly serverName: string;
  readonly openIdToken: () => Promise<OpenIdToken>;
  /** This device's own credentials (the wallet). */
  readonly ownAge: () => OwnAge;
  readonly fetch: typeof fetch;
  readonly now: () => number;
};

export function createDiscoveryDirectory(deps: DiscoveryDirectoryDependencies): DiscoveryDirectory {
  const audience = discoveryServiceAudience(deps.serverName);

  const presentation = async (): Promise<AgePresentation> => {
    const own = deps.ownAge();
    if (own.status !== "verified") {
      throw new DiscoveryDirectoryError("not-verified", "this device holds no verified age band");
    }
    return createPresentation(own.credentials.holder, own.credentials.attestation, {
      audienceUserId: audience,
      now: deps.now(),
    });
  };

  const call = async (method: "POST" | "DELETE", path: string, body: object): Promise<unknown> => {
    let answer: Response;
    try {
      answer = await deps.fetch(new URL(path, deps.serviceUrl), {
        method,
        headers: { "content-type": "application/json" },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new DiscoveryDirectoryError("unavailable", "the discovery service did not answer", {
        cause: error,
      });
    }
    const content: unknown = await answer.json().catch(() => undefined);
    if (answer.ok) return content;
    const errcode = (content as { errcode?: unknown } | undefined)?.errcode;
    if (errcode === "NOT_VERIFIED") {
      throw new DiscoveryDirectoryError(
        "not-verified",
        "the discovery service needs a verified age",
      );
    }
    if (answer.status === 429) {
      throw new DiscoveryDirectoryError("rate-limited", "too many searches; try again later");
    }
    throw new DiscoveryDirectoryError(
      "unavailable",
      `the discovery service answered ${String(answer.status)} ${String(errcode)}`,
    );
  };

  const token = async (): Promise<OpenIdToken> => {
    try {
      return await deps.openIdToken();
    } catch (error) {
      throw new DiscoveryDirectoryError("unavailable", "no OpenID token from the homeserver", {
        cause: error,
      });
    }
  };

  return {
    search: async (term, viewableBands) => {
      const proof = await presentation();
      const openId = await token();
      const request: SearchRequest = {
        openid_token: openId.access_token,
        matrix_server_name: openId.matrix_server_name,
        presentation: proof,
        term,
        viewable_bands: viewableBands,
      };
      return parseSearchResponse(await call("POST", "/v1/search", request));
    },
    register: async ({ displayName, allowedBands, expiresAt }) => {
      const proof = await presentation();
      const openId = await token();
      const request: RegistrationRequest = {
        openid_token: openId.access_token,
        matrix_server_name: openId.matrix_server_name,
        presentation: proof,
        ...(displayName === undefined
          ? {}
          : { display_name: displayName.slice(0, MAX_DISPLAY_NAME_CHARS) }),
        allowed_bands: allowedBands,
        expires_at: expiresAt,
      };
      await call("POST", "/v1/registration", request);
    },
    unregister: async () => {
      const openId = await token();
      const request: UnregistrationRequest = {
        openid_token: openId.access_token,
        matrix_server_name: openId.matrix_server_name,
      };
      await call("DELETE", "/v1/registration", request);
    },
  };
}

/** The gatekeeper's answer is untrusted input too: anything malformed is dropped. */
function parseSearchResponse(content: unknown): readonly DirectoryEntry[] {
  const results = (content as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) {
    throw new DiscoveryDirectoryError("unavailable", "the discovery service answered no results");
  }
  const entries: DirectoryEntry[] = [];
  for (const result of results.slice(0, SEARCH_LIMIT) as unknown[]) {
    if (typeof result !== "object" || result === null) continue;
    const { user_id: userId, display_name: displayName, band } = result as Record<string, unknown>;
    if (!isMatrixUserId(userId) || !isAttestedAgeBand(band)) continue;
    entries.push({
      userId,
      displayName: typeof displayName === "string" ? displayName : undefined,
      band,
    });
  }
  return entries;
}
