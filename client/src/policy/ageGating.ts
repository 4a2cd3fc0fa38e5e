// Policy layer: age-gated contact, both ends (BRIEF.md, measure 1).
//
// Sender side: before a chat starts, the sender's device asks the engine's
// contact decision with what it knows. When it knows no band for the
// recipient, it probes the recipient's devices (age/ageExchange.ts): with its
// own presentation when the engine's disclosure decision allows, and asks
// whether they would hold such a contact aside to protect a minor. The answer
// is a fact for the engine (`recipientAnswer`): "protects-minor" stops an
// adult with deterrence and Stop it Now; no answer in time (recipient offline,
// or its device dropped the probe) is a fact too, never a silent allow: the
// pack decides (nl-default: a notice that the recipient's app may hold the
// message aside, with Stop it Now). The recipient's device still enforces
// when the invite arrives (enforceIncomingContacts.ts).
//
// Recipient side: how this device answers a probe is the engine's
// incoming-contact decision for that sender (`protectsMinor`), without a
// band (ageExchangePolicy.ts). Whether this device shows its own band to someone is the engine's
// disclosure decision.
//
// Decisions owned here: `contact` (startChat) and `disclosure`. Every
// disclosure question is asked through decideDisclosure; about a person, only
// through `disclosure(userId)`, which the age exchange, discovery's probe
// answers and its searches all share.

import {
  assertNever,
  type ContactDecision,
  type DisclosureDecision,
  type DisclosureRequest,
  type PersonFacts,
  type PolicyEngine,
  type RecipientAnswer,
} from "@safety-by-design/policy-engine";
import type { AgeFactsSource } from "./ageFacts.ts";

/** How long the sender waits for the recipient's device; then the engine decides with "no-answer". */
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

/**
 * May this device show its user's band to `audienceUserId`? `bandIfUnverified`:
 * the person's band as someone else verified it (the discovery gatekeeper),
 * used only while this device has verified none itself.
 */
export type DisclosureDecider = (
  audienceUserId: string,
  bandIfUnverified?: PersonFacts,
) => DisclosureDecision;

export type AgeGating = {
  /** Sender side, with a probe when the recipient's band is unknown. */
  readonly startChat: (otherUserId: string) => Promise<ContactDecision>;
  readonly disclosure: DisclosureDecider;
};

/** The disclosure question, asked the same way wherever it is asked (a person or a band). */
export function decideDisclosure(
  deps: Pick<AgeGatingDependencies, "engine" | "clock">,
  facts: Omit<DisclosureRequest, "point">,
): DisclosureDecision {
  return deps.engine.decide({ point: "disclosure", ...facts }, deps.clock());
}

export function ageGating(deps: AgeGatingDependencies): AgeGating {
  const { engine, clock, ages, isContact } = deps;

  const decideContact = (otherUserId: string, recipientAnswer: RecipientAnswer): ContactDecision =>
    engine.decide(
      {
        point: "contact",
        sender: ages.self(),
        recipient: ages.about(otherUserId),
        isContact: isContact(otherUserId),
        recipientAnswer,
      },
      clock(),
    );

  const disclosure: DisclosureDecider = (audienceUserId, bandIfUnverified) => {
    const verified = ages.about(audienceUserId);
    return decideDisclosure(deps, {
      self: ages.self(),
      audience: verified.ageVerified ? verified : (bandIfUnverified ?? verified),
      isContact: isContact(audienceUserId),
      conversationAccepted: deps.sharesAcceptedConversation(audienceUserId),
    });
  };

  return {
    disclosure,
    startChat: async (otherUserId) => {
      // Before (or without) asking, nothing has answered.
      const first = decideContact(otherUserId, "no-answer");
      const bandKnown = ages.about(otherUserId).ageVerified;
      if (first.effect === "refused" || bandKnown || isContact(otherUserId) || !deps.probe) {
        return first;
      }
      const answer = await deps.probe(otherUserId, {
        disclose: disclosure(otherUserId).effect === "disclose",
        timeoutMs: CONTACT_PROBE_TIMEOUT_MS,
      });
      // Facts may have changed meanwhile (a presentation arrived with the answer).
      return decideContact(otherUserId, asRecipientAnswer(answer));
    },
  };
}

/** The exchange's answer as the engine's fact. */
function asRecipientAnswer(answer: ProbeAnswer): RecipientAnswer {
  switch (answer) {
    case "protects-minor":
      return "protects-minor";
    case "open":
      return "no-protection";
    case "no-answer":
      return "no-answer";
    default:
      return assertNever(answer, "probe answer");
  }
}
