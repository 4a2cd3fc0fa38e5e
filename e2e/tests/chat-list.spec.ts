// The chat list reads like the chat apps people know: initials instead of
// pictures, the last message's first line and its time, the unread count,
// and the count in the browser tab's title. In light and dark, and with the
// browser's text size turned up.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { personaOnPhone } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

test.beforeAll(async () => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
});

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Bericht" }).fill(text);
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page.getByText(text)).toBeVisible();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test("Noor sees Lotte's last message, its time and how many she has not read; the tab counts them too", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");

  // Noor has read everything in their chat; then Lotte writes twice.
  const lotteRow = noor.getByRole("button", { name: "Lotte", exact: true }).first();
  await lotteRow.click();
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await lotte.getByRole("button", { name: "Noor", exact: true }).first().click();
  const tag = randomUUID().slice(0, 6);
  await send(lotte, `Ben je er? ${tag}`);
  await send(lotte, `Kom je morgen naar mijn feest? ${tag}\nOm drie uur`);

  // Her row: the newest first line, a time of today, the count; no picture anywhere.
  await expect(lotteRow).toContainText(`Kom je morgen naar mijn feest? ${tag}`);
  await expect(lotteRow).not.toContainText("Om drie uur");
  await expect(lotteRow.locator("time")).toHaveText(/^\d{2}:\d{2}$/);
  await expect(lotteRow.locator(".badge")).toContainText("2 nieuwe berichten");
  await expect(lotteRow.locator(".avatar")).toHaveText("L");
  await expect(noor.locator(".chat-list img")).toHaveCount(0);
  // The chat that just had a message is at the top.
  await expect(noor.locator(".chat-row").first()).toHaveAccessibleName("Lotte");
  // The browser tab says there is something new, as chat apps' tabs do.
  await expect(noor).toHaveTitle(/^\(\d+\) Veilig Chatten$/);
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "chat-list");

  // Dark, as her phone is set: the same list, every colour still readable.
  await noor.emulateMedia({ colorScheme: "dark" });
  await expect(noor.locator("html")).not.toHaveAttribute("data-theme");
  expect(await noor.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
    "rgb(244, 245, 251)",
  );
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "chat-list-dark");
  await noor.emulateMedia({ colorScheme: "light" });

  // Her own reply shows as hers; reading the chat clears the count and the title.
  await lotteRow.click();
  await send(noor, `Ja, gezellig! ${tag}`);
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await expect(lotteRow).toContainText(`Jij: Ja, gezellig! ${tag}`);
  await expect(lotteRow.locator(".badge")).toHaveCount(0);
});

test("with the browser's text size turned up (20 px), the chat list still fits the phone", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  // What a person's larger text setting does: the root font size the app's rem sizes follow.
  await noor.addStyleTag({ content: "html { font-size: 20px; }" });
  const rootSize = await noor.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(rootSize).toBe("20px");
  const tab = noor.getByRole("button", { name: /^Verzoeken/ });
  expect(
    await tab.evaluate((element) => element.getBoundingClientRect().height),
  ).toBeGreaterThanOrEqual(55);
  // Nothing sticks out sideways.
  expect(
    await noor.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    ),
  ).toBe(true);
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "chat-list-large-text");
});
