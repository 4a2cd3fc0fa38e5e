// The ids of the scripted scenarios (tools/scenarios/), for the study log's
// vocabulary in the browser, which cannot import tools/. A tools test
// (tools/scenarios/scenarios.test.ts) checks this list against the scripts.

export const STUDY_SCENARIO_IDS = [
  "unknown-adult-contacts-noor",
  "unknown-adult-contacts-sam",
  "adult-tries-to-reach-minors",
  "peer-daan-contacts-noor",
  "threat-to-noor",
  "unverified-account-contacts-noor",
  "stranger-in-friends-group-noor",
  "stranger-in-friends-group-sam",
  "stranger-added-to-chat-noor",
] as const;

export type StudyScenarioId = (typeof STUDY_SCENARIO_IDS)[number];
