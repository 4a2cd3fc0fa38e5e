// Policy layer: everything that makes this device enforce the rules for its
// own user, started once per session (main.tsx in the browser; integration
// tests and scripted actors in Node use the same function):
//
// 1. the device's own age: the attestation in its wallet (matrix/age/wallet.ts);
// 2. the age exchange: bands others present to this device, contact probes
//    and their answers (matrix/age/ageExchange.ts, over Olm to-device);
// 3. the policy gateway: every decision the screens need, from the engine;
// 4. on-device enforcement of every invitation (enforceIncomingContacts.ts);
// 5. what this device discloses, and how it answers probes (ageExchangePolicy.ts).

import type { PolicyEngine } from "@safety-by-design/policy-engine";
import { AgeExchange, type ToDeviceTransport } from "../matrix/age/ageExchange.ts";
import type { TrustedIssuer } from "../matrix/age/keys.ts";
import { loadOwnAge, type OpenIdToken, type OwnAge } from "../matrix/age/wallet.ts";
import { ageFactsFromDevice } from "./ageFacts.ts";
import { applyAgeExchangePolicy } from "./ageExchangePolicy.ts";
import { peopleFinder, type DiscoverySource, type PeopleFinder } from "./discovery.ts";
import { enforceIncomingContacts, type InvitationSource } from "./enforceIncomingContacts.ts";
import {
  createPolicyGateway,
  type PolicyGateway,
  type RelationshipFacts,
} from "./policyGateway.ts";

/** What the device's Matrix session offers (ChatSession satisfies it). */
export type ProtectedSession = RelationshipFacts &
  InvitationSource &
  DiscoverySource & {
    readonly toDevice: ToDeviceTransport;
    openIdToken(): Promise<OpenIdToken>;
    noteExternalChange(): void;
  };

export type DeviceProtectionOptions = {
  readonly engine: PolicyEngine;
  readonly trustedAgeIssuers: readonly TrustedIssuer[];
  readonly ageIssuerUrl: string | undefined;
  /** Keeps the wallet, verified bands and the replay cache (localStorage in the browser). */
  readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly randomId: () => string;
  readonly helpServiceNames: readonly string[];
  readonly locale: () => string;
  readonly failed: (message: string, error: unknown) => void;
  /** An invitation was declined on this device (for a study log; never content). */
  readonly declined?: (roomId: string, decisionId: string) => void;
};

export type DeviceProtection = {
  readonly gateway: PolicyGateway;
  readonly ages: AgeExchange;
  readonly ownAge: OwnAge;
  /** "Find people": the directory, the candidates' answers and the engine's discovery decision. */
  readonly people: PeopleFinder;
  readonly stop: () => void;
};

export async function startDeviceProtection(
  session: ProtectedSession,
  options: DeviceProtectionOptions,
): Promise<DeviceProtection> {
  const ownAge = await loadOwnAge({
    userId: session.userId,
    storage: options.storage,
    trustedIssuers: options.trustedAgeIssuers,
    providerUrl: options.ageIssuerUrl,
    openIdToken: () => session.openIdToken(),
    fetch: options.fetch,
    now: options.now,
  });
  const ages = new AgeExchange({
    selfUserId: session.userId,
    transport: session.toDevice,
    trustedIssuers: options.trustedAgeIssuers,
    ownAge: () => ownAge,
    now: options.now,
    storage: options.storage,
    randomId: options.randomId,
  });
  const ageFacts = ageFactsFromDevice({
    ownBand: () => (ownAge.status === "verified" ? ownAge.band : undefined),
    peerBand: (userId) => ages.verifiedBand(userId)?.band,
  });
  const gateway = createPolicyGateway({
    engine: options.engine,
    clock: options.now,
    ages: ageFacts,
    relationships: session,
    helpServiceNames: options.helpServiceNames,
    locale: options.locale,
    probe: (userId, probeOptions) => ages.probeContact(userId, probeOptions),
  });
  const stopEnforcement = enforceIncomingContacts(session, gateway, {
    declined: (invitation, decisionId) => options.declined?.(invitation.roomId, decisionId),
    failed: options.failed,
  });
  // A band that verified can change how a request is placed: views recompute.
  const stopAgeUpdates = ages.subscribe(() => {
    session.noteExternalChange();
  });
  const stopAgePolicy = applyAgeExchangePolicy(ages, session, gateway, {
    clock: options.now,
    failed: options.failed,
  });
  const people = peopleFinder({
    engine: options.engine,
    clock: options.now,
    ages: ageFacts,
    isContact: (userId) => session.contacts().some((contact) => contact.userId === userId),
    source: session,
    probe: (userId, timeoutMs) => ages.probeDiscovery(userId, timeoutMs),
  });
  return {
    gateway,
    ages,
    ownAge,
    people,
    stop: () => {
      stopAgePolicy();
      stopAgeUpdates();
      ages.stop();
      stopEnforcement();
    },
  };
}
