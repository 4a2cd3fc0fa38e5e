// Help, one tap away: from every screen (sign-in included), without network,
// without a trace, with a quick exit.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { personaOnPhone } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";

test("help opens from the sign-in screen with no network request, and quick exit leaves at once", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();

  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.getByRole("button", { name: "Hulp" }).click();

  const help = page.getByRole("dialog", { name: "Hulp" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await expect(help.getByRole("link", { name: /0800-0432/ })).toHaveAttribute(
    "href",
    "tel:08000432",
  );
  for (const link of await help.locator('a[href^="https:"]').all()) {
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  }
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(page, "help");
  expect(requests).toEqual([]);

  await help.getByRole("button", { name: "Snel weg" }).click();
  await expect(help).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  expect(requests).toEqual([]);
});

test("help is reachable by keyboard from the chat list and closes with Escape", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  await noor.getByRole("button", { name: "Hulp" }).focus();
  await noor.keyboard.press("Enter");
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toBeVisible();
  await expect(noor.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await noor.keyboard.press("Escape");
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toHaveCount(0);
  await expect(noor.getByRole("button", { name: "Gesprekken" })).toBeVisible();
});
