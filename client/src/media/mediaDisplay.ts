// Media (receive side): the browser work of showing a downloaded picture or
// handing over a downloaded file, behind one port so view models stay plain
// TypeScript. A picture becomes a bitmap this device decoded and scaled
// (pictureDecoding.ts), which the screen draws into a canvas and which is
// closed (its memory freed at once) when its row leaves the screen; a file
// is handed to the browser's download as opaque bytes
// (application/octet-stream), so an HTML or SVG file is saved, never opened.

import { MEDIA_LIMITS } from "./mediaLimits.ts";
import {
  browserPictureCodec,
  pictureForDisplay,
  SHOWN_MAX_SIDE,
  type ShownPicture,
} from "./pictureDecoding.ts";

export type MediaDisplay = {
  /**
   * Checks, decodes and scales a picture to at most `maxSide` px (the
   * conversation's size unless given); PictureRefused when it may not show.
   */
  picture(
    bytes: Uint8Array<ArrayBuffer>,
    declaredType: string | undefined,
    maxSide?: number,
  ): Promise<ShownPicture>;
  /** Frees what `picture` made (its row left the screen, the viewer closed). */
  release(picture: ShownPicture): void;
  /** Hands a downloaded file to the browser to save under `name`. */
  save(bytes: Uint8Array<ArrayBuffer>, name: string): void;
};

/** The browser's: createImageBitmap, a download link. */
export function browserMediaDisplay(document: Document): MediaDisplay {
  return {
    picture: (bytes, declaredType, maxSide = SHOWN_MAX_SIDE) =>
      pictureForDisplay(bytes, declaredType, MEDIA_LIMITS, browserPictureCodec, maxSide),
    release: (picture) => {
      picture.bitmap.close();
    },
    save: (bytes, name) => {
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = saveName(name);
      link.rel = "noopener";
      document.body.append(link);
      link.click();
      link.remove();
      // The download has its own copy once it started.
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 30_000);
    },
  };
}

/** No display (a device without a screen: tests, tools): pictures never show, files are not saved. */
export const noMediaDisplay: MediaDisplay = {
  picture: () => Promise.reject(new Error("no display on this device")),
  release: () => undefined,
  save: () => undefined,
};

/** A file name that cannot reach into folders or hide its extension. */
export function saveName(name: string): string {
  const cleaned = name.replace(/[/\\:*?"<>|]/gu, "_").trim();
  return cleaned === "" || cleaned.startsWith(".") ? `bestand${cleaned}` : cleaned;
}
