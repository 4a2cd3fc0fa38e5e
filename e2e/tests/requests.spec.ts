// Requests: someone who is not a contact never lands in Noor's chat list.
// Her own device asks the policy engine where each invitation goes, whatever
// the sender used: our app, or plain HTTP calls to the Matrix API.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawInviteToDirectRoom, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { containingMatrixId, personaOnPhone } from "../support/personas.ts";
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
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");

  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  const request = noor.getByRole("button", {
    name: containingMatrixId(stranger.userId),
  });
  await expect(request).toBeVisible();
  await noor.getByRole("button", { name: "Gesprekken" }).click();
  await expect(noor.getByText("Sjors")).toHaveCount(0);
  await rawLogout(stranger);
});

test("Noor reads a request, sees why it is a request, and accepts it", async ({ browser }) => {
  const stranger = await rawStranger("Sanne");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");

  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  await expect(
    noor.getByRole("button", { name: containingMatrixId(stranger.userId) }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "requests");
  await noor.getByRole("button", { name: containingMatrixId(stranger.userId) }).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
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
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(impostor, "@noor:localhost");

  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  await noor.getByRole("button", { name: containingMatrixId(impostor.userId) }).click();
  await expect(noor.getByText(impostor.userId)).toBeVisible();
  await expect(noor.locator(".notice").filter({ hasText: /lijkt op/i })).toBeVisible();
  await rawLogout(impostor);
});

test("a display name full of HTML shows as plain text", async ({ browser }) => {
  const payload = `<img src=x onerror="alert(1)"><b>Bas</b>`;
  const stranger = await rawStranger(payload);
  const noor = await personaOnPhone(browser, "noor");
  let dialogs = 0;
  noor.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  await expect(noor.getByText(payload).first()).toBeVisible();
  await expect(noor.locator("main img, main b")).toHaveCount(0);
  expect(dialogs).toBe(0);
  await rawLogout(stranger);
});

test("after Noor blocks a stranger, the request is gone and a new one from them never arrives", async ({
  browser,
}) => {
  const stranger = await rawStranger("Jeroen");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  const row = noor.getByRole("button", {
    name: containingMatrixId(stranger.userId),
  });
  await row.click();
  await noor.getByRole("button", { name: "Blokkeren", exact: true }).click();
  await expect(noor.getByRole("heading", { name: "Verzoeken" })).toBeAttached();
  await expect(row).toHaveCount(0);

  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  // Give the new invitation time to arrive if it were going to.
  await noor.waitForTimeout(3_000);
  await expect(row).toHaveCount(0);
  await rawLogout(stranger);
});
