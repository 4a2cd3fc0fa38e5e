// Matrix layer: keeping old messages readable after signing in again.
// Every room key this device learns is uploaded to the homeserver's key
// backup, encrypted to a backup key. That backup key sits in secret storage
// (4S), encrypted with the recovery key, which only the person holds. Signing
// in again and typing the recovery key unlocks secret storage, loads the
// backup key and downloads the room keys. docs/key-backup.md explains the
// design; ChatSession exposes these functions with plain types. Beside it:
// recoveryKeyInput.ts (reading a typed key) and keyBackupUploads.ts (waiting
// for uploads before signing out).

import { ClientPrefix, MatrixError, Method, type AuthDict, type MatrixClient } from "matrix-js-sdk";
import {
  encodeRecoveryKey,
  type CryptoApi,
  type CryptoCallbacks,
  type GeneratedSecretStorageKey,
  type KeyBackupInfo,
} from "matrix-js-sdk/lib/crypto-api/index.js";
import type { SecretStorageKeyDescription } from "matrix-js-sdk/lib/secret-storage.js";
import { parseRecoveryKey, type RecoveryKeyProblem } from "./recoveryKeyInput.ts";

/**
 * - "not-set-up": there is no backup a recovery key could open; offer to make one.
 * - "set-up-on-this-device": this device holds the backup key and uploads new keys to the backup.
 * - "needs-recovery-key": a backup exists, but this device cannot read it until the person types the key.
 */
export type RecoveryStatus = "not-set-up" | "set-up-on-this-device" | "needs-recovery-key";

export type SetUpRecoveryOptions = {
  /**
   * The account password. Needed only when the server asks to confirm it is
   * the person: when an account's signing keys must be replaced (a lost key).
   * Never used to make the recovery key.
   */
  readonly password?: string;
  /** Make a new recovery key although one exists (lost, or seen by someone else). */
  readonly replaceExisting?: boolean;
};

export type SetUpRecoveryResult =
  | {
      readonly ok: true;
      /** Shown once to the person, in groups of four characters ("EsTc abcd ..."). Never stored by the app. */
      readonly recoveryKey: string;
    }
  | { readonly ok: false; readonly error: "already-set-up" | "password-needed" | "wrong-password" };

export type RestoreResult =
  | {
      readonly ok: true;
      /** Room keys now on this device from the backup, and how many the backup holds. */
      readonly imported: number;
      readonly total: number;
      /**
       * This device took the account's cross-signing keys and signed itself.
       * False leaves messages readable; only the device's verified mark is missing.
       */
      readonly deviceVerified: boolean;
    }
  | { readonly ok: false; readonly error: RecoveryKeyProblem | "wrong-key" | "not-set-up" };

// --- The secret-storage key, held only while an operation needs it ----------

type HeldKey = { readonly keyId: string; readonly privateKey: Uint8Array<ArrayBuffer> };

/**
 * The SDK asks for the secret-storage key through the client's crypto
 * callbacks whenever it reads or writes secret storage. This holder answers
 * only while one of the operations below runs and forgets the key after it,
 * so the recovery key never stays in memory longer than the step that needs
 * it. Outside those steps the SDK gets no key, and its secret-storage reads
 * fail instead of prompting.
 */
class SecretStorageKeyHolder implements CryptoCallbacks {
  #held: HeldKey | undefined;
  #running = false;

  readonly getSecretStorageKey = (opts: {
    keys: Record<string, SecretStorageKeyDescription>;
  }): Promise<[string, Uint8Array<ArrayBuffer>] | null> => {
    const held = this.#held;
    return Promise.resolve(
      held !== undefined && held.keyId in opts.keys ? [held.keyId, held.privateKey] : null,
    );
  };

  // Called by bootstrapSecretStorage when it has created a new default key: the
  // rest of that call stores secrets with it.
  readonly cacheSecretStorageKey = (
    keyId: string,
    _keyInfo: SecretStorageKeyDescription,
    privateKey: Uint8Array<ArrayBuffer>,
  ): void => {
    if (this.#running) this.#held = { keyId, privateKey };
  };

  async holding<T>(key: HeldKey | undefined, run: () => Promise<T>): Promise<T> {
    if (this.#running) throw new Error("a recovery operation is already running");
    this.#running = true;
    this.#held = key;
    try {
      return await run();
    } finally {
      this.#held = undefined;
      this.#running = false;
    }
  }
}

/**
 * The `cryptoCallbacks` to create a session's MatrixClient with; the functions
 * below find them again through `client.cryptoCallbacks`.
 */
export function createSecretStorageCallbacks(): CryptoCallbacks {
  return new SecretStorageKeyHolder();
}

function holderOf(client: MatrixClient): SecretStorageKeyHolder {
  const callbacks = client.cryptoCallbacks;
  if (!(callbacks instanceof SecretStorageKeyHolder)) {
    throw new Error("the MatrixClient was created without createSecretStorageCallbacks()");
  }
  return callbacks;
}

function cryptoOf(client: MatrixClient): CryptoApi {
  const crypto = client.getCrypto();
  if (crypto === undefined) throw new Error("end-to-end encryption is not running");
  return crypto;
}

// --- Status -----------------------------------------------------------------

/** What recoveryStatus() learns from the server and the device. */
export type RecoveryFacts = {
  /** The newest key backup on the server. */
  readonly backupVersion: string | null;
  /** The backup's decryption key is in secret storage, under the default secret-storage key. */
  readonly backupKeyInSecretStorage: boolean;
  /** This device holds the decryption key of that backup. */
  readonly deviceHasBackupKey: boolean;
  /** The backup this device uploads new keys to. */
  readonly activeBackupVersion: string | null;
};

export function recoveryStatusFrom(facts: RecoveryFacts): RecoveryStatus {
  if (facts.backupVersion === null || !facts.backupKeyInSecretStorage) return "not-set-up";
  if (facts.deviceHasBackupKey && facts.activeBackupVersion === facts.backupVersion) {
    return "set-up-on-this-device";
  }
  return "needs-recovery-key";
}

const BACKUP_KEY_SECRET = "m.megolm_backup.v1";

// Asked of the server directly: the SDK's own check turns a network error into
// "no backup", and acting on that would replace a backup that exists.
async function fetchNewestBackup(client: MatrixClient): Promise<KeyBackupInfo | null> {
  try {
    return await client.http.authedRequest<KeyBackupInfo>(
      Method.Get,
      "/room_keys/version",
      undefined,
      undefined,
      { prefix: ClientPrefix.V3 },
    );
  } catch (error) {
    if (error instanceof MatrixError && error.errcode === "M_NOT_FOUND") return null;
    throw error;
  }
}

async function recoveryFacts(client: MatrixClient): Promise<RecoveryFacts> {
  const crypto = cryptoOf(client);
  const backup = await fetchNewestBackup(client);
  const defaultKeyId = await client.secretStorage.getDefaultKeyId();
  const storedWith = await client.secretStorage.isStored(BACKUP_KEY_SECRET);
  const trust = backup === null ? undefined : await crypto.isKeyBackupTrusted(backup);
  return {
    backupVersion: backup?.version ?? null,
    backupKeyInSecretStorage:
      defaultKeyId !== null && storedWith !== null && defaultKeyId in storedWith,
    deviceHasBackupKey: trust?.matchesDecryptionKey ?? false,
    activeBackupVersion: await crypto.getActiveSessionBackupVersion(),
  };
}

export async function recoveryStatus(client: MatrixClient): Promise<RecoveryStatus> {
  return recoveryStatusFrom(await recoveryFacts(client));
}

// --- Setting up (or replacing) the recovery key ------------------------------

class PasswordProblem extends Error {
  readonly kind: "password-needed" | "wrong-password";
  constructor(kind: "password-needed" | "wrong-password") {
    super(kind);
    this.kind = kind;
  }
}

/** The session ID of a "confirm it is you" (user-interactive auth) challenge, if the error is one. */
function interactiveAuthSession(error: unknown): string | undefined {
  if (!(error instanceof MatrixError) || error.httpStatus !== 401) return undefined;
  const session: unknown = error.data["session"];
  return typeof session === "string" ? session : undefined;
}

/**
 * Answers the server's "confirm it is you" step for uploading cross-signing
 * keys. The first upload for an account needs none (MSC3967, which Synapse
 * implements); replacing keys asks for the account password.
 */
export function passwordConfirmation(
  userId: string,
  password: string | undefined,
): (makeRequest: (auth: AuthDict | null) => Promise<void>) => Promise<void> {
  return async (makeRequest) => {
    let session: string | undefined;
    try {
      await makeRequest(null);
      return;
    } catch (error) {
      session = interactiveAuthSession(error);
      if (session === undefined) throw error;
    }
    if (password === undefined) throw new PasswordProblem("password-needed");
    try {
      await makeRequest({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: userId },
        password,
        session,
      });
    } catch (error) {
      if (interactiveAuthSession(error) !== undefined) throw new PasswordProblem("wrong-password");
      throw error;
    }
  };
}

/**
 * Makes a new random recovery key, stores the account's secrets in secret
 * storage under it, and starts a new key backup that this device uploads to
 * (the SDK deletes the old backup).
 *
 * If this device holds the account's cross-signing keys, they are kept. If it
 * does not (a lost key, or leftovers no key can open), new cross-signing keys
 * are made first; replacing existing ones makes the server ask for the
 * password, and a missing or wrong password changes nothing on the server.
 * When this device can read the current backup (replacing a key that someone
 * else saw), the whole backup is first downloaded, so the new one holds every
 * key the old one did.
 */
export async function setUpRecovery(
  client: MatrixClient,
  options: SetUpRecoveryOptions = {},
): Promise<SetUpRecoveryResult> {
  const crypto = cryptoOf(client);
  const status = await recoveryStatus(client);
  if (status !== "not-set-up" && options.replaceExisting !== true) {
    return { ok: false, error: "already-set-up" };
  }
  // Random, never from the password: the server sees the password at every sign-in.
  const generated: GeneratedSecretStorageKey = await crypto.createRecoveryKeyFromPassphrase();
  const recoveryKey = generated.encodedPrivateKey ?? encodeRecoveryKey(generated.privateKey);
  if (recoveryKey === undefined) throw new Error("the SDK did not encode the recovery key");

  if (status === "set-up-on-this-device") await crypto.restoreKeyBackup();
  try {
    if (!(await holdsPublishedIdentity(client, crypto)))
      await replaceCrossSigningKeys(client, crypto, options.password);
  } catch (error) {
    if (error instanceof PasswordProblem) return { ok: false, error: error.kind };
    throw error;
  }
  await holderOf(client).holding(undefined, () =>
    crypto.bootstrapSecretStorage({
      createSecretStorageKey: () => Promise.resolve(generated),
      setupNewSecretStorage: true,
      setupNewKeyBackup: true,
    }),
  );
  if ((await recoveryStatus(client)) !== "set-up-on-this-device") {
    throw new Error("recovery was set up, but this device does not upload to the new backup");
  }
  return { ok: true, recoveryKey };
}

/** This device holds the private keys of the cross-signing identity the server publishes. */
async function holdsPublishedIdentity(client: MatrixClient, crypto: CryptoApi): Promise<boolean> {
  const local = await crypto.getCrossSigningKeyId();
  if (local === null) return false;
  // Asked of the server: after an upload that failed (a wrong password), the
  // SDK takes the keys it made but never published for the account's own.
  const userId = client.getSafeUserId();
  const published = (await client.downloadKeysForUsers([userId])).master_keys?.[userId];
  return published !== undefined && Object.values(published.keys).includes(local);
}

/**
 * New cross-signing keys, uploaded before anything else changes. The SDK
 * writes new keys into secret storage before it uploads them (and the upload
 * is the step that may ask for the password); with no default secret-storage
 * key it skips that write. So the default is unset for the upload and put back
 * if it fails: the old secrets stay untouched until the password was right.
 * (The SDK's resetEncryption() deletes the backup and secret storage first.)
 */
async function replaceCrossSigningKeys(
  client: MatrixClient,
  crypto: CryptoApi,
  password: string | undefined,
): Promise<void> {
  const previousDefault = await client.secretStorage.getDefaultKeyId();
  if (previousDefault !== null) await client.secretStorage.setDefaultKeyId(null);
  try {
    await crypto.bootstrapCrossSigning({
      setupNewCrossSigning: true,
      authUploadDeviceSigningKeys: passwordConfirmation(client.getSafeUserId(), password),
    });
  } catch (error) {
    if (previousDefault !== null) await client.secretStorage.setDefaultKeyId(previousDefault);
    throw error;
  }
}

// --- Restoring with the recovery key -----------------------------------------

/**
 * Unlocks secret storage with the recovery key, then: loads the backup key
 * (this device now uploads new keys to the backup, and fetches single missing
 * keys from it by itself), takes the account's cross-signing keys (this device
 * becomes one of the person's verified devices) and downloads the whole
 * backup. The SDK decrypts unreadable messages again as their keys arrive. A
 * wrong key changes nothing: it is checked before anything else happens.
 */
export async function restoreWithRecoveryKey(
  client: MatrixClient,
  input: string,
): Promise<RestoreResult> {
  const crypto = cryptoOf(client);
  const parsed = parseRecoveryKey(input);
  if (!parsed.ok) return { ok: false, error: parsed.problem };
  const facts = await recoveryFacts(client);
  if (recoveryStatusFrom(facts) === "not-set-up") return { ok: false, error: "not-set-up" };
  const defaultKey = await client.secretStorage.getKey();
  if (defaultKey === null) return { ok: false, error: "not-set-up" };
  const [keyId, keyInfo] = defaultKey;
  if (!(await client.secretStorage.checkKey(parsed.key, keyInfo))) {
    return { ok: false, error: "wrong-key" };
  }
  const deviceVerified = await holderOf(client).holding(
    { keyId, privateKey: parsed.key },
    async () => {
      await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
      if (!(await crypto.getCrossSigningStatus()).privateKeysInSecretStorage) return false;
      try {
        await crypto.bootstrapCrossSigning({});
        return await holdsPublishedIdentity(client, crypto);
      } catch {
        // Reading old messages does not depend on it; the result reports it.
        return false;
      }
    },
  );
  await crypto.checkKeyBackupAndEnable();
  const { imported, total } = await crypto.restoreKeyBackup();
  return { ok: true, imported, total, deviceVerified };
}
