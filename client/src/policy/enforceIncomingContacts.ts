// Policy layer: applies the engine's room decision to every invitation this
// device receives, whatever the sender's client did: an invitation the engine
// declines is declined here, on the protected person's own device. It reads
// the session's decision store (the one place decisions are made), and runs
// for the whole session, not only while the Requests screen is open.
// Owns no decision: it enforces the `room` decision roomDecisionStore.ts made.

import type { RoomDecisionStore } from "./roomDecisionStore.ts";

export type InvitationSource = {
  leave(roomId: string): Promise<void>;
};

export type EnforcementLog = {
  /** An invitation was declined on this device because the engine said so. */
  readonly declined: (roomId: string, decisionId: string) => void;
  readonly failed: (message: string, error: unknown) => void;
};

/** Declines, on this device, every invitation the engine declines. Returns a stop function. */
export function enforceIncomingContacts(
  source: InvitationSource,
  rooms: RoomDecisionStore,
  log: EnforcementLog,
): () => void {
  const handled = new Set<string>();
  const check = (): void => {
    for (const room of rooms.rooms()) {
      if (room.membership !== "invite" || handled.has(room.roomId)) continue;
      if (room.decision.effect !== "declined") continue;
      const { decisionId } = room.decision;
      handled.add(room.roomId);
      source.leave(room.roomId).then(
        () => {
          log.declined(room.roomId, decisionId);
        },
        (error: unknown) => {
          // Try again on the next change; meanwhile the invitation stays out of every list.
          handled.delete(room.roomId);
          log.failed("declining an invitation failed", error);
        },
      );
    }
  };
  check();
  return rooms.subscribe(check);
}
