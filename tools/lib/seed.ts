// Tooling: creates the persona accounts on a homeserver. Idempotent, so the
// demo can run it at every start and the tests before every run.

import { ensureAccount, type Homeserver, type RegisteredAccount } from "./homeserver.ts";
import { DEMO_PASSWORD, MODERATOR_USERNAMES, PERSONAS, type Persona } from "./personas.ts";

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
      admin: MODERATOR_USERNAMES.includes(p.username),
    });
    seeded.push({ ...p, ...account });
  }
  return seeded;
}
