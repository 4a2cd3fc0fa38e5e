// e2e support: the moderators' shared steps. A moderator signs in on a
// device of their own and imports their team key there (the key never
// leaves the test deployment's files); the report queue; Noor's chat with
// Alex that the reporting specs report from; and the plain-HTTP helpers the
// moderation specs use to play a reporter's device that bypasses our client.
import { randomBytes, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { prepareLocalDeployment, type ModerationKeyText } from "../../tools/lib/deployment.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawLogin, type RawSession } from "../../tools/lib/rawMatrix.ts";
import { E2E_INSTANCE } from "./e2eInstance.ts";
import { personaOnPhone } from "./personas.ts";
import { homeserver } from "./strangers.ts";
import { expect } from "./test.ts";

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

/**
 * Opens the moderation screen and imports this key, unless the device kept
 * one from an earlier run (then it goes straight to the list).
 */
export async function openModeration(page: Page, key: ModerationKeyText): Promise<void> {
  await page.getByRole("button", { name: "Moderatie: meldingen" }).click();
  const keyField = page.getByLabel("Sleutelbestand of geheime sleutel");
  const list = page.getByRole("heading", { name: "Open meldingen" });
  await expect(keyField.or(list)).toBeVisible();
  if (await keyField.isVisible()) {
    await keyField.fill(JSON.stringify(key));
    await page.getByRole("button", { name: "Sleutel importeren" }).click();
  }
  await expect(list).toBeVisible();
}

/** The moderation persona on a phone of their own, the team's key imported, at the report queue. */
export async function moderatorWithKey(browser: Browser): Promise<Page> {
  const { moderationKey } = await prepareLocalDeployment(E2E_INSTANCE);
  const moderator = await personaOnPhone(browser, "moderation");
  await openModeration(moderator, moderationKey);
  return moderator;
}

/** A report's row in the open queue, found by the ID the reporter's device gave it. */
export function openReportRow(moderator: Page, reportId: string): Locator {
  return moderator
    .locator("h2:text-is('Open meldingen') + ul")
    .getByRole("button", { name: new RegExp(`melding ${reportId.slice(0, 8)}`) });
}

/** Noor and Alex (demo personas) in a direct chat: what the reporting specs report from. */
export async function noorChatsWithAlex(): Promise<void> {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "alex", password: DEMO_PASSWORD },
  );
}

/** A fresh account signed in over plain HTTP (a reporter's or a sender's device). */
export async function rawAccount(prefix: string): Promise<RawSession> {
  const username = `${prefix}-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await ensureAccount(homeserver, { username, password, displayName: prefix });
  return rawLogin(homeserver, username, password);
}

/** One Matrix API call with this session's token; its JSON answer, or an error with the status. */
export async function matrix(
  session: RawSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${homeserver.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${session.accessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/**
 * Sends an event as the server would hold an end-to-end encrypted message:
 * `m.room.encrypted` with ciphertext only. (The client's own encryption is
 * proven by client/test/integration/report-delivery.test.ts.)
 */
export async function sendEncryptedLooking(sender: RawSession, roomId: string): Promise<string> {
  const { event_id: eventId } = (await matrix(
    sender,
    "PUT",
    `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.encrypted/${randomUUID()}`,
    {
      algorithm: "m.megolm.v1.aes-sha2",
      ciphertext: randomBytes(96).toString("base64"),
      device_id: "RAWDEVICE",
      sender_key: randomBytes(32).toString("base64"),
      session_id: randomBytes(32).toString("base64"),
    },
  )) as { event_id: string };
  return eventId;
}
