// Matrix layer: what "Find people" keeps in and reads from the account: the
// opt-ins (user account data) and the display name it registers. Whom to
// register and whom to show are decided in policy/discovery.ts; the
// gatekeeper's client is ../discovery/discoveryDirectory.ts.

import type { MatrixClient } from "matrix-js-sdk";
import type { DiscoverySettings } from "./sessionTypes.ts";

/** User account data: the discovery opt-ins (they say nothing about age). */
const DISCOVERY_SETTINGS_EVENT = "org.safety-by-design.discovery_settings";

declare module "matrix-js-sdk/lib/@types/event.js" {
  // Module augmentation needs an interface: this is how the SDK types custom account data.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface AccountDataEvents {
    [DISCOVERY_SETTINGS_EVENT]: DiscoverySettings;
  }
}

/** This account's discovery opt-ins; both off unless set. */
export function discoverySettings(client: MatrixClient): DiscoverySettings {
  const content: unknown = client.getAccountData(DISCOVERY_SETTINGS_EVENT)?.getContent();
  const value = (typeof content === "object" && content !== null ? content : {}) as Record<
    string,
    unknown
  >;
  return {
    findableByPeers: value["findableByPeers"] === true,
    suggestedToPeers: value["suggestedToPeers"] === true,
  };
}

/**
 * Saves the opt-ins. Being findable is a registration with the discovery
 * gatekeeper (policy/discovery.ts), never a room.
 */
export async function setDiscoverySettings(
  client: MatrixClient,
  settings: DiscoverySettings,
): Promise<void> {
  await client.setAccountData(DISCOVERY_SETTINGS_EVENT, { ...settings });
}

/** This account's display name, as its profile says (what "Find people" registers). */
export async function ownDisplayName(client: MatrixClient): Promise<string | undefined> {
  // No name set is an error answer (404): then there is no name to show.
  const profile = await client.getProfileInfo(client.getSafeUserId()).catch(() => undefined);
  return typeof profile?.displayname === "string" ? profile.displayname : undefined;
}
