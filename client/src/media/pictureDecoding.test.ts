// Media: a picture is checked before decoding (format, dimensions, bytes),
// checked again after (the decoder's dimensions), and shown as a bitmap this
// device scaled. The codec is a stand-in here; the e2e test decodes for real.
import { describe, expect, it, vi } from "vitest";
import { MEDIA_LIMITS } from "./mediaLimits.ts";
import { PictureRefused, pictureForDisplay, type PictureCodec } from "./pictureDecoding.ts";
import { jpeg, png } from "./testPictures.ts";

function codec(decoded: { width: number; height: number }) {
  const close = vi.fn();
  const decode = vi.fn(() => Promise.resolve({ ...decoded, close } as unknown as ImageBitmap));
  const scaledClose = vi.fn();
  const redraw = vi.fn((_bitmap: ImageBitmap, width: number, height: number) =>
    Promise.resolve({ width, height, close: scaledClose } as unknown as ImageBitmap),
  );
  return {
    codec: { decode, scale: redraw } satisfies PictureCodec,
    decode,
    redraw,
    close,
    scaledClose,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "shown";
  } catch (error) {
    return error instanceof PictureRefused ? error.reason : `other: ${String(error)}`;
  }
}

describe("a picture for display", () => {
  it("decodes, checks and scales a picture within the limits, smaller", async () => {
    const fake = codec({ width: 1440, height: 1080 });
    const shown = await pictureForDisplay(jpeg(1440, 1080), "image/jpeg", MEDIA_LIMITS, fake.codec);
    expect(shown).toMatchObject({ width: 720, height: 540 });
    expect(shown.bitmap).toMatchObject({ width: 720, height: 540 });
    expect(fake.redraw).toHaveBeenCalledWith(expect.anything(), 720, 540);
    // The full-size decode is let go at once; the scaled one is the caller's to close.
    expect(fake.close).toHaveBeenCalled();
    expect(fake.scaledClose).not.toHaveBeenCalled();
  });

  it("keeps a picture already small enough as decoded, and scales to the viewer's size when asked", async () => {
    const small = codec({ width: 400, height: 300 });
    const shown = await pictureForDisplay(png(400, 300), "image/png", MEDIA_LIMITS, small.codec);
    expect(shown).toMatchObject({ width: 400, height: 300 });
    expect(small.redraw).not.toHaveBeenCalled();
    expect(small.close).not.toHaveBeenCalled();
    const large = codec({ width: 4000, height: 3000 });
    const full = await pictureForDisplay(
      jpeg(4000, 3000),
      "image/jpeg",
      MEDIA_LIMITS,
      large.codec,
      2560,
    );
    expect(full).toMatchObject({ width: 2560, height: 1920 });
  });

  it("refuses a decompression bomb before decoding it", async () => {
    const fake = codec({ width: 100_000, height: 100_000 });
    expect(
      await refusal(
        pictureForDisplay(png(100_000, 100_000), "image/png", MEDIA_LIMITS, fake.codec),
      ),
    ).toBe("too-large");
    expect(fake.decode).not.toHaveBeenCalled();
  });

  it("refuses a picture the decoder finds larger than its header said", async () => {
    const fake = codec({ width: 20_000, height: 20_000 });
    expect(
      await refusal(pictureForDisplay(png(100, 100), "image/png", MEDIA_LIMITS, fake.codec)),
    ).toBe("too-large");
    expect(fake.close).toHaveBeenCalled();
    expect(fake.redraw).not.toHaveBeenCalled();
  });

  it("refuses bytes that are not the declared type (a lying MIME type, SVG with script)", async () => {
    const fake = codec({ width: 10, height: 10 });
    expect(
      await refusal(pictureForDisplay(png(10, 10), "image/jpeg", MEDIA_LIMITS, fake.codec)),
    ).toBe("type-mismatch");
    const svg = new TextEncoder().encode("<svg><script>alert(1)</script></svg>");
    expect(await refusal(pictureForDisplay(svg, "image/png", MEDIA_LIMITS, fake.codec))).toBe(
      "type-mismatch",
    );
    expect(await refusal(pictureForDisplay(svg, undefined, MEDIA_LIMITS, fake.codec))).toBe(
      "type-mismatch",
    );
    expect(fake.decode).not.toHaveBeenCalled();
  });

  it("refuses more bytes than a picture may have, and what the decoder cannot read", async () => {
    const tooMany = new Uint8Array(MEDIA_LIMITS.maxPictureBytes + 1);
    tooMany.set(png(10, 10));
    expect(
      await refusal(
        pictureForDisplay(
          tooMany,
          "image/png",
          MEDIA_LIMITS,
          codec({ width: 10, height: 10 }).codec,
        ),
      ),
    ).toBe("too-large");
    const failing: PictureCodec = {
      decode: () => Promise.reject(new Error("cannot decode")),
      scale: () => Promise.reject(new Error("unreachable")),
    };
    expect(await refusal(pictureForDisplay(png(10, 10), "image/png", MEDIA_LIMITS, failing))).toBe(
      "damaged",
    );
  });
});
