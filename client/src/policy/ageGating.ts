// Policy layer: age-gated contact, both ends (BRIEF.md, measure 1).
//
// Sender side: before a chat starts, the sender's device asks the engine's
// contact decision with what it knows. When it knows no band for the
// recipient, it probes the recipient's devices (age/ageExchange.ts): with its
// own presentation when the engine's disclosure decision allows, and asks
// whether they would hold such a contact aside to protect a minor. A "yes"
// answer is a fact for the engine (recipientProtectsMinor), which then stops
// an adult with deterrence and Stop it Now. No answer (recipient offline)
// leaves the decision as it was: the recipient's device still enforces when
// the invite arrives (enforceIncomingContacts.ts).
//
// Recipient side: how this device answers a probe is the engine's
// incoming-contact decision for that sender (`protectsMinor`), without a
// band (ageExchangePolicy.ts). Whether this device shows its own band to someone is the engine's
// disclosure decision.

import type {
  ContactDecision,
  DisclosureDecision,
  PolicyEngine,
} from "@safety-by-design/policy-engine";
import type { AgeFactsSource } from "./ageFacts.ts";

/** How long the sender waits for the recipient's device; then it goes ahead. */
export const CONTACT_PROBE_TIMEOUT_MS = 4000;

export type ProbeAnswer = "protects-minor" | "open" | "no-answer";

/** The age exchange, as the policy layer uses it; absent: no probing (unit tests, no crypto). */
export type ContactProbe = (
  otherUserId: string,
  options: { readonly disclose: boolean; readonly timeoutMs: number },
) => Promise<ProbeAnswer>;

export type AgeGatingDependencies = {
  readonly engine: PolicyEngine;
  readonly clock: () => number;
  readonly ages: AgeFactsSource;
  readonly isContact: (userId: string) => boolean;
  /** Rooms the device user has joined together with `userId` (accepted conversations). */
  readonly sharesAcceptedConversation: (userId: string) => boolean;
  readonly probe?: ContactProbe | undefined;
};

export type AgeGating = {
  /** Sender side, with a probe when the recipient's band is unknown. */
  readonly startChat: (otherUserId: string) => Promise<ContactDecision>;
  /** May this device show its user's band to `audienceUserId`? */
  readonly disclosure: (audienceUserId: string) => DisclosureDecision;
};

export function ageGating(deps: AgeGatingDependencies): AgeGating {
  const { engine, clock, ages, isContact } = deps;

  const decideContact = (otherUserId: string, recipientProtectsMinor: boolean): ContactDecision =>
    engine.decide(
      {
        point: "contact",
        sender: ages.self(),
        recipient: ages.about(otherUserId),
        isContact: isContact(otherUserId),
        recipientProtectsMinor,
      },
      clock(),
    );

  const disclosure = (audienceUserId: string): DisclosureDecision =>
    engine.decide(
      {
        point: "disclosure",
        self: ages.self(),
        audience: ages.about(audienceUserId),
        isContact: isContact(audienceUserId),
        conversationAccepted: deps.sharesAcceptedConversation(audienceUserId),
      },
      clock(),
    );

  return {
    disclosure,
    startChat: async (otherUserId) => {
      const first = decideContact(otherUserId, false);
      const bandKnown = ages.about(otherUserId).ageVerified;
      if (first.effect === "refused" || bandKnown || isContact(otherUserId) || !deps.probe) {
        return first;
      }
      const answer = await deps.probe(otherUserId, {
        disclose: disclosure(otherUserId).effect === "disclose",
        timeoutMs: CONTACT_PROBE_TIMEOUT_MS,
      });
      // Facts may have changed meanwhile (a presentation arrived with the answer).
      return decideContact(otherUserId, answer === "protects-minor");
    },
  };
}
