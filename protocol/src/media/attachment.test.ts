// Protocol, media: encrypted attachments v2, against the test vectors every
// Matrix client checks (Element's browser-encrypt-attachment, carried on by
// matrix-encrypt-attachment and Element Android), and round trips.

import { describe, expect, it } from "vitest";
import {
  AttachmentError,
  decryptAttachment,
  encryptAttachment,
  fromBase64,
  isMxcUri,
  parseEncryptedFile,
  toBase64,
  type EncryptedFileKeys,
} from "./attachment.ts";

const ALL_ONES_KEY = "__________________________________________8";

/** [ciphertext (base64), keys, plaintext (base64)]: Element's v2 vectors. */
const ELEMENT_VECTORS: readonly (readonly [string, EncryptedFileKeys, string])[] = [
  [
    "",
    keys(
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAA",
      "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
    ),
    "",
  ],
  [
    "5xJZTt5cQicm+9f4",
    keys(ALL_ONES_KEY, "//////////8AAAAAAAAAAA", "YzF08lARDdOCzJpzuSwsjTNlQc4pHxpdHcXiD/wpK6k"),
    "SGVsbG8sIFdvcmxk",
  ],
  [
    "zhtFStAeFx0s+9L/sSQO+WQMtldqYEHqTxMduJrCIpnkyer09kxJJuA4K+adQE4w+7jZe/vR9kIcqj9rOhDR8Q",
    keys(ALL_ONES_KEY, "//////////8AAAAAAAAAAA", "IOq7/dHHB+mfHfxlRY5XMeCWEwTPmlf4cJcgrkf6fVU"),
    "YWxwaGFudW1lcmljYWxseWFscGhhbnVtZXJpY2FsbHlhbHBoYW51bWVyaWNhbGx5YWxwaGFudW1lcmljYWxseQ",
  ],
];

function keys(k: string, iv: string, sha256: string): EncryptedFileKeys {
  return {
    key: { kty: "oct", key_ops: ["encrypt", "decrypt"], alg: "A256CTR", k, ext: true },
    iv,
    hashes: { sha256 },
    v: "v2",
  };
}

const bytes = (base64: string): Uint8Array<ArrayBuffer> =>
  fromBase64(base64, false) ?? new Uint8Array();

describe("encrypted attachments (v2)", () => {
  it.each(ELEMENT_VECTORS)("decrypts Element's vector %#", async (ciphertext, file, plaintext) => {
    const decrypted = await decryptAttachment(bytes(ciphertext), file);
    expect(toBase64(decrypted, false)).toBe(plaintext);
  });

  it.each(ELEMENT_VECTORS)(
    "encrypts to Element's vector %# with its key and IV",
    async (ciphertext, file, plaintext) => {
      if (plaintext === "") return;
      const fixed = [fromBase64(file.key.k, true), fromBase64(file.iv, false)?.subarray(0, 8)];
      const encrypted = await encryptAttachment(bytes(plaintext), (length) => {
        const next = fixed.shift();
        if (next?.length !== length) throw new Error("unexpected random request");
        return Uint8Array.from(next);
      });
      expect(toBase64(encrypted.ciphertext, false)).toBe(ciphertext);
      expect(encrypted.keys).toEqual(file);
    },
  );

  it("round-trips a file with a fresh key and a zero counter", async () => {
    const plaintext = Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) % 256);
    const first = await encryptAttachment(plaintext);
    const second = await encryptAttachment(plaintext);
    expect(first.keys.key.k).not.toBe(second.keys.key.k);
    expect(first.ciphertext).not.toEqual(plaintext);
    // The counter half of the IV starts at zero, so it cannot wrap within a file.
    expect(fromBase64(first.keys.iv, false)?.subarray(8)).toEqual(new Uint8Array(8));
    expect(await decryptAttachment(first.ciphertext, first.keys)).toEqual(plaintext);
  });

  it("refuses bytes the server changed, before decrypting", async () => {
    const { ciphertext, keys: fileKeys } = await encryptAttachment(new Uint8Array([1, 2, 3, 4]));
    const tampered = Uint8Array.from(ciphertext);
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    await expect(decryptAttachment(tampered, fileKeys)).rejects.toMatchObject({
      reason: "hash-mismatch",
    });
  });

  it("refuses v1 and malformed keys", async () => {
    const [, file] = ELEMENT_VECTORS[1] ?? [];
    if (file === undefined) throw new Error("vector missing");
    const v1 = { ...file, v: "v1" } as unknown as EncryptedFileKeys;
    await expect(decryptAttachment(new Uint8Array(), v1)).rejects.toBeInstanceOf(AttachmentError);
    const shortKey = { ...file, key: { ...file.key, k: "AAAA" } };
    await expect(decryptAttachment(new Uint8Array(), shortKey)).rejects.toMatchObject({
      reason: "malformed",
    });
  });
});

describe("parseEncryptedFile", () => {
  const [, file] = ELEMENT_VECTORS[1] ?? [];

  it("reads a well-formed EncryptedFile", () => {
    const parsed = parseEncryptedFile({ ...file, url: "mxc://localhost/AbCdEf_12-3" });
    expect(parsed).toEqual({ ok: true, value: { ...file, url: "mxc://localhost/AbCdEf_12-3" } });
  });

  it.each([
    ["an http URL", { ...file, url: "https://evil.example/a.png" }, "not-mxc"],
    ["a data URL", { ...file, url: "data:image/png;base64,AAAA" }, "not-mxc"],
    ["an mxc with a path", { ...file, url: "mxc://localhost/../x" }, "not-mxc"],
    ["no url", { ...file }, "malformed"],
    ["version 1", { ...file, url: "mxc://localhost/a", v: "v1" }, "unsupported-version"],
    ["no hash", { ...file, url: "mxc://localhost/a", hashes: {} }, "malformed"],
    [
      "another algorithm",
      { ...file, url: "mxc://localhost/a", key: { alg: "A256GCM" } },
      "malformed",
    ],
    ["an array", [], "malformed"],
  ])("refuses %s", (_name, value, reason) => {
    expect(parseEncryptedFile(value)).toEqual({ ok: false, reason });
  });

  it("knows an mxc URI", () => {
    expect(isMxcUri("mxc://localhost:8008/abc")).toBe(true);
    expect(isMxcUri("http://localhost/abc")).toBe(false);
  });
});
