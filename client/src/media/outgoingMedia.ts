// Media (send side): an image or file ready to go into an event, after it was
// re-encoded, encrypted and uploaded: the plain type the Matrix layer turns
// into `m.image`/`m.file` content (matrix/mediaUpload.ts). It holds the
// EncryptedFile (mxc URL and key) and what the event declares, never bytes.

import type { EncryptedFile } from "@safety-by-design/protocol";

/** One uploaded part: the file itself or an image's preview. */
export type OutgoingPart = {
  readonly file: EncryptedFile;
  readonly mimetype: string;
  /** Bytes before encryption (the spec's `info.size`). */
  readonly size: number;
};

export type OutgoingPicturePart = OutgoingPart & {
  readonly width: number;
  readonly height: number;
};

export type OutgoingMedia =
  | {
      readonly kind: "image";
      /** The caption, or the file name when there is none (the spec's `body`). */
      readonly body: string;
      readonly filename: string;
      readonly main: OutgoingPicturePart;
      readonly thumbnail: OutgoingPicturePart;
    }
  | {
      readonly kind: "file";
      readonly body: string;
      readonly filename: string;
      readonly main: OutgoingPart;
    };
