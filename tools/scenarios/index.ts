// Tooling: every scripted scenario, in the order a facilitator usually runs
// them. One file per scenario; the type and its checks are in
// tools/lib/scenarioScript.ts, the runner in tools/lib/scenarioRunner.ts.
import type { Scenario } from "../lib/scenarioScript.ts";
import { adultTriesToReachMinors } from "./adult-tries-to-reach-minors.ts";
import { peerDaanContactsNoor } from "./peer-daan-contacts-noor.ts";
import { strangerAddedToChatNoor } from "./stranger-added-to-chat-noor.ts";
import { strangerInFriendsGroupNoor } from "./stranger-in-friends-group-noor.ts";
import { strangerInFriendsGroupSam } from "./stranger-in-friends-group-sam.ts";
import { threatToNoor } from "./threat-to-noor.ts";
import { unknownAdultContactsNoor } from "./unknown-adult-contacts-noor.ts";
import { unknownAdultContactsSam } from "./unknown-adult-contacts-sam.ts";
import { unverifiedAccountContactsNoor } from "./unverified-account-contacts-noor.ts";

export const SCENARIOS: readonly Scenario[] = [
  unknownAdultContactsNoor,
  unknownAdultContactsSam,
  adultTriesToReachMinors,
  peerDaanContactsNoor,
  threatToNoor,
  unverifiedAccountContactsNoor,
  strangerInFriendsGroupNoor,
  strangerInFriendsGroupSam,
  strangerAddedToChatNoor,
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
