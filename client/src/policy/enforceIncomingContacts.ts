// Policy layer: applies the engine's incoming-contact decision to every
// invitation this device receives, whatever the sender's client did. This
// runs for the whole session, not only while the Requests screen is open:
// the protected person's own device enforces.

import type { InvitationSummary } from "../matrix/chatSession.ts";
import type { PolicyGateway } from "./policyGateway.ts";

export type InvitationSource = {
  invitations(): readonly InvitationSummary[];
  subscribe(listener: () => void): () => void;
  leave(roomId: string): Promise<void>;
};

export type EnforcementLog = {
  /** An invitation was declined on this device because the engine said so. */
  readonly declined: (invitation: InvitationSummary, decisionId: string) => void;
  readonly failed: (message: string, error: unknown) => void;
};

/** Declines, on this device, every invitation the engine declines. Returns a stop function. */
export function enforceIncomingContacts(
  source: InvitationSource,
  gateway: PolicyGateway,
  log: EnforcementLog,
): () => void {
  const handled = new Set<string>();
  const check = (): void => {
    for (const invitation of source.invitations()) {
      if (handled.has(invitation.roomId)) continue;
      const decision = gateway.presentInvitation(invitation);
      if (decision.effect !== "declined") continue;
      handled.add(invitation.roomId);
      source.leave(invitation.roomId).then(
        () => {
          log.declined(invitation, decision.decisionId);
        },
        (error: unknown) => {
          // Try again on the next change; meanwhile the invitation stays out of every list.
          handled.delete(invitation.roomId);
          log.failed("declining an invitation failed", error);
        },
      );
    }
  };
  check();
  return source.subscribe(check);
}
