// A profile per person, opened from a conversation's menu: what the app
// knows about them (contact or not, a checked age only when it was shared,
// groups together, how the chat started) and block, unblock, report and help.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
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

test("Noor opens Lotte's profile from their chat, blocks and unblocks her, and can report from it", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  await noor.getByRole("button", { name: "Lotte", exact: true }).first().click();
  await noor.getByRole("button", { name: "Opties voor dit gesprek" }).click();
  await noor.getByRole("button", { name: "Profiel van Lotte" }).click();

  const profile = noor.getByRole("region", { name: "Profiel" });
  await expect(profile.getByText("Lotte", { exact: true })).toBeVisible();
  await expect(profile.getByText("@lotte:localhost")).toBeVisible();
  await expect(profile.getByText("In je contacten")).toBeVisible();
  await expect(profile.getByText("Leeftijd", { exact: true })).toBeVisible();
  await expect(profile.getByText("Groepen samen")).toBeVisible();
  // The tooling made them friends in person (conversations.ts).
  await expect(profile.getByText(/Jullie zijn vrienden via een code\. Sinds/)).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "profile");
  await noor.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "profile-dark");
  await noor.emulateMedia({ colorScheme: "light" });

  await profile.getByRole("button", { name: "Blokkeren" }).click();
  await expect(profile.getByText("Je hebt deze persoon geblokkeerd.")).toBeVisible();
  await profile.getByRole("button", { name: "Deblokkeren" }).click();
  await expect(profile.getByText("Je hebt deze persoon geblokkeerd.")).toHaveCount(0);
  await expect(profile.getByRole("button", { name: "Blokkeren" })).toBeVisible();

  // Report from the profile: the report sheet opens over it.
  await profile.getByRole("button", { name: "Melden" }).click();
  const sheet = noor.getByRole("dialog");
  await expect(sheet).toBeVisible();
  await noor.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);

  // Back goes back to the chat, as on any phone.
  await profile.getByRole("button", { name: "Terug" }).click();
  await expect(noor.getByRole("heading", { name: "Lotte" })).toBeVisible();
});
