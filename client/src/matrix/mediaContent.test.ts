// Matrix layer: reading an image or file event, and every way a sender can
// get it wrong becoming a placeholder before anything is fetched.
import { describe, expect, it } from "vitest";
import { isMxc, readMediaContent } from "./mediaContent.ts";

const KEY = "qcHVMSgYg-71CauWBezXI5qkaRb0LuIy-Wx5kIaHMIA";
const IV = "X85+XgHN+HEAAAAAAAAAAA";
const SHA = "cFpn4N81VJtHkWkA/HJLqRzVdSlK1+b1lTFwMBbqfIw";

const encryptedFile = (url = "mxc://localhost/abcDEF123") => ({
  url,
  key: { kty: "oct", key_ops: ["encrypt", "decrypt"], alg: "A256CTR", k: KEY, ext: true },
  iv: IV,
  hashes: { sha256: SHA },
  v: "v2",
});

/** A photo as our client (and Element) sends it. */
const photo = (overrides: Record<string, unknown> = {}, info: Record<string, unknown> = {}) => ({
  msgtype: "m.image",
  body: "foto.jpg",
  file: encryptedFile(),
  info: {
    mimetype: "image/jpeg",
    size: 120_000,
    w: 1200,
    h: 900,
    thumbnail_file: encryptedFile("mxc://localhost/thumb1"),
    thumbnail_info: { mimetype: "image/jpeg", size: 20_000, w: 800, h: 600 },
    ...info,
  },
  ...overrides,
});

describe("reading an image or file event", () => {
  it("reads a well-formed encrypted photo with its preview, keeping the keys in this layer", () => {
    const { media, source } = readMediaContent(photo(), true);
    expect(media).toEqual({
      kind: "image",
      display: "picture",
      mimetype: "image/jpeg",
      size: 120_000,
      width: 1200,
      height: 900,
      name: "foto.jpg",
      problem: undefined,
    });
    expect(source?.file.file.url).toBe("mxc://localhost/abcDEF123");
    expect(source?.preview?.file.url).toBe("mxc://localhost/thumb1");
    // The view's half carries no URL and no key.
    expect(JSON.stringify(media)).not.toMatch(/mxc|A256CTR|abcDEF/u);
  });

  it("never fetches an http URL (a tracker or the attacker's server)", () => {
    const { media, source } = readMediaContent(
      { msgtype: "m.image", body: "x.jpg", url: "http://198.51.100.7/x.jpg", info: {} },
      true,
    );
    expect(media.problem).toBe("not-mxc");
    expect(source).toBeUndefined();
    expect(
      readMediaContent(photo({ file: encryptedFile("https://evil.example/a") }), true).media
        .problem,
    ).toBe("not-mxc");
  });

  it("refuses media sent in the clear into an encrypted room, and a plaintext copy beside the encrypted one", () => {
    const clear = {
      msgtype: "m.image",
      body: "x.jpg",
      url: "mxc://localhost/plain",
      info: { mimetype: "image/jpeg" },
    };
    expect(readMediaContent(clear, true).media.problem).toBe("not-encrypted");
    expect(readMediaContent(clear, true).source).toBeUndefined();
    expect(readMediaContent(photo({ url: "mxc://localhost/plain" }), true).media.problem).toBe(
      "not-encrypted",
    );
    // In a room without encryption too: plaintext media is never fetched.
    expect(readMediaContent(photo(), false).media.problem).toBe("not-encrypted");
  });

  it("refuses missing or broken keys", () => {
    const broken = { ...encryptedFile(), key: { kty: "oct", alg: "A256CTR", k: "short" } };
    expect(readMediaContent(photo({ file: broken }), true).media.problem).toBe("missing-keys");
    expect(
      readMediaContent(photo({ file: { ...encryptedFile(), v: "v1" } }), true).media.problem,
    ).toBe("missing-keys");
    expect(readMediaContent({ msgtype: "m.file", body: "a.pdf" }, true).media.problem).toBe(
      "missing-keys",
    );
  });

  it("refuses a preview that is not a plain picture, not encrypted, or larger than its picture", () => {
    const svgThumb = photo({}, { thumbnail_info: { mimetype: "image/svg+xml", w: 10, h: 10 } });
    expect(readMediaContent(svgThumb, true).media.problem).toBe("thumbnail-mismatch");
    const htmlThumb = photo({}, { thumbnail_info: { mimetype: "text/html" } });
    expect(readMediaContent(htmlThumb, true).media.problem).toBe("thumbnail-mismatch");
    const bigger = photo({}, { thumbnail_info: { mimetype: "image/jpeg", w: 5000, h: 5000 } });
    expect(readMediaContent(bigger, true).media.problem).toBe("thumbnail-mismatch");
    const plainThumb = photo({}, { thumbnail_file: undefined, thumbnail_url: "mxc://localhost/t" });
    expect(readMediaContent(plainThumb, true).media.problem).toBe("thumbnail-mismatch");
    const httpThumb = photo({}, { thumbnail_file: encryptedFile("http://198.51.100.7/t.png") });
    expect(readMediaContent(httpThumb, true).media.problem).toBe("not-mxc");
  });

  it("refuses huge declared dimensions and sizes before fetching", () => {
    expect(readMediaContent(photo({}, { w: 50_000, h: 50_000 }), true).media.problem).toBe(
      "too-large",
    );
    expect(readMediaContent(photo({}, { w: 12_000, h: 12_000 }), true).media.problem).toBe(
      "too-large",
    );
    expect(readMediaContent(photo({}, { size: 900 * 1024 * 1024 }), true).media.problem).toBe(
      "too-large",
    );
  });

  it("shows SVG, HTML, unknown types, video and audio as files, never as pictures", () => {
    for (const mimetype of ["image/svg+xml", "text/html", "application/x-msdownload", undefined]) {
      const { media } = readMediaContent(photo({}, { mimetype }), true);
      expect(media.display, String(mimetype)).toBe("file");
      expect(media.problem).toBeUndefined();
    }
    expect(
      readMediaContent(photo({ msgtype: "m.video" }, { mimetype: "video/mp4" }), true).media,
    ).toMatchObject({ kind: "video", display: "file" });
    expect(
      readMediaContent(photo({ msgtype: "m.audio" }, { mimetype: "audio/ogg" }), true).media,
    ).toMatchObject({ kind: "audio", display: "file" });
  });

  it("keeps a MIME type only when it reads as one, and cleans the file name", () => {
    const { media } = readMediaContent(
      photo(
        { msgtype: "m.file", body: "rap\u202Eport.exe", filename: undefined },
        { mimetype: "<b>x</b>" },
      ),
      true,
    );
    expect(media.mimetype).toBeUndefined();
    expect(media.name).toBe("rapport.exe");
    expect(
      readMediaContent(photo({}, { mimetype: "IMAGE/JPEG; charset=x" }), true).media.mimetype,
    ).toBe("image/jpeg");
  });

  it("ignores a file's thumbnail: only a picture's preview is ever fetched", () => {
    const pdf = photo({ msgtype: "m.file", body: "a.pdf" }, { mimetype: "application/pdf" });
    const { media, source } = readMediaContent(pdf, true);
    expect(media.display).toBe("file");
    expect(source?.preview).toBeUndefined();
  });

  it("knows a well-formed mxc URI", () => {
    expect(isMxc("mxc://localhost/abc_DEF-1")).toBe(true);
    expect(isMxc("mxc://localhost:8008/abc")).toBe(true);
    expect(isMxc("mxc://localhost/abc/../x")).toBe(false);
    expect(isMxc("mxc://evil host/abc")).toBe(false);
    expect(isMxc("http://localhost/abc")).toBe(false);
  });
});
