// e2e support: sign a persona in through the UI, as a person would.
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
}

/** A persona on a phone of their own: a fresh browser context, signed in. */
export async function personaOnPhone(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}
