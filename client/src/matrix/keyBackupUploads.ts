// Matrix layer: waiting until this device's room keys are in the key backup
// (keyBackup.ts), before signing out deletes the device's store.

import { ClientPrefix, MatrixError, Method, type MatrixClient } from "matrix-js-sdk";
import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";

/** "timed-out": some keys may not be in the backup yet (offline, or the server is slow). */
export type KeyBackupUploadState = "backed-up" | "no-backup" | "timed-out";

type BackedUpSessions = { rooms?: Record<string, { sessions?: Record<string, unknown> }> };

/**
 * Waits until every room key on this device is in the key backup. The SDK
 * uploads new keys after a random pause of up to 10 seconds (so that devices
 * do not all call the server at once), so a key that arrived just before
 * signing out would otherwise be lost with the device's store.
 */
export async function waitForKeyBackup(
  client: MatrixClient,
  timeoutMs: number,
): Promise<KeyBackupUploadState> {
  const crypto = client.getCrypto();
  if (crypto === undefined) throw new Error("end-to-end encryption is not running");
  const version = await crypto.getActiveSessionBackupVersion();
  if (version === null) return "no-backup";
  const deadline = Date.now() + timeoutMs;
  const onServer = await client.http.authedRequest<BackedUpSessions>(
    Method.Get,
    "/room_keys/keys",
    { version },
    undefined,
    { prefix: ClientPrefix.V3 },
  );
  let missing = (await crypto.exportRoomKeys()).filter(
    (k) => onServer.rooms?.[k.room_id]?.sessions?.[k.session_id] === undefined,
  );
  while (missing.length > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return "timed-out";
    await uploadRoundOrPause(client, Math.min(left, 1_000));
    const stillMissing: typeof missing = [];
    for (const key of missing) {
      if (!(await isBackedUp(client, version, key.room_id, key.session_id))) stillMissing.push(key);
    }
    missing = stillMissing;
  }
  return "backed-up";
}

// The SDK reports "0 remaining" when an upload round ends; a pause covers a
// round that ended between two checks.
function uploadRoundOrPause(client: MatrixClient, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off(CryptoEvent.KeyBackupSessionsRemaining, onRemaining);
      resolve();
    };
    const onRemaining = (remaining: number): void => {
      if (remaining === 0) done();
    };
    const timer = setTimeout(done, ms);
    client.on(CryptoEvent.KeyBackupSessionsRemaining, onRemaining);
  });
}

async function isBackedUp(
  client: MatrixClient,
  version: string,
  roomId: string,
  sessionId: string,
): Promise<boolean> {
  try {
    await client.http.authedRequest(
      Method.Get,
      `/room_keys/keys/${encodeURIComponent(roomId)}/${encodeURIComponent(sessionId)}`,
      { version },
      undefined,
      { prefix: ClientPrefix.V3 },
    );
    return true;
  } catch (error) {
    if (error instanceof MatrixError && error.errcode === "M_NOT_FOUND") return false;
    throw error;
  }
}
