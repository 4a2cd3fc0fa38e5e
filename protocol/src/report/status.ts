// Protocol, reports: the moderation team's shared status of a report
// ("handled", or open again), posted into the moderation room so every
// moderator sees it (docs/protocol.md, "Moderation status"). Sealed to the
// team's public key like a report, so the homeserver, and anyone in the room
// without the team key, sees only that a status of some size was posted.

import { fromBase64UrlOfAnyLength, readySodium, toBase64Url } from "../codec.ts";
import type { ModerationKeyPair } from "./seal.ts";

export const MODERATION_STATUS_VERSION = 1;
export const MAX_STATUS_NOTE_LENGTH = 2_000;

export type ModerationStatus = {
  readonly version: typeof MODERATION_STATUS_VERSION;
  readonly reportId: string;
  readonly state: "handled" | "open";
  /** When the moderator set it (ms, their clock). */
  readonly at: number;
  /** The moderator's Matrix user ID (team-internal). */
  readonly by: string;
  readonly note: string | null;
};

const encoder = new TextEncoder();

/** The status sealed to the team's key, as base64url text for a room event. */
export async function sealModerationStatus(
  status: ModerationStatus,
  teamPublicKey: Uint8Array,
): Promise<string> {
  const checked = parseModerationStatus(status);
  if (checked === undefined) throw new TypeError("not a moderation status");
  const s = await readySodium();
  return toBase64Url(s, s.crypto_box_seal(encoder.encode(JSON.stringify(checked)), teamPublicKey));
}

/** Opens a posted status with the team's key pair; undefined for anything else. Never throws. */
export async function openModerationStatus(
  sealed: unknown,
  keyPair: ModerationKeyPair,
): Promise<ModerationStatus | undefined> {
  if (typeof sealed !== "string" || sealed.length > 8_000) return undefined;
  try {
    const s = await readySodium();
    const bytes = fromBase64UrlOfAnyLength(s, sealed);
    if (bytes === undefined || bytes.length < 49) return undefined;
    const plain = s.crypto_box_seal_open(bytes, keyPair.publicKey, keyPair.secretKey);
    return parseModerationStatus(
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plain)) as unknown,
    );
  } catch {
    return undefined;
  }
}

/** Strict: exactly the known fields, each checked; undefined otherwise. */
export function parseModerationStatus(value: unknown): ModerationStatus | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const keys = ["version", "reportId", "state", "at", "by", "note"];
  if (Object.keys(o).some((k) => !keys.includes(k))) return undefined;
  const { reportId, state, at, by, note } = o;
  if (
    o["version"] !== MODERATION_STATUS_VERSION ||
    typeof reportId !== "string" ||
    !/^[0-9a-f]{32}$/.test(reportId) ||
    (state !== "handled" && state !== "open") ||
    typeof at !== "number" ||
    !Number.isSafeInteger(at) ||
    at < 0 ||
    typeof by !== "string" ||
    !/^@[^\s:]+:\S+$/.test(by) ||
    by.length > 255 ||
    !(
      note === null ||
      (typeof note === "string" && note.length >= 1 && note.length <= MAX_STATUS_NOTE_LENGTH)
    )
  ) {
    return undefined;
  }
  return { version: MODERATION_STATUS_VERSION, reportId, state, at, by, note };
}
