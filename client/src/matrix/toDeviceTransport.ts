// Matrix layer: Olm-encrypted to-device messages, the transport of the age
// exchange (age/ageExchange.ts defines the port; ChatSession hands this out
// as `toDevice`). Only what Olm decrypted reaches a handler, with the sender
// the decryption authenticated.

import { ClientEvent, type MatrixClient } from "matrix-js-sdk";
import type { ToDeviceTransport } from "../age/ageExchange.ts";
import { trackDevicesOf } from "./trackDevices.ts";

type EncryptedToDeviceMessage = Parameters<Parameters<ToDeviceTransport["onEncrypted"]>[0]>[0];

/** To-device messages kept for the first listener; more than this in one first sync is dropped. */
const MAX_TO_DEVICE_BACKLOG = 500;

/**
 * Listens from now on: create it before the client's first sync. The first
 * handler also receives what arrived before it (during the first sync).
 */
export function createToDeviceTransport(client: MatrixClient): ToDeviceTransport {
  let backlog: EncryptedToDeviceMessage[] | undefined = [];
  const handlers = new Set<(message: EncryptedToDeviceMessage) => void>();

  client.on(ClientEvent.ReceivedToDeviceMessage, ({ message, encryptionInfo }) => {
    // Only what Olm decrypted, from the user the decryption authenticated.
    if (encryptionInfo === null || encryptionInfo.sender !== message.sender) return;
    const received: EncryptedToDeviceMessage = {
      type: message.type,
      sender: message.sender,
      content: message.content,
    };
    if (backlog !== undefined) {
      if (backlog.length < MAX_TO_DEVICE_BACKLOG) backlog.push(received);
      return;
    }
    for (const handler of handlers) handler(received);
  });

  return {
    send: async (userId, type, content) => {
      const crypto = client.getCrypto();
      if (crypto === undefined) throw new Error("end-to-end encryption is not running");
      // Strangers share no room yet, so their devices may not be tracked (trackDevices.ts).
      await trackDevicesOf(crypto, userId);
      const deviceMap = await crypto.getUserDeviceInfo([userId]);
      const devices = [...(deviceMap.get(userId)?.keys() ?? [])].map((deviceId) => ({
        userId,
        deviceId,
      }));
      if (devices.length === 0) return 0;
      await client.queueToDevice(await crypto.encryptToDeviceMessages(type, devices, content));
      return devices.length;
    },
    onEncrypted: (handler) => {
      handlers.add(handler);
      const waiting = backlog ?? [];
      backlog = undefined;
      for (const message of waiting) handler(message);
      return () => handlers.delete(handler);
    },
  };
}
