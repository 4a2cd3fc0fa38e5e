// Matrix layer: the plain types of an image or file in a conversation, as
// the layers above see it. Only what a screen needs: the kind, what the
// sender declared (type, size, dimensions) and what is wrong with it. The
// mxc references and the EncryptedFile keys stay inside this layer
// (mediaContent.ts, mediaDownload.ts); nothing here imports the SDK.

/** What the event says it is (its msgtype). Video and audio are offered as files, never played. */
export type MediaKind = "image" | "file" | "video" | "audio";

/**
 * Why an image or file is shown as a placeholder and never fetched (or, for
 * the last three, refused after it was fetched):
 * - "not-mxc": its URL is not `mxc://` (a tracking or attacker's server);
 * - "not-encrypted": sent in the clear (a `url`, no `file`) into an encrypted room;
 * - "missing-keys": no usable EncryptedFile v2 (key, iv, hash);
 * - "thumbnail-mismatch": its preview is not a plain picture, is not encrypted, or is
 *   larger than the picture it previews;
 * - "too-large": declared (or, once fetched, actual) dimensions or size over the limits;
 * - "type-mismatch": the bytes are not the picture type it declared (found once fetched);
 * - "damaged": the download does not match its hash or cannot be decoded.
 */
export type MediaProblem =
  | "not-mxc"
  | "not-encrypted"
  | "missing-keys"
  | "thumbnail-mismatch"
  | "too-large"
  | "type-mismatch"
  | "damaged";

/** An image or file in a conversation: what the event declares, never its bytes. */
export type TimelineMedia = {
  readonly kind: MediaKind;
  /**
   * "picture": a raster image (JPEG, PNG, GIF, WebP) this device may decode and
   * draw once allowed; "file": everything else, offered as a download the
   * person taps and never opened inline (SVG, HTML, video, audio, unknown types).
   */
  readonly display: "picture" | "file";
  /** The declared type, when it reads as a MIME type ("image/jpeg"); sender-controlled. */
  readonly mimetype: string | undefined;
  /** Declared size in bytes; sender-controlled. */
  readonly size: number | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** File name or caption as sent (cleaned of hidden characters); shown as text at most. */
  readonly name: string;
  /** Found while reading the event: shown as a placeholder, nothing is fetched. */
  readonly problem: MediaProblem | undefined;
};

/** Which part of an image or file to download: the preview (for pictures) or the file itself. */
export type MediaPart = "preview" | "file";

/** Decrypted bytes of an image or file, with the type the sender declared (checked before drawing). */
export type DownloadedMedia = {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mimetype: string | undefined;
};
