import { encodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { describe, expect, it } from "vitest";
import { normaliseRecoveryKeyInput, parseRecoveryKey } from "./recoveryKeyInput.ts";

const keyBytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256);
const encoded = encodeRecoveryKey(keyBytes) ?? "";

describe("normaliseRecoveryKeyInput", () => {
  it("regroups what a person typed or pasted into the SDK's groups of four", () => {
    const compact = encoded.replace(/ /g, "");
    expect(normaliseRecoveryKeyInput(compact)).toBe(encoded);
    expect(normaliseRecoveryKeyInput(` ${encoded.split(" ").join("-")}\n`)).toBe(encoded);
    expect(normaliseRecoveryKeyInput(encoded.split(" ").join(" \u2013 "))).toBe(encoded);
    expect(normaliseRecoveryKeyInput(encoded.replace(/ /g, "\u200B"))).toBe(encoded);
  });

  it("reads full-width characters and a misread zero or capital O as the small o", () => {
    expect(normaliseRecoveryKeyInput("ＥｓＴｃ")).toBe("EsTc");
    expect(normaliseRecoveryKeyInput("0O0o")).toBe("oooo");
  });

  it("keeps upper and lower case: they are different characters of the key", () => {
    expect(normaliseRecoveryKeyInput("estc ESTC")).toBe("estc ESTC");
  });
});

describe("parseRecoveryKey", () => {
  it("decodes the SDK's encoding back to the key's bytes, however it was typed", () => {
    const loose = encoded.split(" ").join("-").replace(/o/g, "0");
    const parsed = parseRecoveryKey(loose);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Array.from(parsed.key)).toEqual(Array.from(keyBytes));
  });

  it("names what is wrong with text that is not a key", () => {
    expect(parseRecoveryKey("  - ")).toEqual({ ok: false, problem: "empty" });
    // The alphabet has no capital I and no small L.
    expect(parseRecoveryKey(`${encoded.slice(0, -1)}l`)).toEqual({
      ok: false,
      problem: "invalid-characters",
    });
    expect(parseRecoveryKey(encoded.slice(0, -5))).toEqual({ ok: false, problem: "wrong-length" });
    expect(parseRecoveryKey(`${encoded} abcd`)).toEqual({ ok: false, problem: "wrong-length" });
  });

  it("catches a mistyped character through the parity byte", () => {
    // Each swap of the last character changes only the parity-checked tail.
    const last = encoded.at(-1);
    const swaps = ["2", "3", "4", "5"].filter((c) => c !== last);
    for (const swap of swaps.slice(0, 3)) {
      expect(parseRecoveryKey(`${encoded.slice(0, -1)}${swap}`)).toEqual({
        ok: false,
        problem: "typo",
      });
    }
  });
});
