// Protocol, reports: the team box, which seals bytes so that any one of
// several moderator keys opens them (docs/protocol.md, "Sealed report",
// format 2). A fresh random content key encrypts the plaintext once
// (crypto_secretbox); that 32-byte key is sealed once per recipient key
// (crypto_box_seal, 80 bytes each). Outside, the slots are unlinkable to the
// keys; a reader tries its keys on the slots.
//   bytes 0-3   "sbd" 0x02
//   byte 4      n, the number of recipient keys (1..MAX_MODERATION_KEYS)
//   n × 80      crypto_box_seal(content key, recipient key i)
//   24 bytes    nonce
//   rest        crypto_secretbox(plaintext, nonce, content key)
// Used for sealed reports (seal.ts) and the team's statuses (status.ts).

import { readySodium } from "../codec.ts";
import type { ModerationKeyPair } from "./seal.ts";

/**
 * The most current moderator keys one report is sealed to (80 bytes each):
 * a team of moderators with a key each, or a few teams. More is a
 * configuration problem, not a bigger report.
 */
export const MAX_MODERATION_KEYS = 16;

const PUBLIC_KEY_BYTES = 32;
const SEAL_OVERHEAD = 48; // crypto_box_SEALBYTES: ephemeral public key + MAC
const TEAM_BOX_MAGIC = Uint8Array.of(0x73, 0x62, 0x64, 0x02); // "sbd" 2
const KEY_SLOT_BYTES = PUBLIC_KEY_BYTES + SEAL_OVERHEAD;
const NONCE_BYTES = 24; // crypto_secretbox_NONCEBYTES
const SECRETBOX_MAC_BYTES = 16; // crypto_secretbox_MACBYTES

/** The largest team box around `plaintextBytes` (every key slot used). */
export function maxTeamBoxBytes(plaintextBytes: number): number {
  return (
    TEAM_BOX_MAGIC.length +
    1 +
    MAX_MODERATION_KEYS * KEY_SLOT_BYTES +
    NONCE_BYTES +
    SECRETBOX_MAC_BYTES +
    plaintextBytes
  );
}

/**
 * Seals bytes so that any one of `publicKeys` opens them (the team box,
 * format 2, above). Also used for the team's statuses and notes.
 */
export async function sealToTeam(
  plaintext: Uint8Array,
  publicKeys: readonly Uint8Array[],
): Promise<Uint8Array> {
  const keys = distinctKeys(publicKeys);
  if (keys === undefined) {
    throw new TypeError(`between 1 and ${MAX_MODERATION_KEYS} distinct 32-byte keys`);
  }
  const s = await readySodium();
  const contentKey = s.crypto_secretbox_keygen();
  const nonce = s.randombytes_buf(NONCE_BYTES);
  const slots = keys.map((key) => s.crypto_box_seal(contentKey, key));
  const box = s.crypto_secretbox_easy(plaintext, nonce, contentKey);
  s.memzero(contentKey);
  return concat(TEAM_BOX_MAGIC, Uint8Array.of(keys.length), ...slots, nonce, box);
}

/**
 * Opens a team box with whichever of `keyPairs` has a slot in it; undefined
 * when none does, or the bytes are not a team box. Never throws.
 */
export async function openTeamBox(
  sealed: Uint8Array,
  keyPairs: readonly ModerationKeyPair[],
): Promise<{ readonly plaintext: Uint8Array; readonly keyPair: ModerationKeyPair } | undefined> {
  try {
    if (!isTeamBox(sealed)) return undefined;
    const n = sealed[TEAM_BOX_MAGIC.length] ?? 0;
    if (n < 1 || n > MAX_MODERATION_KEYS) return undefined;
    const slotsStart = TEAM_BOX_MAGIC.length + 1;
    const nonceStart = slotsStart + n * KEY_SLOT_BYTES;
    const boxStart = nonceStart + NONCE_BYTES;
    if (sealed.length < boxStart + SECRETBOX_MAC_BYTES) return undefined;
    const s = await readySodium();
    for (const keyPair of keyPairs) {
      for (let i = 0; i < n; i++) {
        const at = slotsStart + i * KEY_SLOT_BYTES;
        let contentKey: Uint8Array;
        try {
          contentKey = s.crypto_box_seal_open(
            sealed.subarray(at, at + KEY_SLOT_BYTES),
            keyPair.publicKey,
            keyPair.secretKey,
          );
        } catch {
          continue;
        }
        try {
          const plaintext = s.crypto_secretbox_open_easy(
            sealed.subarray(boxStart),
            sealed.subarray(nonceStart, boxStart),
            contentKey,
          );
          return { plaintext, keyPair };
        } catch {
          // A slot that opens but a box that does not: altered, or made to mislead.
          return undefined;
        } finally {
          s.memzero(contentKey);
        }
      }
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function isTeamBox(bytes: Uint8Array): boolean {
  return (
    bytes instanceof Uint8Array &&
    bytes.length > TEAM_BOX_MAGIC.length &&
    TEAM_BOX_MAGIC.every((b, i) => bytes[i] === b)
  );
}

/** Distinct 32-byte keys in the given order; undefined if none, too many, or malformed. */
export function distinctKeys(keys: readonly Uint8Array[]): Uint8Array[] | undefined {
  const seen = new Set<string>();
  const out: Uint8Array[] = [];
  for (const key of keys) {
    if (!(key instanceof Uint8Array) || key.length !== PUBLIC_KEY_BYTES) return undefined;
    const id = Array.from(key).join(",");
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(key);
  }
  return out.length === 0 || out.length > MAX_MODERATION_KEYS ? undefined : out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
