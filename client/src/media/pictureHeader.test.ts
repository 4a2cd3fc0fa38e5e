// Media: reading a picture's format and dimensions from its header, and
// refusing what is not a raster picture, before anything decodes it.
import { describe, expect, it } from "vitest";
import { readPictureHeader } from "./pictureHeader.ts";
import { gif, jpeg, png, webpVp8x } from "./testPictures.ts";

describe("a picture's header", () => {
  it("reads PNG, JPEG, GIF and WebP dimensions", () => {
    expect(readPictureHeader(png(640, 480))).toEqual({
      type: "image/png",
      width: 640,
      height: 480,
    });
    expect(readPictureHeader(jpeg(1200, 900))).toEqual({
      type: "image/jpeg",
      width: 1200,
      height: 900,
    });
    expect(readPictureHeader(gif(32, 16))).toEqual({ type: "image/gif", width: 32, height: 16 });
    expect(readPictureHeader(webpVp8x(4000, 3000))).toEqual({
      type: "image/webp",
      width: 4000,
      height: 3000,
    });
  });

  it("reads the huge canvas a decompression bomb declares", () => {
    expect(readPictureHeader(png(100_000, 100_000))).toEqual({
      type: "image/png",
      width: 100_000,
      height: 100_000,
    });
  });

  it("knows SVG, HTML and programs are not pictures", () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(
      readPictureHeader(
        text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ),
    ).toBeUndefined();
    expect(readPictureHeader(text("<!doctype html><script>alert(1)</script>"))).toBeUndefined();
    expect(readPictureHeader(text("MZ\x90\x00 this program"))).toBeUndefined();
    expect(readPictureHeader(new Uint8Array())).toBeUndefined();
  });

  it("refuses a truncated header", () => {
    expect(readPictureHeader(png(10, 10).subarray(0, 20))).toBeUndefined();
    expect(readPictureHeader(jpeg(10, 10).subarray(0, 6))).toBeUndefined();
  });
});
