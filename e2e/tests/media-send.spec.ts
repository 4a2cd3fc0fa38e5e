// Sending photos: Noor picks a photo with the paperclip (the phone's own
// sheet: camera, photos, files), sees it before it goes, may add a line, and
// sends it. To her friend Lotte it simply goes. To someone she accepted only
// just now, her engine first shows a think-first notice (what you send can be
// saved and passed on; Helpwanted one tap away); she may still send it, and
// afterwards she can take it back, with the honest caveat that it may already
// be saved. Every photo is drawn again on her phone before it is encrypted:
// what the server holds, once downloaded and decrypted, carries no EXIF, no
// GPS position, no XMP and no maker notes.
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/test.ts";
import type { ChatSession } from "@safety-by-design/client/actors";
import { ensureDirectChat, signedInSession, until } from "../../tools/lib/conversations.ts";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { GPS_PHOTO_MARKERS } from "../fixtures/media/makeGpsPhoto.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);
const GPS_PHOTO = fileURLToPath(new URL("../fixtures/media/gps-photo.jpg", import.meta.url));

/** Picks the photo through the paperclip, as the phone's sheet would hand it over. */
async function pickPhoto(page: Page): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Stuur een foto of bestand" }).click();
  await (await chooser).setFiles(GPS_PHOTO);
}

type Segment = { readonly marker: number; readonly payload: Buffer };

/** A JPEG's segments before its image data (SOI … SOS). */
function jpegSegments(bytes: Uint8Array): Segment[] {
  const jpeg = Buffer.from(bytes);
  expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  const segments: Segment[] = [];
  for (let at = 2; at + 4 <= jpeg.length;) {
    expect(jpeg[at]).toBe(0xff);
    const marker = jpeg[at + 1] ?? 0;
    const length = jpeg.readUInt16BE(at + 2);
    segments.push({ marker, payload: jpeg.subarray(at + 4, at + 2 + length) });
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return segments;
}

/** Width and height from the frame header (SOF0/SOF2). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const frame = jpegSegments(bytes).find((s) => s.marker === 0xc0 || s.marker === 0xc2);
  if (frame === undefined) throw new Error("no frame header");
  return { height: frame.payload.readUInt16BE(1), width: frame.payload.readUInt16BE(3) };
}

/** What the location-stripping promises, checked on decrypted bytes. */
function expectNoMetadata(bytes: Uint8Array): void {
  // No application segment is left but JFIF's APP0 and the colour profile the browser's
  // encoder writes (APP2 "ICC_PROFILE", sRGB): no APP1 (EXIF, XMP), no maker notes.
  const application = jpegSegments(bytes).filter((s) => s.marker >= 0xe0 && s.marker <= 0xef);
  const kept = application.filter(
    (s) =>
      (s.marker === 0xe0 && s.payload.subarray(0, 5).toString("latin1") === "JFIF\0") ||
      (s.marker === 0xe2 && s.payload.subarray(0, 12).toString("latin1") === "ICC_PROFILE\0"),
  );
  expect(application.length).toBe(kept.length);
  const jpeg = Buffer.from(bytes);
  for (const needle of ["Exif\0", "http://ns.adobe.com/xap/1.0/", ...GPS_PHOTO_MARKERS]) {
    expect(jpeg.includes(needle), `found ${JSON.stringify(needle)}`).toBe(false);
  }
}

test.describe.configure({ mode: "serial" });

test("Noor and her friend Lotte share a photo: it simply goes, without its location", async ({
  browser,
}) => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");
  await noor.getByRole("button", { name: /Lotte/ }).click();
  await lotte.getByRole("button", { name: /Noor/ }).click();

  await pickPhoto(noor);
  const sheet = noor.getByRole("dialog", { name: "Foto versturen" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("img", { name: "Je foto" })).toBeVisible();
  await expect(sheet).toContainText("Eerst halen we de plek waar je de foto nam uit je foto.");
  const caption = `Kijk, het strand! ${randomUUID().slice(0, 6)}`;
  await sheet.getByLabel("Tekst erbij (hoeft niet)").fill(caption);
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "media-send-preview");
  await sheet.getByRole("button", { name: "Versturen" }).click();
  // A friend: no think-first notice, the photo goes at once.
  await expect(noor.getByRole("dialog")).toHaveCount(0);

  // Lotte sees it (her engine shows a contact's photo), with Noor's line.
  await expect(lotte.getByText(caption)).toBeVisible({ timeout: 30_000 });
  await expect(lotte.getByRole("img", { name: "Foto in dit gesprek" }).last()).toBeVisible({
    timeout: 30_000,
  });
  // Nothing of it is still on its way at Noor's side, and her own photo shows there too.
  await expect(noor.getByText(/Klaarmaken|Uploaden|Niet verstuurd/)).toHaveCount(0);
  await expect(noor.getByRole("img", { name: "Foto in dit gesprek" }).last()).toBeVisible();
  expect((await new AxeBuilder({ page: lotte }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(lotte, "media-shared-contact");

  // Lotte taps the photo: full screen, the whole photo (fetched now), Noor's line and the time.
  const open = lotte.getByRole("button", { name: "Foto groot bekijken" }).last();
  await open.click();
  const viewer = lotte.getByRole("dialog", { name: /Foto van/ });
  await expect(viewer.getByRole("img", { name: "De foto, groot" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(viewer).toContainText("Noor");
  await expect(viewer).toContainText(caption);
  await expect(viewer.locator("time")).toBeVisible();
  expect((await new AxeBuilder({ page: lotte }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(lotte, "media-viewer");
  await lotte.emulateMedia({ colorScheme: "dark" });
  await saveDocScreenshot(lotte, "media-viewer-dark");
  await lotte.emulateMedia({ colorScheme: "light" });
  // Escape closes it, and the keyboard is back on the photo she opened.
  await lotte.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  await expect(open).toBeFocused();
  // From the keyboard again; the phone's back button closes it and the chat stays.
  await lotte.keyboard.press("Enter");
  await expect(viewer).toBeVisible();
  await lotte.goBack();
  await expect(viewer).toHaveCount(0);
  await expect(lotte.getByRole("region", { name: "Berichten" })).toBeVisible();
  await noor.context().close();
  await lotte.context().close();
});

test("a photo Noor chose while offline is still there after a reload, and goes once she is back online", async ({
  browser,
}) => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");
  // The app works offline once its service worker runs (offline.spec.ts).
  await noor.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await noor.getByRole("button", { name: /Lotte/ }).click();
  await lotte.getByRole("button", { name: /Noor/ }).click();

  await noor.context().setOffline(true);
  await pickPhoto(noor);
  const caption = `Na het herladen ${randomUUID().slice(0, 6)}`;
  const sheet = noor.getByRole("dialog", { name: "Foto versturen" });
  await sheet.getByLabel("Tekst erbij (hoeft niet)").fill(caption);
  await sheet.getByRole("button", { name: "Versturen" }).click();
  const tray = noor.getByRole("list", { name: "Wat je nu verstuurt" });
  await expect(tray.getByText("Niet verstuurd.")).toBeVisible({ timeout: 30_000 });

  // She reloads the app, still offline: the photo (ready, without its location) is still there.
  await noor.reload();
  await noor.getByRole("button", { name: /Lotte/ }).click({ timeout: 60_000 });
  await expect(tray.getByText("Niet verstuurd.")).toBeVisible({ timeout: 30_000 });
  await expect(tray.getByRole("button", { name: "Opnieuw proberen" })).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);

  // Back online: it goes by itself (no tap), once.
  await noor.context().setOffline(false);
  await expect(tray.getByText("Niet verstuurd.")).toHaveCount(0, { timeout: 30_000 });
  await expect(lotte.getByText(caption)).toHaveCount(1, { timeout: 30_000 });
  await expect(lotte.getByRole("img", { name: "Foto in dit gesprek" }).last()).toBeVisible({
    timeout: 30_000,
  });
  // Sent: the device keeps no copy.
  await expect
    .poll(() =>
      noor.evaluate(
        (name) =>
          new Promise<number>((resolve) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => {
              const db = request.result;
              if (!db.objectStoreNames.contains("attachments")) {
                db.close();
                resolve(0);
                return;
              }
              const count = db.transaction("attachments").objectStore("attachments").count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
          }),
        "sbd-@noor:localhost-media-outbox",
      ),
    )
    .toBe(0);
  await noor.context().close();
  await lotte.context().close();
});

test("Noor sends a photo to someone she just accepted: think first, send anyway, then take it back", async ({
  browser,
}) => {
  // Someone Noor does not know, on a device of their own (so it can decrypt what she sends).
  const username = `stranger-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await ensureAccount(homeserver, { username, password, displayName: "Ruben" });
  await declinePendingRequests("noor");
  const stranger: ChatSession = await signedInSession(homeserver, { username, password });
  try {
    const noor = await personaOnPhone(browser, "noor");
    const roomId = await stranger.createEncryptedDirectChat("@noor:localhost");
    await (await strangerRequestRow(noor, stranger.userId, "Ruben")).click();
    await noor.getByRole("button", { name: "Accepteren" }).click();
    await expect(noor.getByRole("heading", { name: "Ruben" })).toBeVisible();
    await until(
      () => stranger.conversation(roomId)?.members.find((m) => m.membership === "join"),
      "Noor in the chat",
    );

    await pickPhoto(noor);
    await noor
      .getByRole("dialog", { name: "Foto versturen" })
      .getByRole("button", {
        name: "Versturen",
      })
      .click();
    // Her engine asks her to think first; nothing has left her phone yet.
    const thinkFirst = noor.getByRole("dialog", { name: "Voor je het verstuurt" });
    await expect(thinkFirst).toBeVisible();
    await expect(thinkFirst.locator(".notice")).toBeVisible();
    await expect(thinkFirst.getByRole("link", { name: /Helpwanted/ }).first()).toBeVisible();
    await expect(thinkFirst.getByRole("button", { name: "Niet versturen" })).toHaveClass(/primary/);
    expect(stranger.messages(roomId).filter((m) => m.media !== undefined)).toEqual([]);
    expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
    await saveDocScreenshot(noor, "media-think-first");
    await thinkFirst.getByText("Waarom zie ik dit?").click();
    await expect(thinkFirst.locator(".why li").first()).toBeVisible();

    // Her choice: she sends it anyway.
    await thinkFirst.getByRole("button", { name: "Toch versturen" }).click();
    const tray = noor.getByRole("list", { name: "Wat je nu verstuurt" });
    await expect(tray.getByText("Verstuurd.")).toBeVisible({ timeout: 30_000 });
    const unsend = tray.getByRole("button", { name: "Terughalen" });
    await expect(unsend).toBeVisible();
    // Her own photo shows in the chat as she sent it.
    await expect(noor.getByRole("img", { name: "Foto in dit gesprek" }).last()).toBeVisible();
    await expect(tray.locator(".notice")).toBeVisible();
    expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
    await saveDocScreenshot(noor, "media-unsend");

    // What the server holds, downloaded and decrypted by the recipient: no location, no metadata.
    const sent = await until(
      () => stranger.messages(roomId).find((m) => m.media?.kind === "image"),
      "the photo at the stranger's device",
    );
    expect(sent.media).toMatchObject({ mimetype: "image/jpeg", width: 800, height: 1200 });
    const photo = await stranger.downloadMedia(roomId, sent.eventId, "file");
    const preview = await stranger.downloadMedia(roomId, sent.eventId, "preview");
    expectNoMetadata(photo.bytes);
    expectNoMetadata(preview.bytes);
    // Drawn upright, as the camera's orientation said (the fixture is stored sideways).
    expect(jpegSize(photo.bytes)).toEqual({ width: 800, height: 1200 });
    expect(jpegSize(preview.bytes)).toEqual({ width: 533, height: 800 });

    // She takes it back: the server removes it (a redaction); the caveat said it may be saved.
    await unsend.click();
    await expect(tray.getByText("Teruggehaald.")).toBeVisible();
    await until(
      () =>
        stranger.messages(roomId).some((m) => m.eventId === sent.eventId && m.media !== undefined)
          ? undefined
          : true,
      "the photo gone at the stranger's device",
    );
    await tray.getByRole("button", { name: "Sluiten" }).click();
    await expect(tray).toHaveCount(0);
    await noor.context().close();
  } finally {
    stranger.stop();
  }
});

test("a file over the limit says so, and a file the network cut off goes once it is back", async ({
  browser,
}) => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");
  await noor.getByRole("button", { name: /Lotte/ }).click();
  await lotte.getByRole("button", { name: /Noor/ }).click();
  const pickFile = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = noor.waitForEvent("filechooser");
    await noor.getByRole("button", { name: "Stuur een foto of bestand" }).click();
    await (await chooser).setFiles(file);
  };

  // Over the deployment's limit (25 MB by default): a clear message, nothing sent.
  await pickFile({
    name: "film.mov",
    mimeType: "video/quicktime",
    buffer: Buffer.alloc(26 * 1024 * 1024, 1),
  });
  const tooLarge = noor.getByRole("dialog", { name: "Dit bestand is te groot" });
  await expect(tooLarge.getByRole("alert")).toHaveText(
    "Je kunt bestanden tot 25 MB sturen. Kies een kleiner bestand.",
  );
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await tooLarge.getByRole("button", { name: "Oké" }).click();
  await expect(noor.getByRole("dialog")).toHaveCount(0);

  // Offline, a file cannot go up: it stays, says so, and can be tried again or cancelled.
  const name = `afspraken-${randomUUID().slice(0, 6)}.txt`;
  await noor.context().setOffline(true);
  await pickFile({ name, mimeType: "text/plain", buffer: Buffer.from("Zaterdag om twee uur.\n") });
  const sheet = noor.getByRole("dialog", { name: "Bestand versturen" });
  await expect(sheet).toContainText(name);
  await sheet.getByRole("button", { name: "Versturen" }).click();
  const tray = noor.getByRole("list", { name: "Wat je nu verstuurt" });
  await expect(tray.getByText("Niet verstuurd.")).toBeVisible({ timeout: 30_000 });
  await expect(tray.getByRole("button", { name: "Opnieuw proberen" })).toBeVisible();
  await expect(tray.getByRole("button", { name: "Annuleren" })).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);

  // Back online: it goes by itself, without a tap (the outbox tries again on its
  // own timer, and at once on the browser's "online" event), and reaches Lotte
  // as a file (never opened by itself).
  await noor.context().setOffline(false);
  await expect(tray.getByText("Niet verstuurd.")).toHaveCount(0, { timeout: 30_000 });
  await expect(lotte.getByText(name)).toBeVisible({ timeout: 30_000 });
  await noor.context().close();
  await lotte.context().close();
});
