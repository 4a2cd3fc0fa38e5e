// Matrix layer: password sign-in against a homeserver, with failures sorted
// into the few kinds a person can act on. Talks to the client-server API
// directly (fetch), so the sign-in screen does not need the SDK or the crypto
// WASM: those load only once there is a session to start.

/** What the client needs to resume a session; persisted by sessionStore.ts. */
export type SessionCredentials = {
  readonly homeserverUrl: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly accessToken: string;
};

export type SignInFailure =
  | { readonly kind: "wrong-credentials" }
  | { readonly kind: "unreachable"; readonly homeserverUrl: string }
  | { readonly kind: "not-a-homeserver"; readonly homeserverUrl: string }
  | { readonly kind: "unsupported-server"; readonly missing: string }
  | { readonly kind: "invalid-url" }
  | { readonly kind: "server-error"; readonly status: number };

export type SignInResult =
  | { readonly ok: true; readonly credentials: SessionCredentials }
  | { readonly ok: false; readonly failure: SignInFailure };

/** Spec versions of which the client needs at least one (encrypted DMs, reporting with a reason). */
const SUPPORTED_SPEC_VERSIONS = [
  "v1.7",
  "v1.8",
  "v1.9",
  "v1.10",
  "v1.11",
  "v1.12",
  "v1.13",
  "v1.14",
  "v1.15",
  "v1.16",
];

export function normaliseHomeserverUrl(input: string): string | undefined {
  const trimmed = input.trim().replace(/\/+$/, "");
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") return undefined;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.toString().replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export async function signInWithPassword(
  homeserverInput: string,
  username: string,
  password: string,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): Promise<SignInResult> {
  const homeserverUrl = normaliseHomeserverUrl(homeserverInput);
  if (homeserverUrl === undefined) return { ok: false, failure: { kind: "invalid-url" } };

  let versions: Response;
  try {
    versions = await fetchImpl(`${homeserverUrl}/_matrix/client/versions`);
  } catch {
    return { ok: false, failure: { kind: "unreachable", homeserverUrl } };
  }
  if (!versions.ok) return { ok: false, failure: { kind: "not-a-homeserver", homeserverUrl } };
  const versionsBody = (await versions.json().catch(() => undefined)) as
    { versions?: unknown } | undefined;
  const advertised = Array.isArray(versionsBody?.versions) ? versionsBody.versions : undefined;
  if (advertised === undefined)
    return { ok: false, failure: { kind: "not-a-homeserver", homeserverUrl } };
  if (!advertised.some((v) => SUPPORTED_SPEC_VERSIONS.includes(String(v)))) {
    return { ok: false, failure: { kind: "unsupported-server", missing: "Matrix v1.7 or newer" } };
  }

  let response: Response;
  try {
    response = await fetchImpl(`${homeserverUrl}/_matrix/client/v3/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: username.trim().replace(/^@/, "") },
        password,
        initial_device_display_name: "safety-by-design chat",
      }),
    });
  } catch {
    return { ok: false, failure: { kind: "unreachable", homeserverUrl } };
  }
  if (response.status === 403 || response.status === 400 || response.status === 401) {
    return { ok: false, failure: { kind: "wrong-credentials" } };
  }
  if (!response.ok)
    return { ok: false, failure: { kind: "server-error", status: response.status } };
  const body = (await response.json()) as {
    user_id?: unknown;
    device_id?: unknown;
    access_token?: unknown;
  };
  if (
    typeof body.user_id !== "string" ||
    typeof body.device_id !== "string" ||
    typeof body.access_token !== "string"
  ) {
    return { ok: false, failure: { kind: "server-error", status: response.status } };
  }
  return {
    ok: true,
    credentials: {
      homeserverUrl,
      userId: body.user_id,
      deviceId: body.device_id,
      accessToken: body.access_token,
    },
  };
}
