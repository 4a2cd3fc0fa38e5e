// Protocol, age format: the signing inputs, byte for byte, with the worked example of the docs.
import { describe, expect, it } from "vitest";
import { fromBase64Url, lengthPrefixed, readySodium, toBase64Url } from "../codec.ts";
import {
  ATTESTATION_CONTEXT,
  attestationSigningInput,
  presentationSigningInput,
} from "./canonical.ts";
import type { AgePresentation } from "./format.ts";
import { issuerKeyIdFor } from "./keys.ts";
import { createMemoryReplayCache } from "./replayCache.ts";
import { verifyPresentation } from "./verify.ts";

// The worked example of docs/age-assurance.md: issuer seed 32 × 0x01, holder
// seed 32 × 0x02, id 16 × 0x03, nonce 16 × 0x04. Ed25519 is deterministic, so
// another implementation of the format must produce exactly these bytes (the
// full set of vectors is protocol/test-vectors/).
const VECTOR: AgePresentation = {
  version: 1,
  attestation: {
    version: 1,
    issuerKeyId: "ed25519:5oCPM_vsh5dRIoBKyc7ajg",
    subject: "@noor:localhost",
    holderKey: "gTl3Dqh9F19Wo1Rmw0x-zMuNipG07jeiXfYPW4_Js5Q",
    band: "13-15",
    issuedAt: 1795392000,
    expiresAt: 1803168000,
    id: "AwMDAwMDAwMDAwMDAwMDAw",
    signature:
      "oj6AahNv6j7WEe251aEXYYsGyvO_U36tol5I356T7LroBCoV4FgaIW2xASEgPVc8_M4TSDa8JP6rGr11qnGoCw",
  },
  audience: "@alex:localhost",
  roomId: "!request:localhost",
  nonce: "BAQEBAQEBAQEBAQEBAQEBA",
  presentedAt: 1795395600,
  signature:
    "K7cS6O6zJNHuI_NyAXo_fBdz3kfodvI-q0uCUnAGYUwudYPC8DoaBbUHQYOhLAzgOit1QfKXXBQjrcqwf4drAg",
};
const ISSUER_PUBLIC_KEY = "iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w";

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** A copy of `value` without `key` (what a sender who leaves a field out produces). */
function without<T extends object, K extends keyof T & string>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>;
}

describe("canonical serialisation", () => {
  it("puts the attestation's fields in a fixed order after the context string", () => {
    const expected = [
      ATTESTATION_CONTEXT,
      "1",
      "ed25519:5oCPM_vsh5dRIoBKyc7ajg",
      "@noor:localhost",
      "gTl3Dqh9F19Wo1Rmw0x-zMuNipG07jeiXfYPW4_Js5Q",
      "13-15",
      "1795392000",
      "1803168000",
      "AwMDAwMDAwMDAwMDAwMDAw",
    ];
    expect(hex(attestationSigningInput(VECTOR.attestation))).toBe(hex(lengthPrefixed(expected)));
    expect(hex(attestationSigningInput(VECTOR.attestation)).slice(0, 72)).toBe(
      "00000020" + "7361666574792d62792d64657369676e2f6167652d6174746573746174696f6e",
    );
  });

  it("keeps the absent room distinct from every real room", () => {
    const withoutRoom = without(VECTOR, "roomId");
    expect(hex(presentationSigningInput(withoutRoom))).not.toBe(
      hex(presentationSigningInput(VECTOR)),
    );
  });

  it("reproduces the documented test vector", async () => {
    const s = await readySodium();
    const issuer = s.crypto_sign_seed_keypair(new Uint8Array(32).fill(1));
    const holder = s.crypto_sign_seed_keypair(new Uint8Array(32).fill(2));
    expect(toBase64Url(s, issuer.publicKey)).toBe(ISSUER_PUBLIC_KEY);
    expect(toBase64Url(s, holder.publicKey)).toBe(VECTOR.attestation.holderKey);
    expect(await issuerKeyIdFor(ISSUER_PUBLIC_KEY)).toBe(VECTOR.attestation.issuerKeyId);
    const issuerSignature = s.crypto_sign_detached(
      attestationSigningInput(VECTOR.attestation),
      issuer.privateKey,
    );
    expect(toBase64Url(s, issuerSignature)).toBe(VECTOR.attestation.signature);
    const holderSignature = s.crypto_sign_detached(
      presentationSigningInput(VECTOR),
      holder.privateKey,
    );
    expect(toBase64Url(s, holderSignature)).toBe(VECTOR.signature);
    expect(fromBase64Url(s, VECTOR.nonce, 16)).toEqual(new Uint8Array(16).fill(4));

    const result = await verifyPresentation(VECTOR, {
      audienceUserId: "@alex:localhost",
      subjectUserId: "@noor:localhost",
      roomId: "!request:localhost",
      now: VECTOR.presentedAt * 1000,
      trustedIssuers: [{ keyId: VECTOR.attestation.issuerKeyId, publicKey: ISSUER_PUBLIC_KEY }],
      replayCache: createMemoryReplayCache(),
    });
    expect(result).toMatchObject({ verified: true, band: "13-15" });
  });
});
