// Images and files from someone you do not know (issue 13): decided by who
// sent them, never by what they show, on the receiver's own device.
//
// - Noor (14) accepts a request from someone she does not know. Their photo
//   arrives as a box with a button: nothing of it is downloaded (every
//   request her page makes is recorded). She taps; it is fetched, decrypted
//   and shown blurred, with a short warning, block, report, Helpwanted and
//   "Waarom zie ik dit?"; one more tap shows it.
// - The same stranger then sends what attackers send: an http URL, a preview
//   that is not a picture, huge dimensions, a "PNG" that is SVG with a
//   script, a decompression bomb, an SVG file. Each is a clear placeholder or
//   a file card; the http URL is never requested, no script runs.
// - Sam (11) gets a stranger's photo in a request that is held aside: no
//   button, no picture, nothing downloaded.
import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "../support/test.ts";
import type { ChatSession } from "@safety-by-design/client/actors";
import { signedInSession } from "../../tools/lib/conversations.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import {
  decompressionBomb,
  mediaIdOf,
  pngPicture,
  sendFile,
  sendPicture,
  svgWithScript,
} from "../support/mediaSender.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { homeserver } from "../support/strangers.ts";

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

/** Someone with no verified age and a device of their own, who can send encrypted media. */
async function stranger(displayName: string): Promise<{ userId: string; session: ChatSession }> {
  const username = `stranger-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const { userId } = await ensureAccount(homeserver, { username, password, displayName });
  return { userId, session: await signedInSession(homeserver, { username, password }) };
}

/** Every URL the page requests from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

const requested = (urls: readonly string[], mxc: string): boolean =>
  urls.some((url) => url.includes(`/${mediaIdOf(mxc)}`));

/** Scrolls the conversation so this element is at the top of the messages. */
async function toTop(element: Locator): Promise<void> {
  await element.evaluate((node) => {
    node.scrollIntoView({ block: "start" });
  });
}

async function whenJoined(session: ChatSession, roomId: string, userId: string): Promise<void> {
  await expect
    .poll(
      () =>
        session.conversation(roomId)?.members.find((member) => member.userId === userId)
          ?.membership,
      { timeout: 20_000 },
    )
    .toBe("join");
}

test("a stranger's photo reaches Noor (14) only when she taps, then blurred with a warning and help; attacks are placeholders", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await declinePendingRequests("noor");
  const joris = await stranger("Joris");
  try {
    const noor = await personaOnPhone(browser, "noor");
    const urls = recordRequests(noor);
    const roomId = await joris.session.createEncryptedDirectChat("@noor:localhost");

    // She reads the request and accepts it: what Joris writes may show now; his media waits for her.
    await (await strangerRequestRow(noor, joris.userId, "Joris")).click();
    await noor.getByRole("button", { name: "Accepteren" }).click();
    await expect(noor.getByRole("heading", { name: "Joris" })).toBeVisible();
    await whenJoined(joris.session, roomId, "@noor:localhost");

    const photo = await sendPicture(joris.session, roomId, pngPicture(480, 360), {
      width: 480,
      height: 360,
    });
    const messages = noor.getByRole("region", { name: "Berichten" });
    const load = messages.getByRole("button", { name: /Foto laden/ });
    await expect(load).toBeVisible();
    await expect(messages.getByText("Nog niet geladen.", { exact: false })).toBeVisible();
    await expect(messages.locator("img, canvas")).toHaveCount(0);
    // Nothing of it was requested: not the picture, not its preview.
    expect(requested(urls, photo.mxc)).toBe(false);
    // The warning, help and the choices are there before she decides.
    await expect(messages.getByRole("link", { name: /Helpwanted/ })).toBeVisible();
    await expect(messages.getByRole("button", { name: "Blokkeren" })).toBeVisible();
    await expect(messages.getByText("Waarom zie ik dit?")).toBeVisible();
    await expectNoAxeViolations(noor);
    await toTop(messages.locator(".media-item").first());
    await saveDocScreenshot(noor, "media-stranger-tap");

    // She taps: fetched through authenticated media, decrypted on her phone, shown blurred.
    await load.click();
    const blurred = messages.locator(".media-frame.blurred canvas");
    await expect(blurred).toBeVisible();
    expect(
      urls.some((url) =>
        url.includes(`/_matrix/client/v1/media/download/localhost/${mediaIdOf(photo.mxc)}`),
      ),
    ).toBe(true);
    // Pixels her phone decoded and drew into a canvas: no sender's bytes or server URL in an <img>.
    await expect(blurred).toHaveAttribute("data-drawn", "true");
    await expect(messages.locator("img")).toHaveCount(0);
    // Still blurred behind its warning: it cannot be opened full screen.
    await expect(messages.getByRole("button", { name: "Foto groot bekijken" })).toHaveCount(0);
    await expectNoAxeViolations(noor);
    await toTop(messages.locator(".media-item").first());
    await saveDocScreenshot(noor, "media-stranger-blurred");
    await noor.emulateMedia({ colorScheme: "dark" });
    await saveDocScreenshot(noor, "media-stranger-blurred-dark");
    await noor.emulateMedia({ colorScheme: "light" });

    // "Waarom zie ik dit?" explains; one more tap shows the photo as it is.
    await messages.getByText("Waarom zie ik dit?").first().click();
    await expect(messages.getByText("Van je contacten zie je foto's meteen.")).toBeVisible();
    // Scrolled away while she read, the picture was let go; back on screen, it loads again.
    await toTop(messages.locator(".media-item").first());
    await messages.getByRole("button", { name: "Foto laten zien" }).click();
    await expect(messages.locator(".media-frame:not(.blurred) canvas")).toBeVisible();
    // Her choice made, she may open it full screen: only now is the full photo fetched.
    const previewOnly = urls.length;
    await messages.getByRole("button", { name: "Foto groot bekijken" }).click();
    const viewer = noor.getByRole("dialog", { name: /Foto van/ });
    await expect(viewer.getByRole("img", { name: "De foto, groot" })).toBeVisible();
    expect(
      urls
        .slice(previewOnly)
        .some((url) =>
          url.includes(`/_matrix/client/v1/media/download/localhost/${mediaIdOf(photo.mxc)}`),
        ),
    ).toBe(true);
    await viewer.getByRole("button", { name: "Sluiten" }).click();
    await expect(viewer).toHaveCount(0);

    // What attackers send. None of it is fetched before a tap; the http URL never.
    const canary = randomBytes(6).toString("hex");
    const http = `http://127.0.0.1:9/${canary}.png`;
    const small = pngPicture(64, 64);
    await sendPicture(joris.session, roomId, small, {
      width: 64,
      height: 64,
      file: { url: http },
    });
    await sendPicture(joris.session, roomId, small, { width: 100_000, height: 100_000 });
    await sendPicture(joris.session, roomId, small, {
      width: 64,
      height: 64,
      thumbnailMimetype: "text/html",
    });
    const lying = await sendPicture(joris.session, roomId, svgWithScript(), {
      width: 64,
      height: 64,
    });
    const bomb = await sendPicture(joris.session, roomId, decompressionBomb(), {
      width: 64,
      height: 64,
    });
    const svgFile = await sendFile(
      joris.session,
      roomId,
      svgWithScript(),
      "tekening.svg",
      "image/svg+xml",
    );

    await expect(messages.getByText("Dit komt van een andere plek dan je chat.")).toBeVisible();
    await expect(messages.getByText("Dit is te groot om te laten zien.")).toBeVisible();
    await expect(
      messages.getByText("Hier klopt iets niet mee. We laten het niet zien."),
    ).toBeVisible();
    const svgCard = messages.locator(".media-file").filter({ hasText: "tekening.svg" });
    await expect(svgCard).toContainText("image/svg+xml");
    await expect(svgCard).toContainText("De app opent geen bestanden.");
    expect(requested(urls, lying.mxc)).toBe(false);
    expect(requested(urls, bomb.mxc)).toBe(false);
    expect(requested(urls, svgFile.mxc)).toBe(false);
    await expectNoAxeViolations(noor);
    await toTop(
      messages.locator(".media-placeholder").filter({ hasText: "Dit komt van een andere plek" }),
    );
    await saveDocScreenshot(noor, "media-placeholders");

    // She taps the "PNG" that is SVG, and the bomb: fetched, then refused before decoding.
    const loads = messages.getByRole("button", { name: /Foto laden/ });
    await expect(loads).toHaveCount(2);
    await loads.first().click();
    await expect(messages.getByText("Dit is geen gewone foto.", { exact: false })).toBeVisible();
    await loads.first().click();
    await expect(messages.getByText("Dit is te groot om te laten zien.")).toHaveCount(2);

    // The SVG file is saved, never opened or drawn; its script never runs.
    const download = noor.waitForEvent("download");
    await svgCard.getByRole("button", { name: /opslaan/i }).click();
    expect((await download).suggestedFilename()).toBe("tekening.svg");
    await expect(svgCard).toContainText("Opgeslagen.");
    expect(noor.context().pages()).toHaveLength(1);
    expect(await noor.evaluate(() => "__mediaScriptRan" in window)).toBe(false);
    expect(urls.some((url) => url.includes(canary))).toBe(false);
    await expectNoAxeViolations(noor);
  } finally {
    await joris.session.signOut();
  }
});

test("a stranger's photo does not reach Sam (11) at all: no button, no picture, nothing downloaded", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await declinePendingRequests("sam");
  const joris = await stranger("Joris");
  try {
    const sam = await personaOnPhone(browser, "sam");
    const urls = recordRequests(sam);
    const roomId = await joris.session.createEncryptedDirectChat("@sam:localhost");
    const photo = await sendPicture(joris.session, roomId, pngPicture(480, 360), {
      width: 480,
      height: 360,
    });
    const row = await strangerRequestRow(sam, joris.userId, "Joris");
    await expect(row).toContainText("Apart gezet");
    await row.click();
    await expect(sam.getByRole("heading", { name: "Verzoek" })).toBeVisible();
    await expect(sam.getByRole("button", { name: /Foto laden/ })).toHaveCount(0);
    await expect(sam.locator("main img")).toHaveCount(0);
    expect(requested(urls, photo.mxc)).toBe(false);
    await expectNoAxeViolations(sam);
    await saveDocScreenshot(sam, "media-not-viewable-child");
  } finally {
    await joris.session.signOut();
  }
});
