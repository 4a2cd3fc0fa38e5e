// No silent fail-open on the sender side (issue 12, acceptance 8). Before a
// chat starts, an adult's client asks the other person's app whether it
// protects a minor. When that app does not answer (the phone is off, or the
// person has not signed in anywhere yet), the adult is not simply let through:
// his own engine says that the other app may hold his message aside, with
// Stop it Now, and he may go on after reading. The other person's app still
// decides for itself when it comes online.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "../support/test.ts";
import { registerAgeBand } from "../../tools/lib/ageIssuerService.ts";
import { ageIssuerDir } from "../../tools/lib/deployment.ts";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { signIn } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

/** A fresh account with a verified band, with no app running anywhere until it signs in. */
async function account(
  name: string,
  band: "13-15" | "18+",
): Promise<{ userId: string; username: string; password: string }> {
  const username = `${name}-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const displayName = name.charAt(0).toUpperCase() + name.slice(1);
  await ensureAccount(homeserver, { username, password, displayName });
  const userId = `@${username}:${homeserver.serverName}`;
  await registerAgeBand(ageIssuerDir(E2E_INSTANCE), userId, band);
  return { userId, username, password };
}

async function onPhone(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

test("an adult whose recipient's app does not answer is told it may hold his message aside, with Stop it Now", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // A 14-year-old whose app is not running: her device cannot answer.
  const noor = await account("noor", "13-15");
  const alexAccount = await account("alex", "18+");
  const alex = await onPhone(browser, alexAccount.username, alexAccount.password);

  await alex.getByRole("button", { name: "Nieuw gesprek" }).click();
  await alex.getByLabel("Matrix-ID van de ander").fill(noor.userId);
  await alex.getByRole("button", { name: "Gesprek starten" }).click();

  const decision = alex.getByRole("alert");
  await expect(decision).toBeVisible({ timeout: 20_000 });
  await expect(decision).toContainText("zet hun app je bericht apart");
  await expect(decision.getByRole("heading", { name: "Stop it Now" })).toBeVisible();
  expect((await new AxeBuilder({ page: alex }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(alex, "contact-no-answer");

  // Not a refusal: after reading, he may go on; Noor's own app decides when it comes online.
  await alex.getByRole("button", { name: "Toch doorgaan" }).click();
  await expect(alex.getByRole("textbox", { name: "Bericht" })).toBeVisible({ timeout: 20_000 });
});
