// Requests: someone who is not a contact never lands in Noor's chat list.
// Her own device asks the policy engine where each invitation goes, whatever
// the sender used: our app, or plain HTTP calls to the Matrix API. A name is
// content too: the list says "Iemand die je niet kent" with a shape tag, and
// Noor (14) reads the stranger's name and Matrix ID only when she opens it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawInviteToDirectRoom, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { homeserver, rawStranger } from "../support/strangers.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";

test.beforeAll(async () => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
});

test("an invitation sent with plain HTTP calls lands in Requests, never in Chats", async ({
  browser,
}) => {
  const stranger = await rawStranger("Sjors");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");

  await strangerRequestRow(noor, stranger.userId, "Sjors");
  await expect(noor.getByRole("button", { name: "Verzoeken (1)" })).toBeVisible();
  await noor.getByRole("button", { name: "Gesprekken" }).click();
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await expect(noor.getByText("Sjors")).toHaveCount(0);
  await expect(noor.getByText(stranger.userId)).toHaveCount(0);
  await rawLogout(stranger);
});

test("Noor reads a request, sees why it is a request, and accepts it", async ({ browser }) => {
  const stranger = await rawStranger("Sanne");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");

  const row = await strangerRequestRow(noor, stranger.userId, "Sanne");
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "requests");
  await row.click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  // Opened, the request says who is asking: her name and the real Matrix ID.
  const from = noor.locator(".request-from");
  await expect(from).toContainText("Sanne");
  await expect(from).toContainText(stranger.userId);
  await expect(noor.locator(".notice").first()).toBeVisible();
  // Help sits inside the warning itself: the Kindertelefoon, one tap to call.
  await expect(noor.getByRole("link", { name: /0800-0432/ })).toHaveAttribute(
    "href",
    "tel:08000432",
  );
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "request");

  // Help from inside the request: bundled, so opening it fetches nothing (only the
  // Matrix sync that was already running talks to the homeserver), and back again.
  const fetched: string[] = [];
  const record = (request: { url(): string }): void => {
    if (!request.url().startsWith(homeserver.url)) fetched.push(request.url());
  };
  noor.on("request", record);
  await noor.getByRole("button", { name: "Hulp" }).click();
  const help = noor.getByRole("dialog", { name: "Hulp" });
  await expect(help.getByRole("heading", { name: "De Kindertelefoon" })).toBeVisible();
  await help.getByRole("button", { name: "Sluiten" }).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  noor.off("request", record);
  expect(fetched).toEqual([]);

  // "Why am I seeing this?" explains the rules that decided, in plain words.
  await noor.getByText("Waarom zie ik dit?").click();
  await expect(noor.getByText(/Daarom komt het bericht eerst bij Verzoeken/)).toBeVisible();
  await expect(noor.getByText(/Veiligheidsregels: nl-default/)).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await noor.getByText("Waarom zie ik dit?").scrollIntoViewIfNeeded();
  await saveDocScreenshot(noor, "why");

  await noor.getByRole("button", { name: "Accepteren" }).click();
  await expect(noor.getByRole("heading", { name: "Sanne" })).toBeVisible();
  await rawLogout(stranger);
});

test("a stranger named like Noor's friend Lotte is flagged, with the real Matrix ID shown", async ({
  browser,
}) => {
  const impostor = await rawStranger("L0tte");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(impostor, "@noor:localhost");

  // In the list the look-alike name does not show at all; opened, it shows with the real ID.
  await (await strangerRequestRow(noor, impostor.userId, "L0tte")).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  await expect(noor.locator(".request-from")).toContainText("L0tte");
  await expect(noor.getByText(impostor.userId).first()).toBeVisible();
  await expect(noor.locator(".notice").filter({ hasText: /lijkt op/i })).toBeVisible();
  await rawLogout(impostor);
});

test("a display name full of HTML shows as plain text", async ({ browser }) => {
  const payload = `<img src=x onerror="alert(1)"><b>Bas</b>`;
  const stranger = await rawStranger(payload);
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  let dialogs = 0;
  noor.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  // The list does not show the name; where Noor reads it (the opened request), it is text.
  await (await strangerRequestRow(noor, stranger.userId, payload)).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  await expect(noor.getByText(payload).first()).toBeVisible();
  await expect(noor.locator("main img, main b")).toHaveCount(0);
  expect(dialogs).toBe(0);
  await rawLogout(stranger);
});

test("after Noor blocks a stranger, the request is gone and a new one from them never arrives", async ({
  browser,
}) => {
  const stranger = await rawStranger("Jeroen");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  const row = await strangerRequestRow(noor, stranger.userId, "Jeroen");
  await row.click();
  await expect(noor.locator(".request-from")).toContainText(stranger.userId);
  await noor.getByRole("button", { name: "Blokkeren", exact: true }).click();
  await expect(noor.getByRole("heading", { name: "Verzoeken" })).toBeAttached();
  await expect(row).toHaveCount(0);
  await expect(noor.getByText("Je hebt geen verzoeken.")).toBeVisible();

  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  // Give the new invitation time to arrive if it were going to.
  await noor.waitForTimeout(3_000);
  await expect(row).toHaveCount(0);
  await expect(noor.getByRole("button", { name: /^Verzoeken \(/ })).toHaveCount(0);
  await rawLogout(stranger);
});
