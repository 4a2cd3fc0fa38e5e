// Matrix layer: sending an image or file. The ciphertext goes to the
// homeserver's content repository without a name or type (the server stores
// opaque bytes: "application/octet-stream", as Element uploads encrypted
// media), and the event carries the spec's content: `file` (EncryptedFile v2)
// and `info` with the preview's `thumbnail_file`, never a plain `url`. The
// event itself is Megolm-encrypted like every message, so only the room's
// members learn the keys.

import type { EncryptedFile as WireFile } from "@safety-by-design/protocol";
import { MsgType, type MatrixClient } from "matrix-js-sdk";
import type {
  EncryptedFile as SdkEncryptedFile,
  FileContent,
  ImageContent,
} from "matrix-js-sdk/lib/@types/media.js";
import type { OutgoingMedia, OutgoingPicturePart } from "../media/outgoingMedia.ts";

/** Uploads ciphertext; resolves to its mxc URI. Aborting `signal` stops the upload (it rejects). */
export async function uploadEncrypted(
  client: MatrixClient,
  ciphertext: Uint8Array<ArrayBuffer>,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<string> {
  signal.throwIfAborted();
  const abortController = new AbortController();
  const abort = (): void => {
    abortController.abort();
  };
  signal.addEventListener("abort", abort);
  try {
    const { content_uri: url } = await client.uploadContent(ciphertext, {
      type: "application/octet-stream",
      includeFilename: false,
      progressHandler: ({ loaded }) => {
        onProgress(loaded);
      },
      abortController,
    });
    return url;
  } finally {
    signal.removeEventListener("abort", abort);
  }
}

/** The event content the spec has for an encrypted image (`m.image`) or file (`m.file`). */
export function mediaEventContent(media: OutgoingMedia): ImageContent | FileContent {
  if (media.kind === "image") {
    return {
      msgtype: MsgType.Image,
      body: media.body,
      filename: media.filename,
      file: sdkFile(media.main.file),
      info: {
        ...pictureInfo(media.main),
        thumbnail_file: sdkFile(media.thumbnail.file),
        thumbnail_info: pictureInfo(media.thumbnail),
      },
    };
  }
  return {
    msgtype: MsgType.File,
    body: media.body,
    filename: media.filename,
    file: sdkFile(media.main.file),
    info: { mimetype: media.main.mimetype, size: media.main.size },
  };
}

function sdkFile(file: WireFile): SdkEncryptedFile {
  return {
    ...file,
    key: { ...file.key, key_ops: [...file.key.key_ops] },
    hashes: { ...file.hashes },
  };
}

function pictureInfo(part: OutgoingPicturePart) {
  return { mimetype: part.mimetype, size: part.size, w: part.width, h: part.height };
}
