// e2e support: sign a persona in through the UI, as a person would.
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";

export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await skipRecoveryOffer(page);
  await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
}

/** After signing in, the app may offer (or ask for) a recovery key; tests about other flows skip it. */
export async function skipRecoveryOffer(page: Page): Promise<void> {
  const chats = page.getByRole("heading", { name: "Gesprekken" });
  const recovery = page.getByRole("heading", { name: /herstelcode|Oude berichten lezen/ });
  await expect(chats.or(recovery)).toBeVisible();
  if (await recovery.isVisible()) await page.getByRole("button", { name: "Later" }).click();
}

/** A persona on a phone of their own: a fresh browser context, signed in. */
export async function personaOnPhone(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** Matches an accessible name that contains this Matrix ID literally. */
export function containingMatrixId(userId: string): RegExp {
  return new RegExp(userId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}
