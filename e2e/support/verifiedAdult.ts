// e2e support: an unknown adult whose age is verified, like the persona Alex
// (35, 18+). A fresh account (the shared Alex is already Noor's contact from
// other specs, and contacts get no request), registered as 18+ with the demo
// age provider. Its device runs the client's own Matrix layer in Node: it
// presents its verified band over Olm to the person it writes to, as the app
// would, then invites them. It bypasses the app's sender-side check on
// purpose: these tests are about what the recipient's own device does.
import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import type { ChatSession } from "@safety-by-design/client/actors";
import { presentActorAge } from "../../tools/lib/actorAge.ts";
import { registerAgeBand } from "../../tools/lib/ageIssuerService.ts";
import { signedInSession } from "../../tools/lib/conversations.ts";
import { prepareLocalDeployment } from "../../tools/lib/deployment.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { homeserver } from "./strangers.ts";
import { E2E_INSTANCE } from "./e2eInstance.ts";

export type VerifiedAdult = {
  readonly userId: string;
  readonly displayName: string;
  /** Presents the verified 18+ band to `userId`'s devices, then invites them to a direct chat. */
  readonly writeTo: (userId: string) => Promise<string>;
  /**
   * Leaves every chat it started, then signs out. Once the adult has left,
   * an accepted chat no longer makes them the recipient's contact, so a
   * rerun's new adult of the same name is not flagged as a look-alike.
   */
  readonly leaveAndSignOut: () => Promise<void>;
};

export async function verifiedAdult(displayName: string): Promise<VerifiedAdult> {
  const deployment = await prepareLocalDeployment(E2E_INSTANCE);
  const username = `adult-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const { userId } = await ensureAccount(homeserver, { username, password, displayName });
  await registerAgeBand(deployment.issuerDir, userId, "18+");
  const session: ChatSession = await signedInSession(homeserver, { username, password });
  const started: string[] = [];
  return {
    userId,
    displayName,
    writeTo: async (recipient) => {
      // The recipient's new device may not have published its keys yet: try again briefly.
      await expect
        .poll(() => presentActorAge(session, deployment, recipient), { timeout: 20_000 })
        .toBe(`presented a verified 18+ band to ${recipient}`);
      const roomId = await session.createEncryptedDirectChat(recipient);
      started.push(roomId);
      return roomId;
    },
    leaveAndSignOut: async () => {
      for (const roomId of started) await session.leave(roomId);
      await session.signOut();
    },
  };
}
