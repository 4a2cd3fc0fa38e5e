// Every screen of the app, each as the persona who meets it, checked with axe
// in the light and the dark theme: the phone's own setting
// (support/everyScreen.ts) and, for the screens that use the most colours,
// the app's own switch in Settings. With SCREENSHOTS=1 the same walk saves
// each screen in both themes at phone size (`npm run screenshots`).
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { E2E_CLIENT_DIST, E2E_INSTANCE } from "../support/e2eInstance.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawInviteToDirectRoom, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { checkScreen } from "../support/everyScreen.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { homeserver, rawStranger } from "../support/strangers.ts";

test.beforeAll(async () => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
});

async function openChats(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Gesprekken/ }).click();
  await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
}

/** The browser's (or Android's) back button: one screen back. */
async function back(page: Page): Promise<void> {
  await page.goBack();
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
    what,
  ).toEqual([]);
}

test("before signing in: the sign-in screen and help", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await checkScreen(page, "sign-in");

  await page.getByRole("button", { name: "Hulp" }).click();
  await expect(page.getByRole("dialog", { name: "Hulp" })).toBeVisible();
  await checkScreen(page, "help-signed-out");
});

test("Noor (14): chats, a request, a conversation, a profile, reporting, new chat and group, find people, settings, help", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stranger = await rawStranger("Sanne");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");

  // Requests: a stranger's, shown without her name, then opened.
  const row = await strangerRequestRow(noor, stranger.userId, "Sanne");
  await checkScreen(noor, "requests");
  await row.click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  await checkScreen(noor, "request");
  await back(noor);
  await openChats(noor);
  await checkScreen(noor, "chat-list");

  // A conversation with a friend: her name at the top opens her profile.
  await noor.getByRole("button", { name: "Lotte", exact: true }).first().click();
  await expect(noor.getByRole("heading", { name: "Lotte" })).toBeVisible();
  await noor.getByRole("textbox", { name: "Bericht" }).fill("Hoi Lotte! Zie je morgen?");
  await noor.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText("Hoi Lotte! Zie je morgen?").last()).toBeVisible();
  await expect(noor.getByText("Wordt verstuurd…")).toHaveCount(0);
  await checkScreen(noor, "conversation");

  await noor.getByRole("heading", { name: "Lotte" }).getByRole("button").click();
  const profile = noor.getByRole("region", { name: "Profiel" });
  await expect(profile.getByText("@lotte:localhost")).toBeVisible();
  await checkScreen(noor, "profile");
  await profile.getByRole("button", { name: "Terug" }).click();

  // Reporting, from the conversation's menu.
  await noor.getByRole("button", { name: "Opties voor dit gesprek" }).click();
  await noor.getByRole("button", { name: "Lotte melden" }).click();
  await expect(noor.getByRole("dialog")).toBeVisible();
  await checkScreen(noor, "report-sheet");
  await noor.keyboard.press("Escape");
  await expect(noor.getByRole("dialog")).toHaveCount(0);
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();

  // New chat, new group (with Lotte: the chat opens, its name shows its people), find people.
  await noor.getByRole("button", { name: "Nieuw gesprek" }).click();
  await expect(noor.getByRole("heading", { name: "Nieuw gesprek" })).toBeVisible();
  await checkScreen(noor, "new-chat");
  await back(noor);
  await noor.getByRole("button", { name: "Nieuwe groep" }).click();
  await expect(noor.getByRole("heading", { name: "Nieuwe groep" })).toBeVisible();
  await checkScreen(noor, "new-group");
  await noor.getByLabel("Naam van de groep").fill("Huiswerk 2B");
  await noor.getByLabel("Wie doet er mee?").fill("@lotte:localhost");
  await noor.getByRole("button", { name: "Groep maken" }).click();
  const groupTitle = noor.getByRole("heading", { name: "Huiswerk 2B" });
  await expect(groupTitle).toBeVisible();
  await groupTitle.getByRole("button").click();
  const members = noor.getByRole("region", { name: "Wie zitten er in de groep" });
  await expect(members.getByRole("button", { name: "Profiel van Lotte" })).toBeVisible();
  await checkScreen(noor, "group-members");
  await members.getByRole("button", { name: "Profiel van Lotte" }).click();
  await expect(noor.getByRole("region", { name: "Profiel" })).toBeVisible();
  await back(noor);
  await back(noor);
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await noor.getByRole("button", { name: "Mensen zoeken" }).click();
  await expect(noor.getByRole("heading", { name: "Mensen zoeken" })).toBeVisible();
  await checkScreen(noor, "find-people");
  await back(noor);

  // Settings, and help over whatever is open.
  await noor.getByRole("button", { name: "Instellingen" }).click();
  await expect(noor.getByRole("heading", { name: "Instellingen", level: 1 })).toBeVisible();
  await checkScreen(noor, "settings");
  await noor.getByRole("button", { name: "Hulp" }).click();
  await expect(noor.getByRole("dialog", { name: "Hulp" })).toBeVisible();
  await checkScreen(noor, "help");
  await noor.keyboard.press("Escape");

  // Dark chosen in the app itself (the phone stays light): the same colours pass.
  await noor.getByRole("radio", { name: "Donker" }).check();
  await expect(noor.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectNoViolations(noor, "settings, dark chosen in Settings");
  await back(noor);
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await expectNoViolations(noor, "chat list, dark chosen in Settings");
  await (await strangerRequestRow(noor, stranger.userId, "Sanne")).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  await expectNoViolations(noor, "request, dark chosen in Settings");
  // The theme is this phone's: back to the system's for the next test.
  await noor.evaluate(() => {
    localStorage.removeItem("sbd.theme");
  });
  await rawLogout(stranger);
});

test("a new account: the recovery key offer, then empty chats and requests", async ({ page }) => {
  const username = `nieuw-${randomBytes(4).toString("hex")}`;
  await ensureAccount(homeserver, { username, password: DEMO_PASSWORD, displayName: "Nieuw" });
  await page.goto("/");
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: /herstelcode/ })).toBeVisible();
  await checkScreen(page, "recovery");
  await page.getByRole("button", { name: "Later" }).click();
  await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await expect(page.getByText("Je hebt nog geen gesprekken.")).toBeVisible();
  await checkScreen(page, "chat-list-empty");
  await page.getByRole("button", { name: /^Verzoeken/ }).click();
  await checkScreen(page, "requests-empty");
});

test("the moderation team's account: the moderation screen", async ({ browser }) => {
  const moderator = await personaOnPhone(browser, "moderation");
  await moderator.getByRole("button", { name: "Moderatie: meldingen" }).click();
  await expect(moderator.getByRole("heading", { name: "Moderatie", exact: true })).toBeVisible();
  await checkScreen(moderator, "moderation");
});

test("a new version of the app: the update notice", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // A new version is deployed: the server's sw.js changes (offline.spec.ts does the same).
  const worker = join(E2E_CLIENT_DIST[E2E_INSTANCE], "sw.js");
  const original = readFileSync(worker, "utf8");
  const deploy = (content: string): void => {
    writeFileSync(`${worker}.next`, content);
    renameSync(`${worker}.next`, worker);
  };
  deploy(original.replace(/var version = "[0-9a-f]+";/, 'var version = "5c5c5c5c5c5c5c5c";'));
  try {
    await page.reload();
    await expect(
      page.getByRole("status").filter({ hasText: "Nieuwe versie beschikbaar" }),
    ).toBeVisible();
    await checkScreen(page, "update-notice");
  } finally {
    deploy(original);
  }
});

test("large text (20 px): the header keeps its icon whole and fits the phone", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  await noor.addStyleTag({ content: "html { font-size: 20px; }" });
  const icon = await noor.locator(".app-icon").boundingBox();
  expect(icon?.width).toBeGreaterThanOrEqual(34);
  const header = noor.locator(".app-header");
  expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await checkScreen(noor, "chat-list-large-text");
});
