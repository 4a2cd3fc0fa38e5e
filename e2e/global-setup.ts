// Before the e2e suite: the persona accounts exist on the test homeserver.
import { resolveHomeserver } from "../tools/lib/homeserver.ts";
import { seedPersonaAccounts } from "../tools/lib/seed.ts";

export default async function globalSetup(): Promise<void> {
  await seedPersonaAccounts(resolveHomeserver("test"));
}
