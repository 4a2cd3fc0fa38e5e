// Services layer, reporting: reported media (RMEDIA): the caps, the fresh key,
// and the moderator's download with its clear errors (gone, damaged, too large).
import { encryptAttachment, type ReportMediaItem } from "@safety-by-design/protocol";
import { describe, expect, it } from "vitest";
import {
  encryptAndUploadReportMedia,
  fetchReportMedia,
  reportMimetype,
  reportName,
  ReportMediaError,
  type ReportMediaPlain,
} from "./reportMedia.ts";

const PLAIN = new TextEncoder().encode("a reported picture");

function plain(bytes = PLAIN): ReportMediaPlain {
  return {
    eventId: "$photo",
    kind: "image",
    mimetype: "image/jpeg",
    name: "IMG.jpg",
    bytes: new Uint8Array(bytes),
  };
}

async function stored(bytes = PLAIN): Promise<{ item: ReportMediaItem; ciphertext: Uint8Array }> {
  const { ciphertext, keys } = await encryptAttachment(new Uint8Array(bytes));
  return {
    ciphertext,
    item: {
      eventId: "$photo",
      kind: "image",
      mimetype: "image/jpeg",
      size: bytes.byteLength,
      name: "IMG.jpg",
      file: { url: "mxc://localhost/abc", ...keys },
    },
  };
}

const answer =
  (status: number, body?: Uint8Array) =>
  (url: string, init?: RequestInit): Promise<Response> => {
    expect(url).toBe("http://127.0.0.1:8008/_matrix/client/v1/media/download/localhost/abc");
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer moderator-token");
    return Promise.resolve(
      new Response(body === undefined ? null : new Uint8Array(body), { status }),
    );
  };

const options = (fetchImpl: (input: string, init?: RequestInit) => Promise<Response>) => ({
  homeserverUrl: "http://127.0.0.1:8008/",
  accessToken: "moderator-token",
  fetch: fetchImpl,
});

describe("re-encrypting reported media", () => {
  it("uploads ciphertext only, under a fresh key each time", async () => {
    const uploads: Uint8Array[] = [];
    const upload = (ciphertext: Uint8Array<ArrayBuffer>) => {
      uploads.push(ciphertext);
      return Promise.resolve({ ok: true as const, url: `mxc://localhost/u${uploads.length}` });
    };
    const first = await encryptAndUploadReportMedia([plain()], upload);
    const second = await encryptAndUploadReportMedia([plain()], upload);
    if (!first.ok || !second.ok) throw new Error("not sealed");
    expect(first.items[0]?.file.key.k).not.toBe(second.items[0]?.file.key.k);
    expect(Buffer.from(uploads[0] ?? []).includes(Buffer.from(PLAIN))).toBe(false);
    expect(uploads[0]).not.toEqual(uploads[1]);
  });

  it("refuses what is over the caps before anything is uploaded", async () => {
    let uploaded = 0;
    const upload = () => {
      uploaded++;
      return Promise.resolve({ ok: true as const, url: "mxc://localhost/x" });
    };
    const limits = { maxItemBytes: 10, maxReportBytes: 100, maxItems: 2 };
    expect(await encryptAndUploadReportMedia([plain()], upload, limits)).toMatchObject({
      ok: false,
      reason: "too-large",
    });
    const small = plain(new Uint8Array(8));
    expect(await encryptAndUploadReportMedia([small, small, small], upload, limits)).toMatchObject({
      ok: false,
      reason: "too-many",
    });
    expect(
      await encryptAndUploadReportMedia([small, small], upload, { ...limits, maxReportBytes: 10 }),
    ).toMatchObject({ ok: false, reason: "too-large" });
    expect(uploaded).toBe(0);
  });

  it("keeps the declared type only when it reads as one, and never an empty name", () => {
    expect(reportMimetype("IMAGE/JPEG; charset=x")).toBe("image/jpeg");
    expect(reportMimetype("<svg>")).toBe("application/octet-stream");
    expect(reportMimetype(undefined)).toBe("application/octet-stream");
    expect(reportName("  ", "image")).toBe("foto");
    expect(reportName("x".repeat(400), "file")).toHaveLength(255);
  });
});

describe("the moderator's download of reported media", () => {
  it("checks the digest and decrypts", async () => {
    const { item, ciphertext } = await stored();
    expect(await fetchReportMedia(item, options(answer(200, ciphertext)))).toEqual(PLAIN);
  });

  it("says 'gone' when the server no longer has it", async () => {
    const { item } = await stored();
    await expect(fetchReportMedia(item, options(answer(404)))).rejects.toMatchObject({
      reason: "gone",
    });
  });

  it("says 'damaged' when the bytes are not the ones sealed", async () => {
    const { item, ciphertext } = await stored();
    const changed = Uint8Array.from(ciphertext);
    changed[0] = (changed[0] ?? 0) ^ 1;
    await expect(fetchReportMedia(item, options(answer(200, changed)))).rejects.toMatchObject({
      reason: "damaged",
    });
  });

  it("stops reading beyond the size the report states", async () => {
    const { item } = await stored();
    const error = await fetchReportMedia(
      item,
      options(answer(200, new Uint8Array(item.size + 1))),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportMediaError);
    expect((error as ReportMediaError).reason).toBe("too-large");
  });

  it("says 'unavailable' without an answer", async () => {
    const { item } = await stored();
    await expect(
      fetchReportMedia(
        item,
        options(() => Promise.reject(new Error("offline"))),
      ),
    ).rejects.toMatchObject({ reason: "unavailable" });
  });
});
