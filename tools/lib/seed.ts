// Tooling: creates the persona accounts on a homeserver. Idempotent, so the
// demo can run it at every start and the tests before every run.

import { ensureAccount, type Homeserver, type RegisteredAccount } from "./homeserver.ts";
import { DISCOVERY_DIRECTORY_ALIAS } from "../../client/src/matrix/chatSession.ts";
import { DEMO_PASSWORD, PERSONAS, type Persona } from "./personas.ts";
import { rawLogin, rawLogout } from "./rawMatrix.ts";

export type SeededPersona = Persona & RegisteredAccount;

export async function seedPersonaAccounts(
  homeserver: Homeserver,
): Promise<readonly SeededPersona[]> {
  const seeded: SeededPersona[] = [];
  for (const p of PERSONAS) {
    const account = await ensureAccount(homeserver, {
      username: p.username,
      password: DEMO_PASSWORD,
      displayName: p.displayName,
      // The moderation team reads event reports through Synapse's admin API.
      admin: p.username === "moderation",
    });
    seeded.push({ ...p, ...account });
  }
  await ensureDiscoveryDirectory(homeserver);
  return seeded;
}

/**
 * The opt-in directory room ("Find people"): public, so the homeserver's user
 * directory lists its members to searchers; kept by the moderation team's
 * account so it never empties. People join it only by opting in, and every
 * searcher's device still asks each candidate and the engine (client/src/policy/discovery.ts).
 */
export async function ensureDiscoveryDirectory(homeserver: Homeserver): Promise<string> {
  const alias = `#${DISCOVERY_DIRECTORY_ALIAS}:${homeserver.serverName}`;
  const existing = await fetch(
    `${homeserver.url}/_matrix/client/v3/directory/room/${encodeURIComponent(alias)}`,
  );
  if (existing.ok) return ((await existing.json()) as { room_id: string }).room_id;
  const keeper = await rawLogin(homeserver, "moderation", DEMO_PASSWORD);
  try {
    const created = await fetch(`${homeserver.url}/_matrix/client/v3/createRoom`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${keeper.accessToken}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        preset: "public_chat",
        room_alias_name: DISCOVERY_DIRECTORY_ALIAS,
        name: "Vindbaar",
        topic: "Wie hier lid is, kan gevonden worden via Mensen zoeken.",
      }),
    });
    if (!created.ok) throw new Error(`creating ${alias} failed: ${created.status}`);
    return ((await created.json()) as { room_id: string }).room_id;
  } finally {
    await rawLogout(keeper);
  }
}
