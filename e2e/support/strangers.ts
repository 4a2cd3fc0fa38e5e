// e2e support: strangers who bypass our client. A fresh account that talks to
// the homeserver with plain HTTP calls only, as anyone with curl could.
import { randomBytes } from "node:crypto";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { rawLogin, rawSetDisplayName, type RawSession } from "../../tools/lib/rawMatrix.ts";
import { E2E_INSTANCE } from "./e2eInstance.ts";

export const homeserver = resolveHomeserver(E2E_INSTANCE);

/** A fresh account with this display name, signed in over plain HTTP. */
export async function rawStranger(displayName: string): Promise<RawSession> {
  const username = `stranger-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await ensureAccount(homeserver, { username, password, displayName });
  const session = await rawLogin(homeserver, username, password);
  await rawSetDisplayName(session, displayName);
  return session;
}
