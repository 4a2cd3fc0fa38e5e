// View-model layer: reported media on the moderator's device (RMEDIA):
// nothing downloaded before "Toon", a picture through the safe decode path, a
// non-picture saved and never drawn, clear failures, and shown pictures let go.
import type { ReportMediaItem } from "@safety-by-design/protocol";
import { describe, expect, it, vi } from "vitest";
import type { MediaDisplay } from "../media/mediaDisplay.ts";
import type { ShownPicture } from "../media/pictureDecoding.ts";
import { ReportMediaError } from "../reporting/reportMedia.ts";
import { ModerationMedia, type ModerationMediaOpener } from "./moderationMedia.ts";

const item = (over: Partial<ReportMediaItem> = {}): ReportMediaItem => ({
  eventId: "$photo",
  kind: "image",
  mimetype: "image/jpeg",
  size: 3,
  name: "IMG.jpg",
  file: {
    url: "mxc://localhost/abc",
    key: { kty: "oct", key_ops: ["encrypt", "decrypt"], alg: "A256CTR", k: "k", ext: true },
    iv: "iv",
    hashes: { sha256: "h" },
    v: "v2",
  },
  ...over,
});

const picture = { width: 4, height: 3 } as ShownPicture;

function setUp(fetchResult: () => Promise<Uint8Array<ArrayBuffer>>) {
  const display = {
    picture: vi.fn<MediaDisplay["picture"]>(() => Promise.resolve(picture)),
    release: vi.fn<MediaDisplay["release"]>(),
    save: vi.fn<MediaDisplay["save"]>(),
  };
  const fetch = vi.fn(fetchResult);
  const opener: ModerationMediaOpener = { fetch, display };
  const changed = vi.fn();
  return { media: new ModerationMedia(opener, changed), display, fetch, changed };
}

const bytes = () => Promise.resolve(new Uint8Array([1, 2, 3]));

describe("reported media for the moderator", () => {
  it("shows a placeholder and downloads nothing before 'Toon'", () => {
    const { media, fetch } = setUp(bytes);
    expect(media.viewOf("r1", [item()])).toEqual([
      {
        index: 0,
        eventId: "$photo",
        kind: "image",
        display: "picture",
        mimetype: "image/jpeg",
        size: 3,
        name: "IMG.jpg",
        state: { kind: "hidden" },
      },
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("after 'Toon' shows the picture the safe decode path redrew", async () => {
    const { media, display } = setUp(bytes);
    media.viewOf("r1", [item()]);
    await media.show("r1", 0, item(), "IMG.jpg");
    expect(display.picture).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), "image/jpeg");
    expect(media.viewOf("r1", [item()])[0]?.state).toEqual({ kind: "picture", picture });
  });

  it("saves an SVG, HTML or unknown file and never draws it", async () => {
    const { media, display } = setUp(bytes);
    const svg = item({ kind: "image", mimetype: "image/svg+xml", name: "x.svg" });
    expect(media.viewOf("r1", [svg])[0]?.display).toBe("file");
    await media.show("r1", 0, svg, "x.svg");
    expect(display.picture).not.toHaveBeenCalled();
    expect(display.save).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), "x.svg");
    expect(media.viewOf("r1", [svg])[0]?.state).toEqual({ kind: "saved" });
  });

  it("says why it did not open: gone, damaged, or not a picture it can draw", async () => {
    for (const reason of ["gone", "damaged"] as const) {
      const { media } = setUp(() => Promise.reject(new ReportMediaError(reason)));
      media.viewOf("r1", [item()]);
      await media.show("r1", 0, item(), "IMG.jpg");
      expect(media.viewOf("r1", [item()])[0]?.state).toEqual({ kind: "failed", reason });
    }
    const { media, display } = setUp(bytes);
    display.picture.mockRejectedValueOnce(new Error("type-mismatch"));
    media.viewOf("r1", [item()]);
    await media.show("r1", 0, item(), "IMG.jpg");
    expect(media.viewOf("r1", [item()])[0]?.state).toEqual({ kind: "failed", reason: "refused" });
  });

  it("lets go of a shown picture when another report opens", async () => {
    const { media, display } = setUp(bytes);
    media.viewOf("r1", [item()]);
    await media.show("r1", 0, item(), "IMG.jpg");
    expect(media.viewOf("r2", [item()])[0]?.state).toEqual({ kind: "hidden" });
    expect(display.release).toHaveBeenCalledWith(picture);
  });

  it("without an opener says it cannot open here", async () => {
    const media = new ModerationMedia(undefined, () => undefined);
    media.viewOf("r1", [item()]);
    await media.show("r1", 0, item(), "IMG.jpg");
    expect(media.viewOf("r1", [item()])[0]?.state).toEqual({
      kind: "failed",
      reason: "not-configured",
    });
  });
});
