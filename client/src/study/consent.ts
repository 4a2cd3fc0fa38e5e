// A participant's consent: given (with the version of the consent text the
// participant and their parent or guardian agreed to) and, perhaps, withdrawn.
// Without a given, unwithdrawn consent nothing is recorded; withdrawing
// deletes every record of that participant.

import { isParticipantId, isTime } from "./events.ts";

export type ConsentRecord = {
  /** The participant's random pseudonym, created when consent is given. */
  readonly participant: string;
  /** Version of the consent text shown: digits, e.g. `2025-06` or `1.2` (set by the study, typed by no one). */
  readonly textVersion: string;
  readonly givenAt: number;
  /** When consent was withdrawn (the participant's records are then deleted), or null. */
  readonly withdrawnAt: number | null;
};

/** Digits only (and an optional leading `v`), so a version can never carry a name. */
const TEXT_VERSION = /^v?\d{1,8}([.-]\d{1,8}){0,3}$/;

export function isConsentTextVersion(value: unknown): value is string {
  return typeof value === "string" && TEXT_VERSION.test(value);
}

export function isConsentGiven(consent: ConsentRecord | undefined): boolean {
  return consent !== undefined && consent.withdrawnAt === null;
}

/** Checks a consent record read back from storage; null drops it. */
export function sanitizeConsent(value: unknown): ConsentRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const { participant, textVersion, givenAt, withdrawnAt } = value as Record<string, unknown>;
  if (!isParticipantId(participant) || !isConsentTextVersion(textVersion) || !isTime(givenAt)) {
    return null;
  }
  if (!(withdrawnAt === null || isTime(withdrawnAt))) return null;
  return { participant, textVersion, givenAt, withdrawnAt };
}
