// Policy layer: everything that makes this device enforce the rules for its
// own user, started once per session (main.tsx in the browser; integration
// tests and scripted actors in Node use the same function):
//
// 1. the device's own age: the attestation in its wallet (age/wallet.ts);
// 2. the age exchange: bands others present to this device, contact probes
//    and their answers (age/ageExchange.ts, over Olm to-device);
// 3. the policy gateway: every decision the screens need, from the engine;
// 4. on-device enforcement of every invitation (enforceIncomingContacts.ts);
// 5. what this device discloses, and how it answers probes (ageExchangePolicy.ts);
// 6. "Find people" through the deployment's discovery gatekeeper, and this
//    person's registration there renewed while they opted in (discovery.ts).
//
// Owns no decision: it starts the files that do, with one gateway, so every
// part of the session asks the same functions.

import type { PolicyEngine } from "@safety-by-design/policy-engine";
import { AgeExchange, type ToDeviceTransport } from "../age/ageExchange.ts";
import type { TrustedIssuer } from "@safety-by-design/protocol";
import { loadOwnAge, type OpenIdToken, type OwnAge } from "../age/wallet.ts";
import { createDiscoveryDirectory } from "../discovery/discoveryDirectory.ts";
import { ageFactsFromDevice } from "./ageFacts.ts";
import { applyAgeExchangePolicy } from "./ageExchangePolicy.ts";
import {
  discoveryProbeResponder,
  peopleFinder,
  renewDiscoveryRegistration,
  type DiscoveryDependencies,
  type DiscoverySettingsStore,
  type PeopleFinder,
} from "./discovery.ts";
import { enforceIncomingContacts, type InvitationSource } from "./enforceIncomingContacts.ts";
import {
  createRoomDecisionStore,
  type RoomDecisionStore,
  type RoomSource,
} from "./roomDecisionStore.ts";
import {
  createPolicyGateway,
  type PolicyGateway,
  type RelationshipFacts,
} from "./policyGateway.ts";

/** What the device's Matrix session offers (ChatSession satisfies it). */
export type ProtectedSession = RelationshipFacts &
  InvitationSource &
  RoomSource &
  DiscoverySettingsStore & {
    readonly toDevice: ToDeviceTransport;
    openIdToken(): Promise<OpenIdToken>;
    noteExternalChange(): void;
  };

const RENEW_REGISTRATION_EVERY_MS = 24 * 60 * 60 * 1000;

export type DeviceProtectionOptions = {
  readonly engine: PolicyEngine;
  readonly trustedAgeIssuers: readonly TrustedIssuer[];
  readonly ageIssuerUrl: string | undefined;
  /** The discovery gatekeeper ("Find people"); undefined: the screen says it is not available. */
  readonly discoveryServiceUrl?: string | undefined;
  /** Keeps the wallet, verified bands and the replay cache (localStorage in the browser). */
  readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly randomId: () => string;
  readonly helpServiceNames: readonly string[];
  /** The deployment's moderation accounts (not flagged as help-service look-alikes). */
  readonly moderationAccounts?: readonly string[];
  readonly locale: () => string;
  readonly failed: (message: string, error: unknown) => void;
  /** An invitation was declined on this device (for a study log; never content). */
  readonly declined?: (roomId: string, decisionId: string) => void;
};

export type DeviceProtection = {
  readonly gateway: PolicyGateway;
  /** Every room's decision, made once per change of facts; screens and enforcement read it. */
  readonly rooms: RoomDecisionStore;
  readonly ages: AgeExchange;
  readonly ownAge: OwnAge;
  /** "Find people": the gatekeeper, the candidates' answers and the engine's discovery decision. */
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
    moderationAccounts: options.moderationAccounts ?? [],
    locale: options.locale,
    probe: (userId, probeOptions) => ages.probeContact(userId, probeOptions),
  });
  const rooms = createRoomDecisionStore(session, gateway);
  const stopEnforcement = enforceIncomingContacts(session, rooms, {
    declined: (roomId, decisionId) => options.declined?.(roomId, decisionId),
    failed: options.failed,
  });
  // A band that verified can change how a request is placed: views recompute.
  const stopAgeUpdates = ages.subscribe(() => {
    session.noteExternalChange();
  });
  const discovery: DiscoveryDependencies = {
    engine: options.engine,
    clock: options.now,
    ages: ageFacts,
    isContact: (userId) => session.contacts().some((contact) => contact.userId === userId),
    settings: session,
    directory:
      options.discoveryServiceUrl === undefined
        ? undefined
        : createDiscoveryDirectory({
            serviceUrl: options.discoveryServiceUrl,
            serverName: session.serverName,
            openIdToken: () => session.openIdToken(),
            ownAge: () => ownAge,
            fetch: options.fetch,
            now: options.now,
          }),
  };
  const stopAgePolicy = applyAgeExchangePolicy(ages, session, gateway, {
    clock: options.now,
    failed: options.failed,
    answerDiscoveryProbe: discoveryProbeResponder({
      ...discovery,
      disclosure: gateway.disclosure,
    }),
  });
  const people = peopleFinder({
    ...discovery,
    probe: (userId, probeOptions) => ages.probeDiscovery(userId, probeOptions),
    disclosure: gateway.disclosure,
  });
  // A registration lapses unless renewed: once now, then daily while the session runs.
  const renewRegistration = (): void => {
    renewDiscoveryRegistration(discovery).catch((error: unknown) => {
      options.failed("renewing the discovery registration failed", error);
    });
  };
  renewRegistration();
  const renewal = setInterval(renewRegistration, RENEW_REGISTRATION_EVERY_MS);
  return {
    gateway,
    rooms,
    ages,
    ownAge,
    people,
    stop: () => {
      clearInterval(renewal);
      stopAgePolicy();
      stopAgeUpdates();
      ages.stop();
      stopEnforcement();
      rooms.dispose();
    },
  };
}
