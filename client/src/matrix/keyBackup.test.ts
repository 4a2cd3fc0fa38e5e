import { MatrixError, type AuthDict } from "matrix-js-sdk";
import type { SecretStorageKeyDescription } from "matrix-js-sdk/lib/secret-storage.js";
import { describe, expect, it } from "vitest";
import {
  createSecretStorageCallbacks,
  passwordConfirmation,
  recoveryStatusFrom,
  type RecoveryFacts,
} from "./keyBackup.ts";

const keyBytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256);

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
