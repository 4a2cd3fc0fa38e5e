// Matrix layer: an access token without a chat session, as the facilitator
// console holds one (it signs in to prove who it is, syncs nothing and has
// no encryption). Plain client-server API calls, like signIn.ts.

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const defaultFetch: Fetch = (input, init) => fetch(input, init);

/** Whose token this is, as the homeserver says; undefined when it is not valid (any more). */
export async function whoAmI(
  homeserverUrl: string,
  accessToken: string,
  fetchImpl: Fetch = defaultFetch,
): Promise<string | undefined> {
  try {
    const response = await fetchImpl(`${homeserverUrl}/_matrix/client/v3/account/whoami`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { user_id?: unknown };
    return typeof body.user_id === "string" ? body.user_id : undefined;
  } catch {
    return undefined;
  }
}

/** Ends the token's device session on the homeserver; best effort (offline: it stays valid). */
export async function logOutToken(
  homeserverUrl: string,
  accessToken: string,
  fetchImpl: Fetch = defaultFetch,
): Promise<void> {
  try {
    await fetchImpl(`${homeserverUrl}/_matrix/client/v3/logout`, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: "{}",
    });
  } catch {
    // Nothing to do: the console forgets the token either way.
  }
}
