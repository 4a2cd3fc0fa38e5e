// Services layer, reporting: reported media (RMEDIA): the caps, the fresh key,
// and the moderator's download with its clear errors (gone, damaged, too large).
import {
  decryptAttachment,
  encryptAttachment,
  type ReportMediaItem,
} from "@safety-by-design/protocol";
import { describe, expect, it } from "vitest";
import {
  encryptReportMedia,
  fetchReportMedia,
  PENDING_MEDIA_URL,
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
  it("gives ciphertext only, under a fresh key each time, and uploads nothing", async () => {
    const first = await encryptReportMedia([plain()]);
    const second = await encryptReportMedia([plain()]);
    if (!first.ok || !second.ok) throw new Error("not encrypted");
    expect(first.items[0]?.file.key.k).not.toBe(second.items[0]?.file.key.k);
    expect(first.items[0]?.file.url).toBe(PENDING_MEDIA_URL);
    const copy = first.ciphertexts[0] ?? new Uint8Array();
    expect(Buffer.from(copy).includes(Buffer.from(PLAIN))).toBe(false);
    expect(copy).not.toEqual(second.ciphertexts[0]);
    // The copy opens with the keys that go into the bundle.
    const item = first.items[0];
    if (item === undefined) throw new Error("no item");
    expect(await decryptAttachment(copy, item.file)).toEqual(PLAIN);
  });

  it("refuses what is over the caps", async () => {
    const limits = { maxItemBytes: 10, maxReportBytes: 100, maxItems: 2 };
    expect(await encryptReportMedia([plain()], limits)).toMatchObject({
      ok: false,
      reason: "too-large",
    });
    const small = plain(new Uint8Array(8));
    expect(await encryptReportMedia([small, small, small], limits)).toMatchObject({
      ok: false,
      reason: "too-many",
    });
    expect(
      await encryptReportMedia([small, small], { ...limits, maxReportBytes: 10 }),
    ).toMatchObject({ ok: false, reason: "too-large" });
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
