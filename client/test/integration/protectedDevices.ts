// Shared by the integration tests: the client's own device protection
// (policy/deviceProtection.ts) on a test device, started as main.tsx starts
// it, with the local age provider as the one trusted issuer, storage in
// memory and the real fetch. What differs per test is passed in.
import type { PolicyEngine } from "@safety-by-design/policy-engine";
import type { TrustedIssuer } from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";
import {
  HELP_SERVICE_NAMES,
  startDeviceProtection,
  type DeviceProtection,
} from "@safety-by-design/client/headless";
import { memoryStorage } from "../../../tools/lib/memoryStorage.ts";

export type TestProtectionOptions = {
  readonly engine: PolicyEngine;
  /** The local age provider's issuer (its key pair will do: only the public half is passed on). */
  readonly issuer: TrustedIssuer;
  readonly ageIssuerUrl: string;
  /** The discovery gatekeeper; without it "Find people" is not available. */
  readonly discoveryServiceUrl?: string;
  /** What the protection reports as failed: a test collects it, or fails on it. */
  readonly failed: (what: string, error: unknown) => void;
};

/** Starts the client's device protection on a test device. */
export function protectDevice(
  session: ChatSession,
  options: TestProtectionOptions,
): Promise<DeviceProtection> {
  return startDeviceProtection(session, {
    engine: options.engine,
    trustedAgeIssuers: [{ keyId: options.issuer.keyId, publicKey: options.issuer.publicKey }],
    ageIssuerUrl: options.ageIssuerUrl,
    ...(options.discoveryServiceUrl === undefined
      ? {}
      : { discoveryServiceUrl: options.discoveryServiceUrl }),
    storage: memoryStorage(),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    randomId: () => crypto.randomUUID(),
    helpServiceNames: HELP_SERVICE_NAMES,
    locale: () => "nl-NL",
    failed: options.failed,
  });
}
