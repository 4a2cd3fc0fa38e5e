// Getting around, as in any chat app on a phone: the browser's (and
// Android's) back button goes back one screen and closes help and the report
// sheet; help opens from every screen, over the report sheet too, and focus
// returns to where it was; "Snel weg" (quick exit) on every screen leaves the
// app at once for a neutral page that takes the app's place in the history,
// also with Escape three times.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { personaOnPhone } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

/** The quick exit's default neutral page (client/src/deployment.ts). */
const NEUTRAL_PAGE = "https://www.knmi.nl/";

test.beforeAll(async () => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
});

/** The neutral page, answered here: the test never reaches the real site. */
async function answerNeutralPage(page: Page): Promise<void> {
  await page.context().route(`${NEUTRAL_PAGE}**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html lang="nl"><title>Het weer</title><h1>Het weer</h1></html>',
    }),
  );
}

const chatList = (page: Page) => page.getByRole("heading", { name: "Gesprekken" });
const lotteChat = (page: Page) => page.getByRole("heading", { name: "Lotte", exact: true });

/** Noor opens her chat with Lotte, who has just written to her; returns Lotte's message. */
async function noorReadsLotte(browser: Browser): Promise<{ noor: Page; message: string }> {
  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  await expect(lotteChat(noor)).toBeVisible();
  await lotte.getByRole("button", { name: /Noor/ }).first().click();
  const message = `Kom je morgen ook? ${randomUUID().slice(0, 8)}`;
  await lotte.getByRole("textbox", { name: "Bericht" }).fill(message);
  await lotte.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText(message)).toBeVisible();
  await lotte.context().close();
  return { noor, message };
}

function reportButton(page: Page, message: string): Locator {
  return page
    .getByRole("listitem")
    .filter({ hasText: message })
    .getByRole("button", { name: /^Bericht van .* melden$/ });
}

test("the back button goes back a screen, and closes help and the report sheet first", async ({
  browser,
}) => {
  const { noor, message } = await noorReadsLotte(browser);

  // Back from the conversation: the chat list, not away from the app.
  await noor.goBack();
  await expect(chatList(noor)).toBeVisible();
  await expect(lotteChat(noor)).toHaveCount(0);

  // Help over the conversation: back closes help, the conversation is still there.
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  await noor.getByRole("button", { name: "Hulp", exact: true }).click();
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toBeVisible();
  await noor.goBack();
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toHaveCount(0);
  await expect(lotteChat(noor)).toBeVisible();

  // The report sheet: back closes it, and the next back goes to the chat list.
  await reportButton(noor, message).click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await expect(sheet).toBeVisible();
  await noor.goBack();
  await expect(sheet).toHaveCount(0);
  await expect(lotteChat(noor)).toBeVisible();
  await noor.goBack();
  await expect(chatList(noor)).toBeVisible();

  // The app's own back button and the browser's agree: one step each.
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await expect(chatList(noor)).toBeVisible();
  expect(
    await noor.evaluate(
      () =>
        (history.state as { safetyByDesignStep?: { depth: number } } | null)?.safetyByDesignStep
          ?.depth,
    ),
  ).toBe(0);
});

test("help opens over the report sheet, and focus returns to where it was", async ({ browser }) => {
  const { noor, message } = await noorReadsLotte(browser);
  const report = reportButton(noor, message);
  await report.click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await expect(sheet).toBeVisible();
  // The sheet's top bar: the quick exit and help, one tap away, as on every screen.
  await expect(sheet.getByRole("button", { name: "Snel weg" })).toBeVisible();
  const sheetHelp = sheet.getByRole("button", { name: "Hulp", exact: true });
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "report-sheet-help");
  await sheetHelp.click();

  const help = noor.getByRole("dialog", { name: "Hulp" });
  await expect(help.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  // Help is on top: its close button takes the tap, not the sheet under it.
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await help.getByRole("button", { name: "Sluiten" }).click();
  await expect(help).toHaveCount(0);
  await expect(sheet).toBeVisible();
  await expect(sheetHelp).toBeFocused();

  // By keyboard: Escape closes help, then the sheet; focus goes back each time.
  await noor.keyboard.press("Enter");
  await expect(help).toBeVisible();
  await expect(help.getByRole("heading", { name: "Hulp" })).toBeFocused();
  await noor.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await expect(sheetHelp).toBeFocused();
  // Tab stays inside the sheet (the browser's own focus trap): it never reaches the header.
  for (let i = 0; i < 12; i++) await noor.keyboard.press("Tab");
  expect(
    await noor.evaluate(() => document.activeElement?.closest("dialog")?.getAttribute("class")),
  ).toContain("report-sheet");
  await noor.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(report).toBeFocused();
  await expect(lotteChat(noor)).toBeVisible();
});

test("quick exit from a conversation lands on a neutral page, and back does not return to the conversation", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  await answerNeutralPage(noor);
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  await expect(lotteChat(noor)).toBeVisible();

  const quickExit = noor.getByRole("button", { name: "Snel weg" });
  await expect(quickExit).toHaveAccessibleDescription(
    /Verlaat de app meteen en opent een neutrale website/,
  );
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "quick-exit");
  await quickExit.click();
  await expect(noor).toHaveURL(NEUTRAL_PAGE);
  await expect(noor.getByRole("heading", { name: "Het weer" })).toBeVisible();

  // The neutral page took the conversation's place: back shows the plain chat list.
  await noor.goBack();
  await expect(chatList(noor)).toBeVisible();
  await expect(lotteChat(noor)).toHaveCount(0);
});

test("quick exit by keyboard: Escape three times quickly, even while writing a message", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  await answerNeutralPage(noor);
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  const composer = noor.getByRole("textbox", { name: "Bericht" });
  await composer.fill("Ik moet je iets vertellen");
  // Once or twice is not enough: nothing happens by accident.
  await composer.press("Escape");
  await composer.press("Escape");
  await expect(lotteChat(noor)).toBeVisible();
  await noor.waitForTimeout(1_600);
  await composer.press("Escape");
  await composer.press("Escape");
  await composer.press("Escape");
  await expect(noor).toHaveURL(NEUTRAL_PAGE);
});

test("on the sign-in screen the back button leaves the app: no back trap", async ({ page }) => {
  await answerNeutralPage(page);
  await page.goto(NEUTRAL_PAGE);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Snel weg" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(NEUTRAL_PAGE);
});
