// Policy layer: what this device says about its user's age, and to whom.
// The age exchange (age/ageExchange.ts) carries and verifies; every
// choice here is an engine decision:
//
// - a presentation that asks for one back gets one only if the disclosure
//   decision says "disclose" for that person;
// - contacts (accepted direct chats) whose band this device does not know
//   are shown this device's band once per session, again only if disclosure
//   allows (so friends see each other as verified peers);
// - a search probe is answered as discovery.ts decides: only when the person
//   opted in, their engine lets that searcher find them, and with the band
//   only when the disclosure decision allows it for that searcher;
// - a contact probe is answered with the incoming-contact decision this
//   device would make for an invite from that sender: its `protectsMinor`
//   ("I keep this contact out of a minor's chats") goes back, without a band.
//
// Owns no decision: disclosure is ageGating.ts's and the incoming-contact
// decision policyGateway.ts's (presentInvitation), read through the gateway.

import type { InvitationSummary } from "../matrix/sessionTypes.ts";
import type { PolicyGateway } from "./policyGateway.ts";

/** The part of the age exchange this module drives. */
export type AgeExchangePort = {
  verifiedBand(userId: string): unknown;
  present(userId: string, options: { readonly reply: boolean }): Promise<unknown>;
  handlePresentations(
    handler: (from: string, verification: unknown, replyRequested: boolean) => void,
  ): void;
  handleProbes(handler: (from: string) => { readonly protectsMinor: boolean }): void;
  handleDiscoveryProbes(
    handler: (from: string) => { readonly answer: boolean; readonly disclose: boolean },
  ): void;
};

export type ContactsSource = {
  contacts(): readonly { readonly userId: string }[];
  subscribe(listener: () => void): () => void;
};

export function applyAgeExchangePolicy(
  exchange: AgeExchangePort,
  contacts: ContactsSource,
  gateway: PolicyGateway,
  options: {
    readonly clock: () => number;
    readonly failed: (message: string, error: unknown) => void;
    /** How this device answers a search probe (discovery.ts, discoveryProbeResponder). */
    readonly answerDiscoveryProbe: (from: string) => {
      readonly answer: boolean;
      readonly disclose: boolean;
    };
  },
): () => void {
  const presentedTo = new Set<string>();

  const presentIfAllowed = (userId: string, reply: boolean): void => {
    if (presentedTo.has(userId)) return;
    if (gateway.disclosure(userId).effect !== "disclose") return;
    presentedTo.add(userId);
    exchange.present(userId, { reply }).catch((error: unknown) => {
      presentedTo.delete(userId);
      options.failed("presenting the age band failed", error);
    });
  };

  exchange.handlePresentations((from, _verification, replyRequested) => {
    if (replyRequested) presentIfAllowed(from, false);
  });

  exchange.handleProbes((from) => {
    const asInvite: InvitationSummary = {
      roomId: "",
      inviterUserId: from,
      inviterDisplayName: undefined,
      invitedAt: options.clock(),
      isDirect: true,
      roomName: undefined,
    };
    return { protectsMinor: gateway.presentInvitation(asInvite).protectsMinor };
  });

  // The answer carries a presentation only when disclosure allows; the searcher's engine decides.
  exchange.handleDiscoveryProbes(options.answerDiscoveryProbe);

  const reconcile = (): void => {
    for (const { userId } of contacts.contacts()) {
      if (exchange.verifiedBand(userId) === undefined) presentIfAllowed(userId, true);
    }
  };
  reconcile();
  return contacts.subscribe(reconcile);
}
