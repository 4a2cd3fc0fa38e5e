// Signed out elsewhere: Noor is signed in on her phone. On another device she
// (or whoever has her password) taps "sign out on all devices". Her phone
// does not go on showing chats it can no longer reach: it goes back to the
// sign-in screen and says kindly why, and she signs in again.
import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { rawLogin } from "../../tools/lib/rawMatrix.ts";
import { signIn } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { homeserver } from "../support/strangers.ts";
import { expect, test } from "../support/test.ts";

test("Noor's phone says kindly that she was signed out elsewhere, and she signs in again", async ({
  page,
}) => {
  // A Noor of her own, so signing out everywhere touches no other test's devices.
  const noor = {
    username: `noor-${randomBytes(4).toString("hex")}`,
    password: randomBytes(12).toString("hex"),
  };
  await ensureAccount(homeserver, { ...noor, displayName: "Noor" });
  await signIn(page, noor.username, noor.password);
  await expect(page.getByText("Ingelogd als @noor-")).toBeVisible();
  // Her phone keeps a report outbox and an outbox for photos, each in its own database.
  const userId = `@${noor.username}:${homeserver.serverName}`;
  const databases = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  await expect
    .poll(databases)
    .toEqual(expect.arrayContaining([`sbd-${userId}-reports`, `sbd-${userId}-media-outbox`]));

  // Her laptop: a second sign-in of hers, then "sign out on all devices" (the Matrix API).
  const laptop = await rawLogin(homeserver, noor.username, noor.password);
  const response = await fetch(`${homeserver.url}/_matrix/client/v3/logout/all`, {
    method: "POST",
    headers: { authorization: `Bearer ${laptop.accessToken}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(response.status).toBe(200);

  // The phone notices at its next request to the server, and says so without alarm.
  const notice = page.getByRole("status").filter({ hasText: "Je bent uitgelogd op dit apparaat." });
  await expect(notice).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Gesprekken" })).toHaveCount(0);
  // It is not an error: nothing red, nothing shouted at a screen reader.
  await expect(page.getByRole("alert")).toHaveCount(0);
  // What sign-out clears is gone: the dead credentials, the photos not sent yet.
  // The report outbox stays, as at every sign-out: a report tapped and not yet
  // delivered goes after her next sign-in on this phone.
  expect(await page.evaluate(() => localStorage.getItem("sbd.session"))).toBeNull();
  await expect.poll(databases).not.toContain(`sbd-${userId}-media-outbox`);
  expect(await databases()).toContain(`sbd-${userId}-reports`);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(page, "signed-out-elsewhere");

  // A reload starts at sign-in too (nothing half-remembered), without the notice.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // She signs in again, as a new device, and is back at her chats.
  await signIn(page, noor.username, noor.password);
  await expect(page.getByText("Ingelogd als @noor-")).toBeVisible();
});
