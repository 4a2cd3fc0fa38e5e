// Reported media (issue 13 acceptance 5 and 9; issue 18 acceptance 10).
// Noor (14) accepts a request from someone she does not know. He sends a
// photo; she taps to see it, blurred, and reports it. The report sheet says
// exactly what goes along: "Deze foto gaat mee." She leaves her name out, as
// the engine allows here. Her phone encrypts the photo again with a new key,
// sends that copy through the report intake (which uploads it under its own
// account, so the server does not record her as its uploader) and seals the
// key into the report.
// The moderator opens the report: the photo is a placeholder with a warning
// ("kan schokkend zijn") until they tap "Toon"; only then is it downloaded,
// checked against the sealed digest, decrypted and drawn by their own device.
// Handed to the police, the photo travels inside the sealed package.
// Never lost (non-negotiable 5): her connection drops the moment she taps
// "Melden" on a photo; the report is on her phone at once ("In de wachtrij"),
// she reloads the app, the connection comes back, and the moderator gets the
// report with its photo, uploaded once.
import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import {
  moderationKeyPairFromText,
  openHandoffFile,
  sha256Hex,
  verifyHandoffDigests,
  type HandoffPackage,
} from "@safety-by-design/protocol";
import { expect, test, type Browser, type Page } from "../support/test.ts";
import type { ChatSession } from "@safety-by-design/client/actors";
import { signedInSession } from "../../tools/lib/conversations.ts";
import { prepareLocalDeployment } from "../../tools/lib/deployment.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";
import { mediaIdOf, pngPicture, sendPicture } from "../support/mediaSender.ts";
import { personaOnPhone } from "../support/personas.ts";
import { newestReportId, storedReports } from "../support/reports.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { homeserver } from "../support/strangers.ts";

const NOOR = `@noor:${homeserver.serverName}`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

async function stranger(displayName: string): Promise<{ userId: string; session: ChatSession }> {
  const username = `stranger-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const { userId } = await ensureAccount(homeserver, { username, password, displayName });
  return { userId, session: await signedInSession(homeserver, { username, password }) };
}

/** A stranger, Bram, for one test (Noor's earlier requests declined first); signed out after. */
async function withBram(
  work: (bram: { userId: string; session: ChatSession }) => Promise<void>,
): Promise<void> {
  await declinePendingRequests("noor");
  const bram = await stranger("Bram");
  try {
    await work(bram);
  } finally {
    await bram.session.signOut();
  }
}

/**
 * Noor accepts Bram's request, he sends a photo, she taps to see it (blurred)
 * and opens the report sheet on it, which says the photo goes along.
 */
async function noorReportsBramsPhoto(
  browser: Browser,
  bram: { userId: string; session: ChatSession },
  seed: number,
) {
  const noor = await personaOnPhone(browser, "noor");
  const roomId = await bram.session.createEncryptedDirectChat(NOOR);
  await (await strangerRequestRow(noor, bram.userId, "Bram")).click();
  await noor.getByRole("button", { name: "Accepteren" }).click();
  await expect(noor.getByRole("heading", { name: "Bram" })).toBeVisible();
  await expect
    .poll(
      () => bram.session.conversation(roomId)?.members.find((m) => m.userId === NOOR)?.membership,
      { timeout: 20_000 },
    )
    .toBe("join");

  const sent = pngPicture(480, 360, seed);
  const photo = await sendPicture(bram.session, roomId, sent, { width: 480, height: 360 });
  const messages = noor.getByRole("region", { name: "Berichten" });
  // She taps to see it: shown blurred, with the warning and "Melden".
  await messages.getByRole("button", { name: /Foto laden/ }).click();
  await expect(messages.locator(".media-frame.blurred")).toBeVisible();

  // She reports it. The sheet says what goes along, in words.
  const item = messages.locator(".media-item").first();
  await item.getByRole("button", { name: "Melden" }).click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  const goesAlong = sheet.getByTestId("report-media");
  await expect(goesAlong).toContainText("Deze foto gaat mee.");
  // The same picture as in her chat, blurred as it is there.
  await expect(goesAlong.getByRole("img", { name: "Wazige foto" })).toBeVisible();
  return { noor, sent, photo, sheet };
}

/** The moderator imports the team key and opens the report the reporter's phone stored. */
async function moderatorOpensReport(browser: Browser, reportId: string) {
  const { moderationKey, reporting } = await prepareLocalDeployment(E2E_INSTANCE);
  const moderator = await personaOnPhone(browser, "moderation");
  const downloads: string[] = [];
  moderator.on("request", (request) => {
    if (request.url().includes("/_matrix/client/v1/media/download/")) {
      downloads.push(request.url());
    }
  });
  await moderator.getByRole("button", { name: "Moderatie: meldingen" }).click();
  await moderator
    .getByLabel("Sleutelbestand of geheime sleutel")
    .fill(JSON.stringify(moderationKey));
  await moderator.getByRole("button", { name: "Sleutel importeren" }).click();
  await moderator
    .getByRole("button", { name: new RegExp(`melding ${reportId.slice(0, 8)}`) })
    .click();
  const media = moderator.getByRole("region", { name: "Foto's en bestanden" });
  return { moderator, media, downloads, reporting };
}

test("Noor reports a stranger's photo; the moderator sees it only after a warning and 'Toon'", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await withBram(async (bram) => {
    const { noor, sent, photo, sheet } = await noorReportsBramsPhoto(browser, bram, 7);
    await expectNoAxeViolations(noor);
    await saveDocScreenshot(noor, "media-report-sheet");
    // It is a picture of a body part sent to a 14-year-old: she says so.
    await sheet.getByRole("button", { name: "Meer vertellen (hoeft niet)" }).click();
    await sheet
      .getByRole("group", { name: "Soort melding" })
      .getByRole("radio", { name: "Stuurt seksuele tekst of foto's naar een kind" })
      .check();
    // For this report the engine lets her leave her name out, and it is left out by default.
    await expect(sheet.getByRole("checkbox", { name: "Stuur mijn naam mee" })).not.toBeChecked();
    const uploads: string[] = [];
    noor.on("request", (request) => {
      if (
        request.method() === "POST" &&
        /\/v1\/media$|\/_matrix\/media\/v3\/upload/.test(request.url())
      ) {
        uploads.push(new URL(request.url()).pathname);
      }
    });
    await sheet.getByRole("button", { name: "Melden", exact: true }).click();
    await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible({
      timeout: 30_000,
    });
    // Her phone made a new encrypted copy and sent it through the report intake, which
    // uploads it under its own account: nothing went up from her account.
    expect(uploads).toEqual(["/v1/media"]);
    const reportId = await newestReportId(noor, NOOR);

    // The moderator opens the report: a placeholder with a warning, nothing fetched.
    const { moderator, media, downloads, reporting } = await moderatorOpensReport(
      browser,
      reportId,
    );
    await expect(media.getByTestId("moderation-media")).toContainText(
      /^Foto \(.+\) — kan schokkend zijn/,
    );
    await expect(media.getByRole("img")).toHaveCount(0);
    expect(downloads).toEqual([]);
    await expectNoAxeViolations(moderator);
    await media.scrollIntoViewIfNeeded();
    await saveDocScreenshot(moderator, "media-report-moderator-warning");

    // "Toon": downloaded through authenticated media, checked, decrypted, drawn here.
    await media.getByRole("button", { name: /^Toon/ }).click();
    const shown = media.getByRole("img", { name: "Gemelde foto" });
    await expect(shown).toBeVisible();
    await expect(shown).toHaveAttribute("data-drawn", "true");
    expect(downloads).toHaveLength(1);
    // The moderator fetched the report's own copy, not the photo Bram uploaded.
    expect(downloads[0]).not.toContain(mediaIdOf(photo.mxc));
    await expectNoAxeViolations(moderator);
    await media.scrollIntoViewIfNeeded();
    await saveDocScreenshot(moderator, "media-report-moderator-shown");

    // Handed to the police: the photo travels inside the sealed package, as bytes
    // with the SHA-256 of exactly what Noor reported (never compared with any list).
    const handoff = moderator.getByRole("region", { name: "Overdragen aan een instantie" });
    await handoff.getByRole("button", { name: "Pakket maken voor Politie" }).click();
    const link = handoff.getByRole("link", { name: /^Download handoff-politie-/ });
    await expect(link).toBeVisible();
    const download = await Promise.all([moderator.waitForEvent("download"), link.click()]).then(
      ([d]) => d,
    );
    const police = await moderationKeyPairFromText(reporting.handoffKeys.politie);
    if (police === undefined) throw new Error("test key");
    const sealed: unknown = JSON.parse(await readFile(await download.path(), "utf8"));
    const opened = await openHandoffFile(sealed, police);
    if (!opened.ok) throw new Error(opened.problems.join("; "));
    const pkg: HandoffPackage = opened.package;
    const packaged = pkg.evidence.filter((item) => item.kind === "media");
    expect(packaged).toHaveLength(1);
    expect(packaged[0]).toMatchObject({
      role: "reported",
      sender: bram.userId,
      mimetype: "image/png",
      size: sent.byteLength,
      sha256: await sha256Hex(sent),
    });
    expect(await verifyHandoffDigests(pkg)).toEqual([]);
  });
});

test("Noor's connection drops as she reports a photo; after a reload and back online, the moderator gets it with the photo", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await withBram(async (bram) => {
    const { noor, sheet } = await noorReportsBramsPhoto(browser, bram, 11);
    const context = noor.context();
    const appOrigin = new URL(noor.url()).origin;
    // Every copy that reaches the report intake (her name is left out, so only through it).
    const uploaded: string[] = [];
    noor.on("response", (response) => {
      if (response.request().method() === "POST" && /\/v1\/media$/.test(response.url())) {
        uploaded.push(`${String(response.status())} ${new URL(response.url()).pathname}`);
      }
    });
    // Her phone goes offline the moment it has read the photo for the report.
    const photoRead = /\/_matrix\/client\/v1\/media\/download\//;
    await noor.route(photoRead, async (route) => {
      const response = await route.fetch();
      await context.setOffline(true);
      await route.fulfill({ response });
    });
    await sheet.getByRole("button", { name: "Melden", exact: true }).click();
    // Stored on her phone at once, photo and all: the sheet says it goes as soon as it can.
    const queued = sheet.getByRole("status").filter({ hasText: /In de wachtrij/ });
    await expect(queued).toBeVisible();
    await expectNoAxeViolations(noor);
    await queued.scrollIntoViewIfNeeded();
    await saveDocScreenshot(noor, "media-report-queued");
    await noor.unroute(photoRead);
    const reportId = await newestReportId(noor, NOOR);
    expect(uploaded).toEqual([]);

    // She reloads the app while nothing outside it gets through yet, then the connection is back.
    const outside = (url: URL): boolean => url.origin !== appOrigin;
    await noor.route(outside, (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    let reloaded = false;
    let triedAfterReload = 0;
    noor.on("requestfailed", (request) => {
      if (reloaded && request.url().includes("/openid/request_token")) triedAfterReload++;
    });
    await noor.reload();
    reloaded = true;
    // The reloaded app took the stored report up again by itself (and could not reach out yet).
    await expect.poll(() => triedAfterReload, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(uploaded).toEqual([]);
    await noor.unroute(outside);

    // The phone that was reloaded uploads the photo's copy once, seals the report and sends it.
    await expect.poll(() => uploaded, { timeout: 90_000 }).toEqual(["200 /v1/media"]);
    await expect
      .poll(
        async () => (await storedReports(noor, NOOR)).find((r) => r.reportId === reportId)?.state,
        { timeout: 60_000 },
      )
      .toBe("delivered");
    const { moderator, media } = await moderatorOpensReport(browser, reportId);
    await expect(media.getByTestId("moderation-media")).toContainText(
      /^Foto \(.+\) — kan schokkend zijn/,
      { timeout: 60_000 },
    );
    await media.getByRole("button", { name: /^Toon/ }).click();
    const shown = media.getByRole("img", { name: "Gemelde foto" });
    await expect(shown).toBeVisible();
    await expect(shown).toHaveAttribute("data-drawn", "true");
    await expectNoAxeViolations(moderator);
    expect(uploaded).toEqual(["200 /v1/media"]);
  });
});
