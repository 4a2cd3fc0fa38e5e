// Settings, from the chat list's header: the language, the rules that
// protect the person (the pack's own words), light or dark, being findable
// (an 8-12 sees at once that it is not for them) and notifications, which
// for a minor never say who wrote or what.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { personaOnPhone, signIn } from "../support/personas.ts";
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

async function openSettings(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Instellingen" }).click();
  await expect(page.getByRole("heading", { name: "Instellingen", level: 1 })).toBeVisible();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test("Noor finds the rules that protect her, switches to dark and to English", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  await openSettings(noor);
  const rules = noor.getByRole("region", { name: "Welke regels beschermen mij in de app?" });
  await expect(rules.getByText("Standaard (Nederland)")).toBeVisible();
  await expect(rules.getByText(/voorstel voor preventief ontwerp/)).toBeVisible();
  await expect(rules.getByText(/onderzoek/)).toHaveCount(0);
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "settings");

  // Dark, chosen here (not the phone's setting): kept after a reload.
  await noor.getByRole("radio", { name: "Donker" }).check();
  await expect(noor.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "settings-dark");
  await noor.reload();
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await expect(noor.locator("html")).toHaveAttribute("data-theme", "dark");
  await openSettings(noor);
  await noor.getByRole("radio", { name: "Zoals je telefoon" }).check();
  await expect(noor.locator("html")).not.toHaveAttribute("data-theme");

  // The chosen language may load first: the radio follows the language shown.
  await noor.getByRole("radio", { name: "English" }).click();
  await expect(noor.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(noor.getByRole("radio", { name: "English" })).toBeChecked();
  await expect(noor.getByText("Default (Netherlands)")).toBeVisible();
  await noor.getByRole("radio", { name: "Nederlands" }).click();
  await expect(noor.getByRole("heading", { name: "Instellingen", level: 1 })).toBeVisible();

  // Back to the chats; signing out is here too.
  await expect(noor.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
});

test("Sam (11) sees at once that he cannot become findable: there is nothing to switch on", async ({
  browser,
}) => {
  const sam = await personaOnPhone(browser, "sam");
  await openSettings(sam);
  const setting = sam.getByRole("region", { name: "Vindbaar voor leeftijdsgenoten" });
  await expect(setting.getByText(/Deze instelling staat vast voor jouw leeftijd/)).toBeVisible();
  await expect(setting.getByRole("button", { name: "Aanzetten" })).toHaveCount(0);
  // His notifications would say only "new message".
  await expect(sam.getByText(/Een melding zegt alleen: Nieuw bericht/)).toBeVisible();
  await expectNoAxeViolations(sam);
  await setting.scrollIntoViewIfNeeded();
  await saveDocScreenshot(sam, "settings-8-12");
});

/**
 * The browser's notifications, recorded instead of shown, and a switch for
 * whether the app is in front: a test cannot put a real tab in the background.
 */
async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const record = {
      shown: [] as { title: string; body: string }[],
      asked: 0,
      hidden: false,
    };
    let permission: NotificationPermission = "default";
    class RecordedNotification {
      onclick: (() => void) | null = null;
      static get permission(): NotificationPermission {
        return permission;
      }
      static requestPermission(): Promise<NotificationPermission> {
        record.asked++;
        permission = "granted";
        return Promise.resolve(permission);
      }
      constructor(title: string, options?: NotificationOptions) {
        record.shown.push({ title, body: options?.body ?? "" });
      }
      close(): void {}
    }
    Object.defineProperty(window, "Notification", { value: RecordedNotification });
    Object.defineProperty(document, "visibilityState", {
      get: () => (record.hidden ? "hidden" : "visible"),
    });
    Object.defineProperty(window, "recordedNotifications", { value: record });
  });
}

type Recorded = { shown: { title: string; body: string }[]; asked: number; hidden: boolean };

async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => Reflect.get(window, "recordedNotifications") as Recorded);
}

test("Noor turns notifications on; a message while the app is in the background says only 'Nieuw bericht'", async ({
  browser,
}) => {
  const context = await browser.newContext();
  await recordNotifications(context);
  const noor = await context.newPage();
  await signIn(noor, "noor");
  const lotte = await personaOnPhone(browser, "lotte");

  await openSettings(noor);
  const notifications = noor.getByRole("region", { name: "Meldingen" });
  await expect(notifications.getByText(/Een melding zegt alleen: Nieuw bericht/)).toBeVisible();
  await expect(notifications.getByText(/Van verzoeken en onbekenden/)).toBeVisible();
  // The browser is asked only when she taps.
  expect((await recorded(noor)).asked).toBe(0);
  await notifications.getByRole("button", { name: "Meldingen aanzetten" }).click();
  await expect(notifications.getByRole("button", { name: "Meldingen uitzetten" })).toBeVisible();
  expect((await recorded(noor)).asked).toBe(1);
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();

  // Noor switches to another app; Lotte writes.
  await noor.evaluate(() => {
    (Reflect.get(window, "recordedNotifications") as Recorded).hidden = true;
  });
  await lotte.getByRole("button", { name: "Noor", exact: true }).first().click();
  const text = `Geheim plan voor zaterdag ${randomUUID().slice(0, 6)}`;
  await lotte.getByRole("textbox", { name: "Bericht" }).fill(text);
  await lotte.getByRole("button", { name: "Versturen" }).click();

  await expect.poll(async () => (await recorded(noor)).shown.length).toBeGreaterThan(0);
  const shown = (await recorded(noor)).shown;
  expect(shown.at(-1)).toEqual({ title: "Veilig Chatten", body: "Nieuw bericht" });
  expect(JSON.stringify(shown)).not.toContain("Lotte");
  expect(JSON.stringify(shown)).not.toContain("Geheim");
  await context.close();
});
