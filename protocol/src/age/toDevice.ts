// Protocol, age exchange: the to-device messages that carry presentations,
// contact probes and discovery probes between devices (docs/protocol.md,
// "To-device messages"). They travel only Olm-encrypted; the sender is the
// user the decryption authenticated, never a field of the content. What a
// device discloses and how it answers are its own policy's decisions; this
// module names the messages and their fields, nothing more.

import type { AgePresentation } from "./format.ts";

export const AGE_PRESENTATION_TYPE = "org.safety-by-design.age_presentation";
export const CONTACT_PROBE_TYPE = "org.safety-by-design.contact_probe";
export const CONTACT_ANSWER_TYPE = "org.safety-by-design.contact_answer";
export const DISCOVERY_PROBE_TYPE = "org.safety-by-design.discovery_probe";
export const DISCOVERY_ANSWER_TYPE = "org.safety-by-design.discovery_answer";

/** A probe whose `probe_id` is not a string of at most this many characters is dropped. */
export const MAX_PROBE_ID_CHARS = 64;

/** "This is my band, for you"; `reply` asks the recipient to present back if its policy allows. */
export type AgePresentationContent = {
  readonly presentation: AgePresentation;
  readonly reply: boolean;
};

/** "I am about to start a chat with you", with the sender's presentation when it discloses it. */
export type ContactProbeContent = {
  readonly probe_id: string;
  readonly presentation?: AgePresentation;
};

/** Would the recipient's device hold such a contact aside to protect a minor? No band is told. */
export type ContactAnswerContent = {
  readonly probe_id: string;
  readonly protects_minor: boolean;
};

/** "You came up in my search", with the searcher's presentation when it discloses it. */
export type DiscoveryProbeContent = {
  readonly probe_id: string;
  readonly presentation?: AgePresentation;
};

/**
 * Sent only by a device whose user opted in and whose policy lets this
 * searcher find them; silence means "not findable". The presentation is
 * made for the searcher, when the answering device's policy discloses it.
 */
export type DiscoveryAnswerContent = {
  readonly probe_id: string;
  readonly findable_by_peers: true;
  readonly presentation?: AgePresentation;
};
