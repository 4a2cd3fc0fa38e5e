// Media request builders for tests: neutral facts a test overrides.

import type {
  IncomingMediaRequest,
  MediaCounterpart,
  OutgoingMediaRequest,
  PersonFacts,
} from "../../src/index.ts";
import { HOUR, NOW, teen13 } from "./fixtures.ts";

/** A contact known from before the app (never "recently accepted"). */
export function knownContact(person: PersonFacts = teen13): MediaCounterpart {
  return { person, isContact: true, origin: "in-person", acceptedAt: NOW - 400 * 24 * HOUR };
}

/** A contact whose request was accepted `hoursAgo` hours before NOW. */
export function acceptedContact(person: PersonFacts, hoursAgo: number): MediaCounterpart {
  return { person, isContact: true, origin: "accepted-request", acceptedAt: NOW - hoursAgo * HOUR };
}

export function strangerCounterpart(person: PersonFacts): MediaCounterpart {
  return { person, isContact: false, origin: "unknown", acceptedAt: null };
}

export function incomingMedia(
  overrides: Partial<Omit<IncomingMediaRequest, "point" | "direction">> = {},
): IncomingMediaRequest {
  return {
    point: "media",
    direction: "incoming",
    self: teen13,
    sender: knownContact(),
    roomKind: "direct",
    mediaKind: "image",
    ...overrides,
  };
}

export function outgoingMedia(
  overrides: Partial<Omit<OutgoingMediaRequest, "point" | "direction">> = {},
): OutgoingMediaRequest {
  return {
    point: "media",
    direction: "outgoing",
    self: teen13,
    recipients: [knownContact()],
    roomKind: "direct",
    mediaKind: "image",
    ...overrides,
  };
}
