import { MatrixError, type AuthDict } from "matrix-js-sdk";
import { encodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { SecretStorageKeyDescription } from "matrix-js-sdk/lib/secret-storage.js";
import { describe, expect, it } from "vitest";
import {
  createSecretStorageCallbacks,
  normaliseRecoveryKeyInput,
  parseRecoveryKey,
  passwordConfirmation,
  recoveryStatusFrom,
  type RecoveryFacts,
} from "./keyBackup.ts";

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

describe("recoveryStatusFrom", () => {
  const ready: RecoveryFacts = {
    backupVersion: "3",
    backupKeyInSecretStorage: true,
    deviceHasBackupKey: true,
    activeBackupVersion: "3",
  };

  it("is set up on this device when the device holds the key and uploads to that backup", () => {
    expect(recoveryStatusFrom(ready)).toBe("set-up-on-this-device");
  });

  it("needs the recovery key when a backup the key can open exists but the device cannot read it", () => {
    expect(
      recoveryStatusFrom({ ...ready, deviceHasBackupKey: false, activeBackupVersion: null }),
    ).toBe("needs-recovery-key");
    // Holding the key of an older backup is not enough.
    expect(recoveryStatusFrom({ ...ready, activeBackupVersion: "2" })).toBe("needs-recovery-key");
  });

  it("is not set up when there is no backup, or none a recovery key could open", () => {
    expect(recoveryStatusFrom({ ...ready, backupVersion: null })).toBe("not-set-up");
    expect(recoveryStatusFrom({ ...ready, backupKeyInSecretStorage: false })).toBe("not-set-up");
  });
});

describe("passwordConfirmation", () => {
  const challenge = (): MatrixError =>
    new MatrixError(
      { errcode: "M_FORBIDDEN", session: "uia-1", flows: [{ stages: ["m.login.password"] }] },
      401,
    );

  it("sends no password when the server does not ask (the first upload)", async () => {
    const calls: (AuthDict | null)[] = [];
    await passwordConfirmation(
      "@noor:localhost",
      "pw",
    )((auth) => {
      calls.push(auth);
      return Promise.resolve();
    });
    expect(calls).toEqual([null]);
  });

  it("answers the server's challenge with the password and the challenge's session", async () => {
    const calls: (AuthDict | null)[] = [];
    await passwordConfirmation(
      "@noor:localhost",
      "pw",
    )((auth) => {
      calls.push(auth);
      return auth === null ? Promise.reject(challenge()) : Promise.resolve();
    });
    expect(calls).toEqual([
      null,
      {
        type: "m.login.password",
        identifier: { type: "m.id.user", user: "@noor:localhost" },
        password: "pw",
        session: "uia-1",
      },
    ]);
  });

  it("reports a missing or wrong password, and passes other errors on", async () => {
    const alwaysChallenged = (): Promise<void> => Promise.reject(challenge());
    await expect(
      passwordConfirmation("@noor:localhost", undefined)(alwaysChallenged),
    ).rejects.toMatchObject({ kind: "password-needed" });
    await expect(
      passwordConfirmation("@noor:localhost", "wrong")(alwaysChallenged),
    ).rejects.toMatchObject({ kind: "wrong-password" });
    const offline = new TypeError("fetch failed");
    await expect(
      passwordConfirmation("@noor:localhost", "pw")(() => Promise.reject(offline)),
    ).rejects.toBe(offline);
  });
});

describe("createSecretStorageCallbacks", () => {
  it("hands the SDK no key outside a recovery operation", async () => {
    const callbacks = createSecretStorageCallbacks();
    const description: SecretStorageKeyDescription = {
      name: "",
      algorithm: "m.secret_storage.v1.aes-hmac-sha2",
      passphrase: { algorithm: "m.pbkdf2", iterations: 1, salt: "" },
      iv: "",
      mac: "",
    };
    const keys = { k1: description };
    callbacks.cacheSecretStorageKey?.("k1", keys.k1, Uint8Array.from(keyBytes));
    expect(await callbacks.getSecretStorageKey?.({ keys }, "m.megolm_backup.v1")).toBeNull();
  });
});
