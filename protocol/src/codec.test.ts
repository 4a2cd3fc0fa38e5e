// Protocol, codec: canonical base64url (one spelling per value) and length-prefixed items.
import { describe, expect, it } from "vitest";
import {
  base64UrlLength,
  fromBase64Url,
  fromBase64UrlOfAnyLength,
  lengthPrefixed,
  readySodium,
  signingInput,
  toBase64Url,
} from "./codec.ts";

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

describe("base64url", () => {
  it("spells bytes in the URL-safe alphabet without padding", async () => {
    const s = await readySodium();
    expect(toBase64Url(s, Uint8Array.of(0xfb, 0xff, 0xbf))).toBe("-_-_");
    expect(toBase64Url(s, Uint8Array.of(1))).toBe("AQ");
    expect(base64UrlLength(32)).toBe(43);
    expect(base64UrlLength(64)).toBe(86);
    expect(base64UrlLength(16)).toBe(22);
  });

  it("decodes exactly the stated number of bytes, and nothing else", async () => {
    const s = await readySodium();
    const key = toBase64Url(s, new Uint8Array(32).fill(7));
    expect(fromBase64Url(s, key, 32)).toEqual(new Uint8Array(32).fill(7));
    expect(fromBase64Url(s, key, 31)).toBeUndefined();
    expect(fromBase64Url(s, key, 33)).toBeUndefined();
    expect(fromBase64Url(s, `${key}A`, 32)).toBeUndefined();
    expect(fromBase64Url(s, key.slice(1), 32)).toBeUndefined();
  });

  it("accepts only the canonical spelling", async () => {
    const s = await readySodium();
    // "AQ" is 0x01; "AR" decodes to the same byte with non-zero padding bits.
    expect(fromBase64Url(s, "AQ", 1)).toEqual(Uint8Array.of(1));
    expect(fromBase64Url(s, "AR", 1)).toBeUndefined();
    expect(fromBase64UrlOfAnyLength(s, "AR")).toBeUndefined();
    // Padding, the standard alphabet, spaces and line breaks are other spellings.
    expect(fromBase64Url(s, "AQ==", 1)).toBeUndefined();
    expect(fromBase64UrlOfAnyLength(s, "AQ==")).toBeUndefined();
    expect(fromBase64Url(s, "+/+/", 3)).toBeUndefined();
    expect(fromBase64UrlOfAnyLength(s, "-_-_")).toEqual(Uint8Array.of(0xfb, 0xff, 0xbf));
    expect(fromBase64UrlOfAnyLength(s, "-_ -_")).toBeUndefined();
    expect(fromBase64UrlOfAnyLength(s, "-_-_\n")).toBeUndefined();
    expect(fromBase64UrlOfAnyLength(s, "A")).toBeUndefined();
  });
});

describe("length-prefixed items", () => {
  it("is a 4-byte big-endian length before each UTF-8 item", () => {
    expect(hex(lengthPrefixed(["ab", new Uint8Array([0xff]), "", "é"]))).toBe(
      "00000002" + "6162" + "00000001" + "ff" + "00000000" + "00000002" + "c3a9",
    );
  });

  it("puts the context string first in a signing input", () => {
    expect(hex(signingInput("ctx", ["a", Uint8Array.of(2)]))).toBe(
      "00000003" + "637478" + "00000001" + "61" + "00000001" + "02",
    );
  });
});
