// Matrix layer: an `m.image`/`m.file`/`m.video`/`m.audio` event's content read
// as the spec has it (EncryptedFile v2 in `file` and `info.thumbnail_file`),
// with everything a sender can get wrong or lie about turned into a
// placeholder before anything is fetched. What is handed up is a
// TimelineMedia (kind, declared type, size, dimensions, problem); the mxc
// references and keys stay here for mediaDownload.ts. Pure: no SDK, no I/O.
//
// Nothing here looks at what an image shows: the checks are about the
// container (is it encrypted, on our server's content repository, a raster
// type we decode, within the pixel limit), as Element and Hydrogen check
// before they fetch.

import { parseEncryptedFile, type EncryptedFile } from "@safety-by-design/protocol";
import { MEDIA_LIMITS, PICTURE_TYPES } from "../media/mediaLimits.ts";
import { cleanDisplayName } from "./displayNames.ts";
import type { MediaKind, MediaProblem, TimelineMedia } from "./mediaTypes.ts";

/** One encrypted attachment: EncryptedFile v2 (validated), with what its event declares. */
export type EncryptedFileRef = {
  /** `url` (a well-formed `mxc://`), the AES-256-CTR key, iv and the ciphertext's SHA-256. */
  readonly file: EncryptedFile;
  /** The declared type and size, for the download's limits. */
  readonly mimetype: string | undefined;
  readonly size: number | undefined;
};

/** Where an event's media is, for mediaDownload.ts; undefined when it has a problem. */
export type MediaSource = {
  readonly file: EncryptedFileRef;
  /** For a picture: its preview, when the sender made one. */
  readonly preview: EncryptedFileRef | undefined;
};

export type ReadMedia = { readonly media: TimelineMedia; readonly source: MediaSource | undefined };

const MSGTYPES: Readonly<Record<string, MediaKind>> = {
  "m.image": "image",
  "m.file": "file",
  "m.video": "video",
  "m.audio": "audio",
};

/** Whether a message's msgtype is an image or file this module reads. */
export function isMediaMsgtype(msgtype: unknown): boolean {
  return typeof msgtype === "string" && Object.hasOwn(MSGTYPES, msgtype);
}

// As matrix-js-sdk's content-repo validates mxc URIs (spec: server name, media ID).
const SERVER_NAME =
  /^(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[[\dA-Fa-f:.]{2,45}\]|[A-Za-z\d\-.]{1,255})(?::\d{1,5})?$/u;
const MEDIA_ID = /^[\w-]+$/u;
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/u;

/** Whether `url` is a well-formed `mxc://server/mediaId`. */
export function isMxc(url: string): boolean {
  if (!url.startsWith("mxc://")) return false;
  const [server, mediaId, ...rest] = url.slice("mxc://".length).split("/");
  return (
    rest.length === 0 &&
    server !== undefined &&
    mediaId !== undefined &&
    SERVER_NAME.test(server) &&
    MEDIA_ID.test(mediaId)
  );
}

/**
 * Reads a media message's content. `encryptedRoom`: the room has end-to-end
 * encryption (ours always have); media sent in the clear is then refused.
 * Unencrypted media is refused in any room: we never fetch plaintext media.
 */
export function readMediaContent(
  content: Readonly<Record<string, unknown>>,
  encryptedRoom: boolean,
): ReadMedia {
  const kind = MSGTYPES[String(content["msgtype"])] ?? "file";
  const info = record(content["info"]);
  const mimetype = mimeOf(info?.["mimetype"]);
  const size = positiveInteger(info?.["size"]);
  const width = positiveInteger(info?.["w"]);
  const height = positiveInteger(info?.["h"]);
  const display = kind === "image" && mimetype !== undefined && PICTURE_TYPES.includes(mimetype);
  const filename = content["filename"];
  const body = content["body"];
  const rawName = typeof filename === "string" ? filename : typeof body === "string" ? body : "";
  const media = (problem: MediaProblem | undefined): TimelineMedia => ({
    kind,
    display: display ? "picture" : "file",
    mimetype,
    size,
    width,
    height,
    name: cleanDisplayName(rawName).text.slice(0, 200),
    problem,
  });

  const fileProblem = encryptedFileProblem(content["file"], content["url"]);
  if (fileProblem !== undefined || !encryptedRoom) {
    return { media: media(fileProblem ?? "not-encrypted"), source: undefined };
  }
  const file = encryptedFile(content["file"], mimetype, size);
  if (file === undefined) return { media: media("missing-keys"), source: undefined };

  const limit = display ? MEDIA_LIMITS.maxPictureBytes : MEDIA_LIMITS.maxFileBytes;
  if (size !== undefined && size > limit) return { media: media("too-large"), source: undefined };
  if (display && !withinPixels(width, height)) {
    return { media: media("too-large"), source: undefined };
  }

  // A preview is only ever used for a picture: a file's "thumbnail" is never fetched.
  if (!display) return { media: media(undefined), source: { file, preview: undefined } };
  const previewProblem = thumbnailProblem(info, width, height);
  if (previewProblem !== undefined) return { media: media(previewProblem), source: undefined };
  const thumbInfo = record(info?.["thumbnail_info"]);
  const preview =
    info?.["thumbnail_file"] === undefined
      ? undefined
      : encryptedFile(
          info["thumbnail_file"],
          mimeOf(thumbInfo?.["mimetype"]),
          positiveInteger(thumbInfo?.["size"]),
        );
  return { media: media(undefined), source: { file, preview } };
}

/** A problem with where the file is: not encrypted, or not on a content repository. */
function encryptedFileProblem(file: unknown, url: unknown): MediaProblem | undefined {
  const encrypted = record(file);
  if (encrypted === undefined) {
    if (typeof url === "string" && url !== "" && !isMxc(url)) return "not-mxc";
    return url === undefined ? "missing-keys" : "not-encrypted";
  }
  const fileUrl = encrypted["url"];
  if (typeof fileUrl !== "string" || !isMxc(fileUrl)) return "not-mxc";
  // A `url` beside `file` is a second, plaintext copy (or a lure): never fetched, never trusted.
  if (url !== undefined) return "not-encrypted";
  return undefined;
}

function thumbnailProblem(
  info: Readonly<Record<string, unknown>> | undefined,
  width: number | undefined,
  height: number | undefined,
): MediaProblem | undefined {
  if (info === undefined) return undefined;
  const thumbUrl = info["thumbnail_url"];
  const thumbFile = info["thumbnail_file"];
  if (thumbUrl !== undefined) {
    return typeof thumbUrl === "string" && !isMxc(thumbUrl) ? "not-mxc" : "thumbnail-mismatch";
  }
  if (thumbFile === undefined) return undefined;
  const file = record(thumbFile);
  const fileUrl = file?.["url"];
  if (typeof fileUrl !== "string" || !isMxc(fileUrl)) return "not-mxc";
  const thumbInfo = record(info["thumbnail_info"]);
  const mimetype = mimeOf(thumbInfo?.["mimetype"]);
  // A preview is a plain picture; declared as anything else (SVG, HTML), it is not a preview.
  if (mimetype !== undefined && !PICTURE_TYPES.includes(mimetype)) return "thumbnail-mismatch";
  const tw = positiveInteger(thumbInfo?.["w"]);
  const th = positiveInteger(thumbInfo?.["h"]);
  // A preview larger than its picture is not a preview of it.
  if (
    (tw !== undefined && width !== undefined && tw > width) ||
    (th !== undefined && height !== undefined && th > height)
  ) {
    return "thumbnail-mismatch";
  }
  if (!withinPixels(tw, th)) return "too-large";
  if (encryptedFile(thumbFile, mimetype, undefined) === undefined) return "missing-keys";
  return undefined;
}

/** Validated EncryptedFile v2 (the protocol's parser), or undefined when anything is wrong. */
function encryptedFile(
  value: unknown,
  mimetype: string | undefined,
  size: number | undefined,
): EncryptedFileRef | undefined {
  const parsed = parseEncryptedFile(value);
  // The protocol's mxc pattern is looser about server names than the SDK's: both must agree.
  if (!parsed.ok || !isMxc(parsed.value.url)) return undefined;
  return { file: parsed.value, mimetype, size };
}

function withinPixels(width: number | undefined, height: number | undefined): boolean {
  if (width === undefined || height === undefined) return true; // checked again once fetched
  return (
    width <= MEDIA_LIMITS.maxSide &&
    height <= MEDIA_LIMITS.maxSide &&
    width * height <= MEDIA_LIMITS.maxPixels
  );
}

function mimeOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const mime = value.split(";")[0]?.trim().toLowerCase() ?? "";
  return MIME.test(mime) ? mime : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, unknown>>)
    : undefined;
}
