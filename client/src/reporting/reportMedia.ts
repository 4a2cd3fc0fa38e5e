// Services layer, reporting: reported images and files (issue 13 acceptance
// 5). On the reporter's device: the plaintext the device decrypted is
// encrypted again with a fresh key (EncryptedFile v2, as every attachment;
// never the sender's key, which would let the sender recognise the upload and
// so learn of the report), the ciphertext is uploaded, and the key, IV and
// digest go into the sealed bundle only. A report that withholds the reporter
// uploads through the report intake, under the intake's account: the
// homeserver records who uploads every file. On the moderator's device: the
// copy is downloaded (authenticated media), its digest checked and decrypted,
// only when the moderator taps "Toon". No byte is looked at, hashed against
// a list or classified: the reporter chose what to report.

import {
  AttachmentError,
  decryptAttachment,
  encryptAttachment,
  MAX_HANDOFF_MEDIA_BYTES,
  MAX_MEDIA_NAME_LENGTH,
  MAX_REPORT_MEDIA,
  type RandomBytes,
  type ReportMediaItem,
} from "@safety-by-design/protocol";
import { CappedDownloadError, downloadCapped } from "../media/cappedDownload.ts";

/** An image or file of a reported message, decrypted on the reporter's device. */
export type ReportMediaPlain = {
  readonly eventId: string;
  readonly kind: "image" | "file";
  /** As the sender declared it (undefined: unknown). */
  readonly mimetype: string | undefined;
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
};

/** The caps a report's media must stay within (deployment configuration). */
export type ReportMediaLimits = {
  readonly maxItemBytes: number;
  readonly maxReportBytes: number;
  readonly maxItems: number;
};

/**
 * Per item, what a handoff package can carry (8 MiB): whatever reaches the
 * moderators can also be handed to the police or a hotline. A photo sent
 * through this app is re-encoded on the sender's device and stays well under it.
 */
export const DEFAULT_REPORT_MEDIA_LIMITS: ReportMediaLimits = {
  maxItemBytes: MAX_HANDOFF_MEDIA_BYTES,
  maxReportBytes: MAX_REPORT_MEDIA * MAX_HANDOFF_MEDIA_BYTES,
  maxItems: MAX_REPORT_MEDIA,
};

/** Whether the media fits the caps; a problem in words (English: for logs and tests) when not. */
export function checkReportMediaLimits(
  media: readonly { readonly bytes: { readonly byteLength: number } }[],
  limits: ReportMediaLimits,
): { readonly reason: "too-many" | "too-large"; readonly problem: string } | undefined {
  if (media.length > Math.min(limits.maxItems, MAX_REPORT_MEDIA)) {
    return {
      reason: "too-many",
      problem: `at most ${Math.min(limits.maxItems, MAX_REPORT_MEDIA)} images or files per report`,
    };
  }
  let total = 0;
  for (const item of media) {
    if (item.bytes.byteLength > limits.maxItemBytes) {
      return {
        reason: "too-large",
        problem: `an image or file of ${item.bytes.byteLength} bytes is over ${limits.maxItemBytes}`,
      };
    }
    total += item.bytes.byteLength;
  }
  if (total > limits.maxReportBytes) {
    return {
      reason: "too-large",
      problem: `${total} bytes of media is over ${limits.maxReportBytes} per report`,
    };
  }
  return undefined;
}

/**
 * Where a copy's mxc URI goes until it is uploaded: the outbox stores the
 * report with this (RMEDIA, never lost) and puts the real URI in before it
 * seals. A valid mxc URI, so the stored bundle passes the bundle parser; on a
 * reserved name (.invalid), so it can never point at anything.
 */
export const PENDING_MEDIA_URL = "mxc://report.invalid/pending";

export type EncryptedReportMedia =
  | {
      readonly ok: true;
      /** For the bundle: each `file.url` is PENDING_MEDIA_URL until uploaded. */
      readonly items: readonly ReportMediaItem[];
      /** Per item, the copy under its fresh key: what the outbox uploads. */
      readonly ciphertexts: readonly Uint8Array<ArrayBuffer>[];
    }
  | {
      readonly ok: false;
      readonly reason: "too-many" | "too-large";
      readonly problems: readonly string[];
    };

/**
 * Encrypts each item with a fresh key, at the tap; nothing is uploaded here.
 * The outbox stores the report with these copies first and uploads them
 * after, so a report is never lost to a failed upload or a closed app.
 */
export async function encryptReportMedia(
  media: readonly ReportMediaPlain[],
  limits: ReportMediaLimits = DEFAULT_REPORT_MEDIA_LIMITS,
  random?: RandomBytes,
): Promise<EncryptedReportMedia> {
  const over = checkReportMediaLimits(media, limits);
  if (over !== undefined) return { ok: false, reason: over.reason, problems: [over.problem] };
  const items: ReportMediaItem[] = [];
  const ciphertexts: Uint8Array<ArrayBuffer>[] = [];
  for (const item of media) {
    const { ciphertext, keys } = await encryptAttachment(item.bytes, random);
    ciphertexts.push(ciphertext);
    items.push({
      eventId: item.eventId,
      kind: item.kind,
      mimetype: reportMimetype(item.mimetype),
      size: item.bytes.byteLength,
      name: reportName(item.name, item.kind),
      file: { url: PENDING_MEDIA_URL, ...keys },
    });
  }
  return { ok: true, items, ciphertexts };
}

const MIMETYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** The sender's declared type as the bundle takes it; anything unreadable is opaque bytes. */
export function reportMimetype(declared: string | undefined): string {
  const type = declared?.split(";")[0]?.trim().toLowerCase() ?? "";
  return MIMETYPE.test(type) && type.length <= 255 ? type : "application/octet-stream";
}

/** The file name as the bundle takes it: never empty, never longer than the format allows. */
export function reportName(name: string, kind: "image" | "file"): string {
  const trimmed = Array.from(name.trim()).slice(0, MAX_MEDIA_NAME_LENGTH).join("");
  // Cutting by code points can still exceed the UTF-16 bound; cut again by units.
  const bounded = trimmed.slice(0, MAX_MEDIA_NAME_LENGTH);
  return bounded === "" ? (kind === "image" ? "foto" : "bestand") : bounded;
}

// ---------------------------------------------------------------------------
// On the moderator's device.

/** Why a reported image or file did not open; the moderation screen says so. */
export type ReportMediaOpenFailure =
  /** The server no longer has it (removed, or the media was purged): 404. */
  | "gone"
  /** The bytes are not what the reporter sealed (digest mismatch) or do not decrypt. */
  | "damaged"
  /** Bigger than the bundle says or the device's cap. */
  | "too-large"
  /** No answer, or another server error: try again. */
  | "unavailable";

export class ReportMediaError extends Error {
  readonly reason: ReportMediaOpenFailure;
  constructor(reason: ReportMediaOpenFailure, detail?: string) {
    super(`reported media: ${reason}${detail === undefined ? "" : ` (${detail})`}`);
    this.name = "ReportMediaError";
    this.reason = reason;
  }
}

export type ReportMediaFetchOptions = {
  readonly homeserverUrl: string;
  readonly accessToken: string | (() => string);
  readonly fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** The device's cap on what it downloads (bytes). */
  readonly maxBytes?: number;
};

/** AES-CTR adds nothing to the size: the ciphertext is as long as the plaintext. */
const DEFAULT_MAX_DOWNLOAD = DEFAULT_REPORT_MEDIA_LIMITS.maxItemBytes;

/**
 * Downloads the re-encrypted copy through authenticated media (the token in a
 * header, never in a URL), with a byte cap, checks its SHA-256 against the
 * sealed bundle's and decrypts it. Throws ReportMediaError.
 */
export async function fetchReportMedia(
  item: ReportMediaItem,
  options: ReportMediaFetchOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const match = /^mxc:\/\/([^/]+)\/([^/]+)$/.exec(item.file.url);
  if (match === null) throw new ReportMediaError("damaged", "not an mxc URI");
  const [, server = "", mediaId = ""] = match;
  const base = options.homeserverUrl.replace(/\/+$/, "");
  const url = `${base}/_matrix/client/v1/media/download/${encodeURIComponent(server)}/${encodeURIComponent(mediaId)}`;
  const token =
    typeof options.accessToken === "string" ? options.accessToken : options.accessToken();
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const limit = Math.min(options.maxBytes ?? DEFAULT_MAX_DOWNLOAD, item.size);
  let ciphertext: Uint8Array<ArrayBuffer>;
  try {
    ciphertext = await downloadCapped(fetchImpl, url, token, limit);
  } catch (error) {
    if (error instanceof CappedDownloadError)
      throw new ReportMediaError(error.reason, error.message);
    throw error;
  }
  try {
    return await decryptAttachment(ciphertext, item.file);
  } catch (error) {
    if (error instanceof AttachmentError) throw new ReportMediaError("damaged", error.reason);
    throw error;
  }
}
