// Matrix layer: downloading one encrypted attachment, only when the layers
// above ask (after the engine's decision and, for a stranger's, the person's
// tap). Authenticated media (`/_matrix/client/v1/media/download/...`, as
// matrix-js-sdk builds it with `useAuthentication`), so the access token goes
// in a header and never in a URL. The response is read with a byte cap (a
// server or sender can lie about the size), its SHA-256 checked against the
// event and then decrypted (the protocol's attachment module). Only mxc URIs
// that mediaContent.ts validated ever reach here.

import { AttachmentError, decryptAttachment } from "@safety-by-design/protocol";
import type { MatrixClient, MatrixEvent, Room } from "matrix-js-sdk";
import { CappedDownloadError, downloadCapped } from "../media/cappedDownload.ts";
import { MEDIA_LIMITS } from "../media/mediaLimits.ts";
import { readMediaContent, type EncryptedFileRef } from "./mediaContent.ts";
import type { DownloadedMedia, MediaPart } from "./mediaTypes.ts";

/** Why a download gave no bytes; the view says so in a placeholder. */
export type MediaDownloadFailure = "unavailable" | "too-large" | "damaged" | "refused";

export class MediaDownloadError extends Error {
  readonly reason: MediaDownloadFailure;
  constructor(reason: MediaDownloadFailure, detail?: string) {
    super(`media download: ${reason}${detail === undefined ? "" : ` (${detail})`}`);
    this.name = "MediaDownloadError";
    this.reason = reason;
  }
}

/**
 * Downloads and decrypts one part of a media event in `room`. Reads the event
 * again (its original content, never an edit): the keys are never handed up,
 * so nothing above can ask for a URL this layer did not validate.
 */
export async function downloadMedia(
  client: MatrixClient,
  room: Room,
  eventId: string,
  part: MediaPart,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<DownloadedMedia> {
  // The device user's own message, sent but not yet back from the server's
  // sync, is still among the room's pending events (detached ordering), not
  // in its timeline.
  const event =
    room.findEventById(eventId) ?? room.getPendingEvents().find((e) => e.getId() === eventId);
  const ref = event === undefined ? undefined : mediaRef(event, room, part);
  if (ref === undefined) throw new MediaDownloadError("refused");
  const url = client.mxcUrlToHttp(ref.file.url, undefined, undefined, undefined, false, true, true);
  const token = client.getAccessToken();
  if (url === null || url === "" || token === null) throw new MediaDownloadError("refused");
  const picture = part === "preview" || ref.mimetype?.startsWith("image/") === true;
  const limit = picture ? MEDIA_LIMITS.maxPictureBytes : MEDIA_LIMITS.maxFileBytes;
  const ciphertext = await fetchCapped(fetchImpl, url, token, limit);
  try {
    return { bytes: await decryptAttachment(ciphertext, ref.file), mimetype: ref.mimetype };
  } catch (error) {
    if (error instanceof AttachmentError) throw new MediaDownloadError("damaged", error.reason);
    throw error;
  }
}

/** The validated reference of a part, or undefined when the event has a problem (never fetched). */
function mediaRef(event: MatrixEvent, room: Room, part: MediaPart): EncryptedFileRef | undefined {
  // A plaintext event in an encrypted room is shown as "not encrypted" and never fetched.
  if (!event.isEncrypted() || event.isDecryptionFailure()) return undefined;
  const { media, source } = readMediaContent(
    event.getOriginalContent(),
    room.hasEncryptionStateEvent(),
  );
  if (media.problem !== undefined || source === undefined) return undefined;
  return part === "preview" ? (source.preview ?? source.file) : source.file;
}

/** The shared capped download (media/cappedDownload.ts), in this layer's reasons: 404 is unavailable here. */
async function fetchCapped(
  fetchImpl: typeof fetch,
  url: string,
  token: string,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await downloadCapped(fetchImpl, url, token, limit);
  } catch (error) {
    if (!(error instanceof CappedDownloadError)) throw error;
    throw new MediaDownloadError(
      error.reason === "too-large" ? "too-large" : "unavailable",
      error.message,
    );
  }
}
