// The reminder after accepting: when Noor accepts a request from someone she
// does not know, a calm reminder stays at the top of the conversation for as
// long as the policy engine's conversation-notice decision says, with help one
// tap away. The request itself fits on one phone screen: notice, help, choices.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { rawInviteToDirectRoom, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { rawStranger } from "../support/strangers.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";

test("after Noor accepts a stranger's request, a calm reminder with help stays in the conversation", async ({
  browser,
}) => {
  const stranger = await rawStranger("Ruben");
  await declinePendingRequests("noor");
  const noor = await personaOnPhone(browser, "noor");
  await rawInviteToDirectRoom(stranger, "@noor:localhost");

  await (await strangerRequestRow(noor, stranger.userId, "Ruben")).click();
  await expect(noor.getByRole("heading", { name: "Verzoek" })).toBeVisible();
  await expect(noor.locator(".request-from")).toContainText(stranger.userId);
  // On a phone, the notice, the Kindertelefoon inside it and the choices fit one screen.
  await expect(noor.locator(".notice").first()).toBeInViewport();
  await expect(noor.getByRole("link", { name: /Kindertelefoon.*0800-0432/ })).toBeInViewport();
  const accept = noor.getByRole("button", { name: "Accepteren" });
  await expect(accept).toBeInViewport();
  // Her engine asks her to read first: saying no is the filled button, accepting an ordinary one.
  await expect(noor.getByRole("button", { name: "Nee, weg ermee" })).toHaveClass(/primary/);
  await expect(accept).not.toHaveClass(/primary/);

  await accept.click();
  await expect(noor.getByRole("heading", { name: "Ruben" })).toBeVisible();
  const reminder = noor.getByRole("note", { name: "Herinnering" });
  await expect(reminder).toContainText("Je kent deze persoon nog maar kort.");
  // Compact under the header, so the newest message stays in sight: "Lees meer" opens the rest.
  await expect(noor.getByRole("heading", { name: "Ruben" })).toBeInViewport();
  await expect(noor.getByRole("textbox", { name: "Bericht" })).toBeInViewport();
  // Nothing to close: the engine decides when the reminder goes.
  await expect(reminder.getByRole("button", { name: /sluit|weg/i })).toHaveCount(0);
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "conversation-reminder");
  await reminder.getByRole("button", { name: "Lees meer" }).click();
  await expect(reminder.getByRole("link", { name: /0800-0432/ })).toHaveAttribute(
    "href",
    "tel:08000432",
  );
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);

  // "Meer" opens the full card in place, and then says "Minder"; "Waarom zie ik dit?" explains the reminder.
  await reminder.getByRole("button", { name: "Meer over De Kindertelefoon" }).click();
  await expect(reminder.getByText(/Praat over alles wat je dwarszit/)).toBeVisible();
  const less = reminder.getByRole("button", { name: "Minder over De Kindertelefoon" });
  await expect(less).toHaveText("Minder");
  await less.click();
  await expect(reminder.getByText(/Praat over alles wat je dwarszit/)).toHaveCount(0);
  await expect(reminder.getByRole("button", { name: "Meer over De Kindertelefoon" })).toHaveText(
    "Meer",
  );
  await reminder.getByText("Waarom zie ik dit?").click();
  await expect(reminder.getByText(/Je hebt dit verzoek pas geaccepteerd/)).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);

  // The reminder is remembered with the account, not the screen: it is back after a reload.
  await noor.reload();
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await noor.getByRole("button", { name: /Ruben/ }).first().click();
  await expect(noor.getByRole("note", { name: "Herinnering" })).toBeVisible();
  await rawLogout(stranger);
});
