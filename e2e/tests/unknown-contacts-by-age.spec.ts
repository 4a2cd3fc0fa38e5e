// Measure 4 per age: the same stranger's contact reads differently on
// Sam's device (11, verified 8-12) than on Noor's (14): for Sam the pack
// holds it aside with the message hidden and no accept button, in simpler
// words. A stranger who calls themselves "Kindertelefoon" is flagged as
// possibly pretending to be a help service. Lotte, Noor's contact, gets no
// warning at all.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawInviteToDirectRoom, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { homeserver, rawStranger } from "../support/strangers.ts";

test("for Sam (8-12) a stranger's request is held aside, hidden, with no accept and Kindertelefoon", async ({
  browser,
}) => {
  const stranger = await rawStranger("Tim");
  await declinePendingRequests("sam");
  const sam = await personaOnPhone(browser, "sam");
  await rawInviteToDirectRoom(stranger, "@sam:localhost");

  const row = await strangerRequestRow(sam, stranger.userId, "Tim");
  await expect(row).toContainText("Apart gezet");
  await row.click();

  await expect(sam.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  // Held aside for an 8-12: even opened, the stranger's name and Matrix ID stay hidden.
  await expect(sam.locator(".request-from")).toContainText("Iemand die je niet kent");
  await expect(sam.getByRole("main")).not.toContainText("Tim");
  await expect(sam.getByRole("main")).not.toContainText(stranger.userId);
  // The engine's strict cell for 8-12: no accept, message hidden, the child's copy and help.
  await expect(sam.getByRole("button", { name: "Accepteren" })).toHaveCount(0);
  await expect(sam.getByRole("button", { name: "Blokkeren", exact: true })).toBeVisible();
  await expect(sam.getByRole("link", { name: /0800-0432/ })).toHaveAttribute(
    "href",
    "tel:08000432",
  );
  const notice = sam.locator(".notice").first();
  await expect(notice).toBeVisible();
  expect((await new AxeBuilder({ page: sam }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(sam, "request-filtered-8-12");

  // The same contact to Noor (13-15) is a request she may accept after reading.
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");
  await (await strangerRequestRow(noor, stranger.userId, "Tim")).click();
  await expect(noor.getByRole("button", { name: "Accepteren" })).toBeVisible();
  // Noor (14) may read who it is once she opens it: the name and the real Matrix ID.
  await expect(noor.locator(".request-from")).toContainText("Tim");
  await expect(noor.locator(".request-from")).toContainText(stranger.userId);
  const noorNotice = await noor.locator(".notice").first().innerText();
  expect(noorNotice).not.toEqual(await notice.innerText());
  await rawLogout(stranger);
});

test("a stranger named like the Kindertelefoon gets the impersonation notice", async ({
  browser,
}) => {
  const impostor = await rawStranger("Kindertelefoon");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(impostor, "@noor:localhost");

  // In the list the name does not show at all, so it cannot pass for the service there.
  await (await strangerRequestRow(noor, impostor.userId, "Kindertelefoon")).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  await expect(noor.getByText(/Deze naam lijkt op een hulpdienst/)).toBeVisible();
  // The real Matrix ID is shown, so the name alone cannot pass as the real service.
  await expect(noor.getByText(impostor.userId).first()).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "request-impersonation");
  await rawLogout(impostor);
});

test("Lotte, Noor's contact, writes to her: a normal chat, no warning", async ({ browser }) => {
  await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
  const noor = await personaOnPhone(browser, "noor");
  await noor.getByRole("button", { name: /Lotte/ }).first().click();
  await expect(noor.getByRole("heading", { name: "Lotte" })).toBeVisible();
  await expect(noor.locator(".notice")).toHaveCount(0);
  await expect(noor.locator(".reminder")).toHaveCount(0);
});
