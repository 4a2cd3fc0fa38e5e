// What the client sends for an image or file is the spec's content (file and
// thumbnail_file as EncryptedFile v2, no plain url), and the receiving side
// of this same client reads it back without a problem.
import { encryptAttachment, type EncryptedFile } from "@safety-by-design/protocol";
import { describe, expect, it } from "vitest";
import { readMediaContent } from "./mediaContent.ts";
import { mediaEventContent } from "./mediaUpload.ts";

async function uploaded(url: string): Promise<EncryptedFile> {
  const { keys } = await encryptAttachment(new Uint8Array([1, 2, 3]));
  return { url, ...keys };
}

describe("mediaEventContent", () => {
  it("writes an image as m.image with its encrypted file and preview, and reads back clean", async () => {
    const file = await uploaded("mxc://localhost/photo");
    const thumbnail = await uploaded("mxc://localhost/preview");
    const content = mediaEventContent({
      kind: "image",
      body: "Het strand",
      filename: "image.jpg",
      main: { file, mimetype: "image/jpeg", size: 120_000, width: 800, height: 1200 },
      thumbnail: { file: thumbnail, mimetype: "image/jpeg", size: 20_000, width: 533, height: 800 },
    });
    expect(content).toEqual({
      msgtype: "m.image",
      body: "Het strand",
      filename: "image.jpg",
      file,
      info: {
        mimetype: "image/jpeg",
        size: 120_000,
        w: 800,
        h: 1200,
        thumbnail_file: thumbnail,
        thumbnail_info: { mimetype: "image/jpeg", size: 20_000, w: 533, h: 800 },
      },
    });
    expect(content).not.toHaveProperty("url");
    const read = readMediaContent(content as unknown as Record<string, unknown>, true);
    expect(read.media).toMatchObject({ kind: "image", display: "picture", problem: undefined });
  });

  it("writes any other file as m.file, never as an image", async () => {
    const file = await uploaded("mxc://localhost/page");
    const content = mediaEventContent({
      kind: "file",
      body: "page.html",
      filename: "page.html",
      main: { file, mimetype: "text/html", size: 3 },
    });
    expect(content).toEqual({
      msgtype: "m.file",
      body: "page.html",
      filename: "page.html",
      file,
      info: { mimetype: "text/html", size: 3 },
    });
    const read = readMediaContent(content as unknown as Record<string, unknown>, true);
    expect(read.media).toMatchObject({ kind: "file", display: "file", problem: undefined });
  });
});
