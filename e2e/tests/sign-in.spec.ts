// Signing in: a demo persona opens the client on a phone, signs in through
// the form, and reaches her chat list; a wrong password gets a clear error.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { skipRecoveryOffer } from "../support/personas.ts";

test("Noor signs in on her phone and sees her chats", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel("Gebruikersnaam").fill("noor");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await skipRecoveryOffer(page);

  await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await expect(page.getByText("Ingelogd als @noor:")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await testInfo.attach("chat-list-phone", {
    body: await page.screenshot({ path: testInfo.outputPath("chat-list-phone.png") }),
    contentType: "image/png",
  });
});

test("a wrong password is explained and nothing else happens", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Gebruikersnaam").fill("noor");
  await page.getByLabel("Wachtwoord").fill("not-her-password");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toHaveText(/gebruikersnaam of wachtwoord klopt niet/);
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
});

test("the sign-in screen switches to English", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Taal").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
