// Protocol, reports: the moderation team's shared status of a report
// ("handled", or open again, with a short note), posted into the moderation
// room so every moderator sees it (docs/protocol.md, "Moderation status").
// Sealed to the team's current keys like a report (the team box of seal.ts;
// an older status, sealed to one key, still opens), so the homeserver, and
// anyone in the room without a team key, sees only that a status of some
// size was posted.

import { fromBase64UrlOfAnyLength, readySodium, toBase64Url } from "../codec.ts";
import { openTeamBox, sealToTeam, type ModerationKeyPair } from "./seal.ts";
import { parseStatusOutcome, type StatusOutcome } from "./outcome.ts";

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
  /**
   * The outcome the moderator chose for the reporter (OUT, issue 18
   * acceptance 3; report/outcome.ts), and whether it reached the reporter's
   * mailbox. Absent: none chosen (and every status written before it).
   */
  readonly outcome?: StatusOutcome;
};

const encoder = new TextEncoder();

/** Longest sealed status text read: a full note and every key slot fit well below it. */
const MAX_SEALED_STATUS_LENGTH = 12_000;

/** The status sealed to the team's current keys (any one opens it), as base64url text. */
export async function sealModerationStatus(
  status: ModerationStatus,
  teamPublicKeys: Uint8Array | readonly Uint8Array[],
): Promise<string> {
  const checked = parseModerationStatus(status);
  if (checked === undefined) throw new TypeError("not a moderation status");
  const s = await readySodium();
  const keys = teamPublicKeys instanceof Uint8Array ? [teamPublicKeys] : teamPublicKeys;
  return toBase64Url(s, await sealToTeam(encoder.encode(JSON.stringify(checked)), keys));
}

/**
 * Opens a posted status with any of the moderator's key pairs (team box, or
 * an older status sealed to one key); undefined for anything else. Never throws.
 */
export async function openModerationStatus(
  sealed: unknown,
  keyPairs: ModerationKeyPair | readonly ModerationKeyPair[],
): Promise<ModerationStatus | undefined> {
  if (typeof sealed !== "string" || sealed.length > MAX_SEALED_STATUS_LENGTH) return undefined;
  const pairs: readonly ModerationKeyPair[] = Array.isArray(keyPairs)
    ? keyPairs
    : [keyPairs as ModerationKeyPair];
  try {
    const s = await readySodium();
    const bytes = fromBase64UrlOfAnyLength(s, sealed);
    if (bytes === undefined || bytes.length < 49) return undefined;
    let plain = (await openTeamBox(bytes, pairs))?.plaintext;
    for (const keyPair of pairs) {
      if (plain !== undefined) break;
      try {
        plain = s.crypto_box_seal_open(bytes, keyPair.publicKey, keyPair.secretKey);
      } catch {
        plain = undefined;
      }
    }
    if (plain === undefined) return undefined;
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
  const keys = ["version", "reportId", "state", "at", "by", "note", "outcome"];
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
  // The reporter's outcome (OUT): absent, or exactly one in the closed vocabulary.
  const outcome = o["outcome"] === undefined ? undefined : parseStatusOutcome(o["outcome"]);
  if (o["outcome"] !== undefined && outcome === undefined) return undefined;
  return {
    version: MODERATION_STATUS_VERSION,
    reportId,
    state,
    at,
    by,
    note,
    ...(outcome === undefined ? {} : { outcome }),
  };
}
