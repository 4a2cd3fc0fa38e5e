// The app's language: Dutch first. English is fetched the first time someone
// chooses it (the sign-in screen never downloads words it does not show), and
// the screen switches once its words are there: with the network off too,
// for an app opened once before, since the service worker keeps them. The
// choice is remembered: the next start opens in English at once.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";

test("choosing English shows the sign-in screen and help in English, offline too, and the next start opens in English", async ({
  context,
}) => {
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The Dutch sign-in screen fetched no English.
  expect(scripts.filter((path) => path.includes("copy.en"))).toEqual([]);

  // Offline from here: the worker has the English words since it installed.
  await context.setOffline(true);
  await page.getByLabel("Taal").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Language")).toHaveValue("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "Help" }).click();
  const help = page.getByRole("dialog", { name: "Help" });
  await expect(help.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await expect(help.getByText("Phone: day and night (24/7)").first()).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // A new start, still offline: English from the first screen.
  await page.close();
  const again = await context.newPage();
  await again.goto("/");
  await expect(again.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(again.getByLabel("Language")).toHaveValue("en");
});
