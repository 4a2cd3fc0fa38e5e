// A conversation feels like the chat apps young people know, on a phone
// (375×667): the header with who it is and the app's Help never scroll away;
// the newest message is always fully in sight above the composer; days have
// a date line and messages by the same person run together; the composer
// grows with what is typed; scrolled up, a button says how many new messages
// came and jumps back. While the top of a chat is in sight (scrolled to, or
// a chat shorter than the screen), older messages load by themselves, a few
// pages at a time (the button stays, for the keyboard and for more). A new chat starts at
// "Begin van het gesprek" (no "load older" where there is nothing older). Blocking says so in the chat,
// with unblock; a chat nobody else is in any more says only that.
// Two fresh friends: Mila on her phone, Jesse on his own device (the
// client's Matrix layer in Node, real Megolm).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "../support/test.ts";
import type { ChatSession } from "@safety-by-design/client/actors";
import { ensureDirectChat, signedInSession, until } from "../../tools/lib/conversations.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { signIn } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { homeserver } from "../support/strangers.ts";

const sessions: ChatSession[] = [];

test.afterAll(async () => {
  for (const session of sessions) await session.signOut().catch(() => undefined);
});

type Login = { readonly username: string; readonly password: string };

/** Two new accounts, Mila and Jesse, and the chat between them. */
async function freshAccounts(): Promise<{ milaLogin: Login; jesseLogin: Login; roomId: string }> {
  const suffix = randomBytes(4).toString("hex");
  const milaLogin = { username: `mila-${suffix}`, password: randomBytes(12).toString("hex") };
  const jesseLogin = { username: `jesse-${suffix}`, password: randomBytes(12).toString("hex") };
  await ensureAccount(homeserver, { ...milaLogin, displayName: "Mila" });
  await ensureAccount(homeserver, { ...jesseLogin, displayName: "Jesse" });
  const roomId = await ensureDirectChat(homeserver, milaLogin, jesseLogin);
  return { milaLogin, jesseLogin, roomId };
}

/** Two friends with a chat: Mila signed in on a phone (or a computer), Jesse's device in Node. */
async function friends(
  browser: Browser,
  device: { readonly hasTouch: boolean } = { hasTouch: true },
): Promise<{ mila: Page; jesse: ChatSession; roomId: string }> {
  const { milaLogin, jesseLogin, roomId } = await freshAccounts();
  const context = await browser.newContext({ hasTouch: device.hasTouch });
  const mila = await context.newPage();
  await signIn(mila, milaLogin.username, milaLogin.password);
  const jesse = await signedInSession(homeserver, jesseLogin);
  sessions.push(jesse);
  return { mila, jesse, roomId };
}

/**
 * Jesse writes `count` messages to Mila before her new phone signs in: its
 * first sync brings the newest 10, which this new device cannot read.
 */
async function newPhoneAfterHistory(browser: Browser, count: number): Promise<Page> {
  const { milaLogin, jesseLogin, roomId } = await freshAccounts();
  const jesse = await signedInSession(homeserver, jesseLogin);
  sessions.push(jesse);
  await sendFromJesse(
    jesse,
    roomId,
    Array.from({ length: count }, (_, i) => `Oud bericht ${String(i + 1)}`),
  );
  const mila = await (await browser.newContext({ hasTouch: true })).newPage();
  await signIn(mila, milaLogin.username, milaLogin.password);
  return mila;
}

async function noAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

/** Jesse's device knows Mila's phone before it encrypts for her. */
async function sendFromJesse(jesse: ChatSession, roomId: string, texts: readonly string[]) {
  for (const text of texts) await jesse.sendText(roomId, text);
}

test("a chat reads like a chat app: the header stays, the newest message is in sight, days and runs, a growing composer, back to the newest", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { mila, jesse, roomId } = await friends(browser);
  await mila.getByRole("button", { name: /Jesse/ }).first().click();
  await expect(mila.getByRole("heading", { name: "Jesse" })).toBeVisible();
  const texts = Array.from({ length: 14 }, (_, i) => `Bericht ${String(i + 1)} van Jesse`);
  await sendFromJesse(jesse, roomId, texts);

  // Opened, the chat is at its newest message, whole, above the composer.
  const newest = mila.locator(".message").filter({ hasText: "Bericht 14 van Jesse" });
  await expect(newest).toBeInViewport({ ratio: 1 });
  await expect(mila.getByRole("heading", { name: "Jesse" })).toBeInViewport();
  await expect(mila.getByRole("button", { name: "Hulp", exact: true })).toBeInViewport();
  // A date line for today; Jesse's messages a minute apart run together, with no name
  // above each (it is a chat with one person: the header says who).
  await expect(mila.locator(".day-separator").last()).toHaveText("Vandaag");
  await expect(mila.locator(".message").filter({ hasText: "Bericht 2 van Jesse" })).toHaveClass(
    /continues/,
  );
  await expect(mila.locator(".message-sender")).toHaveCount(0);

  // The composer grows with more lines; what she sends shows whole, the header still there.
  const composer = mila.getByRole("textbox", { name: "Bericht" });
  const oneLine = (await composer.boundingBox())?.height ?? 0;
  await composer.fill("Hoi Jesse!\nZin in de film?\nOm acht uur");
  expect((await composer.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 1.8);
  await mila.getByRole("button", { name: "Versturen" }).click();
  const mine = mila.locator(".message.mine").filter({ hasText: "Om acht uur" });
  await expect(mine).toBeInViewport({ ratio: 1 });
  await expect(mine.locator(".message-body")).toHaveText(
    "Hoi Jesse!\nZin in de film?\nOm acht uur",
  );
  await expect(composer).toHaveValue("");
  expect((await composer.boundingBox())?.height ?? 0).toBeLessThan(oneLine * 1.2);
  await expect(mila.getByRole("heading", { name: "Jesse" })).toBeInViewport();
  await noAxeViolations(mila);
  await saveDocScreenshot(mila, "conversation-runs");

  // Scrolled up to read, she stays there when Jesse writes; a button says how many came.
  await mila.locator(".conversation-scroll").evaluate((element) => {
    element.scrollTop = 0;
  });
  await sendFromJesse(jesse, roomId, ["Ja leuk!", "Ik neem popcorn mee"]);
  const jump = mila.getByRole("button", { name: /2 nieuwe berichten/ });
  await expect(jump).toBeVisible();
  await expect(jump).toContainText("2 nieuwe berichten");
  await expect(
    mila.locator(".message").filter({ hasText: "Ik neem popcorn mee" }),
  ).not.toBeInViewport();
  await expect(mila.getByRole("heading", { name: "Jesse" })).toBeInViewport();
  await noAxeViolations(mila);
  await saveDocScreenshot(mila, "conversation-new-messages");
  await jump.click();
  await expect(mila.locator(".message").filter({ hasText: "Ik neem popcorn mee" })).toBeInViewport({
    ratio: 1,
  });
  await expect(mila.getByRole("button", { name: /nieuwste bericht|nieuwe berichten/ })).toHaveCount(
    0,
  );
});

test("on a computer Enter sends and Shift+Enter starts a new line; on a phone Enter is a new line", async ({
  browser,
}) => {
  const { mila, jesse, roomId } = await friends(browser, { hasTouch: false });
  await mila.getByRole("button", { name: /Jesse/ }).first().click();
  const composer = mila.getByRole("textbox", { name: "Bericht" });
  await composer.pressSequentially("eerste regel");
  await composer.press("Shift+Enter");
  await composer.pressSequentially("tweede regel");
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
  await until(
    () =>
      jesse
        .conversation(roomId)
        ?.messages.find((message) => message.body === "eerste regel\ntweede regel"),
    "the two-line message on Jesse's device",
  );

  // On a phone the keyboard's Enter is a new line; the send button sends.
  const phone = (await friends(browser)).mila;
  await phone.getByRole("button", { name: /Jesse/ }).first().click();
  const phoneComposer = phone.getByRole("textbox", { name: "Bericht" });
  await phoneComposer.pressSequentially("hoi");
  await phoneComposer.press("Enter");
  await expect(phoneComposer).toHaveValue("hoi\n");
  await expect(phone.locator(".message.mine")).toHaveCount(0);
});

test("a long chat offers older messages, and says where it begins once they are all there", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Jesse writes more than a first sync brings (10 events) before Mila's phone signs in.
  const mila = await newPhoneAfterHistory(browser, 40);
  await mila.getByRole("button", { name: /Jesse/ }).first().click();

  const older = mila.getByRole("button", { name: "Oudere berichten laden" });
  await expect(older).toBeVisible();
  await expect(mila.getByText("Begin van het gesprek")).toHaveCount(0);
  // Loading on until the start: then the button goes and the start is marked.
  // Once the button is on screen, pages also load by themselves (the next
  // test): a tap may find it busy or gone, and that is fine.
  const start = mila.getByText("Begin van het gesprek");
  await expect
    .poll(
      async () => {
        if (!(await start.isVisible())) {
          await older.click({ timeout: 2_000 }).catch(() => undefined);
        }
        return start.isVisible();
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  await expect(older).toHaveCount(0);
});

test("older messages load by themselves while the top of a chat is in sight, a few pages at a time", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // The 10 messages of the first sync are one row ("... kun je hier niet
  // lezen"), so the chat is shorter than the screen and its top in sight.
  const mila = await newPhoneAfterHistory(browser, 120);
  await mila.getByRole("button", { name: /Jesse/ }).first().click();

  // Without a tap: three more pages of 30 load, one after the other, then it
  // waits (a screenful, not a whole history); the button is there for more.
  const unreadable = (count: number) =>
    mila.getByText(new RegExp(`^${String(count)} berichten kun je hier niet lezen`));
  await expect(unreadable(100)).toBeVisible({ timeout: 60_000 });
  const older = mila.getByRole("button", { name: "Oudere berichten laden", exact: true });
  await expect(older).toBeVisible();
  await expect(mila.getByText("Begin van het gesprek")).toHaveCount(0);
  await older.click();
  await expect(unreadable(120)).toBeVisible({ timeout: 30_000 });
  await expect(mila.getByText("Begin van het gesprek")).toBeVisible();
});

test("blocking in a chat says so, with unblock instead of the composer; a chat nobody else is in says only that", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { mila, jesse, roomId } = await friends(browser);
  await sendFromJesse(jesse, roomId, ["Hoi Mila!"]);
  await mila.getByRole("button", { name: /Jesse/ }).first().click();
  await expect(mila.getByText("Hoi Mila!")).toBeVisible();
  // A new chat: its whole history is here, so no "load older", and its start is marked.
  await expect(mila.getByText("Begin van het gesprek")).toBeVisible();
  await expect(mila.getByRole("button", { name: "Oudere berichten laden" })).toHaveCount(0);

  // The menu in the header: block.
  await mila.getByRole("button", { name: "Opties voor dit gesprek" }).click();
  await mila.getByRole("button", { name: "Jesse blokkeren" }).click();
  await expect(mila.getByText("Je hebt Jesse geblokkeerd.")).toBeVisible();
  await expect(mila.getByRole("textbox", { name: "Bericht" })).toHaveCount(0);
  await expect(mila.getByRole("button", { name: "Deblokkeren", exact: true })).toBeVisible();
  await expect(mila.getByRole("button", { name: "Melden", exact: true })).toBeVisible();
  await noAxeViolations(mila);
  await saveDocScreenshot(mila, "conversation-blocked");
  await mila.getByRole("button", { name: "Opties voor dit gesprek" }).click();
  await expect(mila.getByRole("button", { name: "Jesse deblokkeren" })).toBeVisible();
  await mila.keyboard.press("Escape");
  await expect(mila.getByRole("button", { name: "Jesse deblokkeren" })).toBeHidden();
  // The chat list marks it too.
  await mila.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await expect(mila.getByRole("button", { name: /Jesse/ }).first()).toContainText("Geblokkeerd");
  await mila.getByRole("button", { name: /Jesse/ }).first().click();

  // Unblocked, the composer is back.
  await mila.getByRole("button", { name: "Deblokkeren", exact: true }).click();
  await expect(mila.getByRole("textbox", { name: "Bericht" })).toBeVisible();
  await expect(mila.getByText("Je hebt Jesse geblokkeerd.")).toHaveCount(0);

  // Jesse leaves: the chat says nobody else is in it, and names no one.
  await jesse.leave(roomId);
  await expect(mila.getByText("Niemand anders meer in dit gesprek.")).toBeVisible();
  await expect(mila.getByRole("heading", { name: "Gesprek", exact: true })).toBeVisible();
  await expect(mila.getByRole("textbox", { name: "Bericht" })).toHaveCount(0);
  await expect(mila.getByRole("main")).not.toContainText(/Empty room|Leeg gesprek/);
  await noAxeViolations(mila);
  await saveDocScreenshot(mila, "conversation-alone");
  // The chat list says the same, and names no one.
  await mila.getByRole("button", { name: "Terug naar gesprekken" }).click();
  const row = mila.getByRole("button", { name: "Gesprek", exact: true });
  await expect(row).toContainText("Niemand anders meer in dit gesprek.");
  await expect(row).not.toContainText("Jesse");
});
