// Reporting: Noor reports a message from Alex. The sheet shows what will be
// shared before anything is sent; one tap on "Melden" files it, and she sees
// it go from the queue to delivered. The moderator, not the server, can read
// it: on their own device they see exactly the evidence Noor saw.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { personaOnPhone } from "../support/personas.ts";
import { newestReportId } from "../support/reports.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { moderatorWithKey, noorChatsWithAlex, openReportRow } from "../support/moderators.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

test.beforeAll(async () => {
  await noorChatsWithAlex();
});

test("Noor reports a message from Alex in one tap and sees it delivered", async ({ browser }) => {
  const noor = await personaOnPhone(browser, "noor");
  const alex = await personaOnPhone(browser, "alex");
  await noor.getByRole("button", { name: /Alex/ }).first().click();
  await alex.getByRole("button", { name: /Noor/ }).first().click();

  const before = `Hoi, hoe oud ben je? ${randomUUID().slice(0, 8)}`;
  const reported = `Stuur eens een foto van jezelf. ${randomUUID().slice(0, 8)}`;
  for (const text of [before, reported]) {
    await alex.getByRole("textbox", { name: "Bericht" }).fill(text);
    await alex.getByRole("button", { name: "Versturen" }).click();
    await expect(noor.getByText(text)).toBeVisible();
  }

  const message = noor.getByRole("listitem").filter({ hasText: reported });
  await message.getByRole("button", { name: /^Bericht van .* melden$/ }).click();

  // Before sending: the sheet shows the reported message and the one before it.
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText(reported)).toBeVisible();
  await expect(sheet.getByText(before)).toBeVisible();
  await expect(sheet.getByLabel(/ervoor mee/)).toBeChecked();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "report-sheet");

  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Hulp zoeken" })).toBeVisible();
  await expect(sheet.getByRole("button", { name: /blokkeren$/ })).toBeVisible();
  await saveDocScreenshot(noor, "report-delivered");

  // Who gets the report and why: the engine's rules, in words for a 14-year-old.
  const why = sheet.locator("details.why");
  await why.getByText("Waarom zie ik dit?").click();
  await expect(
    why.getByText(/Elke melding gaat naar het team dat meldingen bekijkt/),
  ).toBeVisible();
  await expect(why.getByText(/Na een melding kun je meer doen/)).toBeVisible();

  await sheet.getByRole("button", { name: "Sluiten" }).click();
  await expect(sheet).toBeHidden();
  const reportId = await newestReportId(noor, `@noor:${homeserver.serverName}`);

  // The moderator opens it on their own device and sees exactly what Noor saw.
  const moderator = await moderatorWithKey(browser);
  // The queue is sorted by deadline: Noor's report is found by the ID her device gave it.
  await openReportRow(moderator, reportId).click();
  await expect(moderator.getByText(reported)).toBeVisible();
  await expect(moderator.getByText(before)).toBeVisible();
  await expect(moderator.getByText(/Handtekening geldig/).first()).toBeVisible();
});

test("Noor says what happened in her own words, and the moderator reads the same kind of report", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  const alex = await personaOnPhone(browser, "alex");
  await noor.getByRole("button", { name: /Alex/ }).first().click();
  await alex.getByRole("button", { name: /Noor/ }).first().click();

  const threat = `Stuur nog een foto, anders krijgt iedereen deze te zien. ${randomUUID().slice(0, 8)}`;
  await alex.getByRole("textbox", { name: "Bericht" }).fill(threat);
  await alex.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText(threat)).toBeVisible();

  const message = noor.getByRole("listitem").filter({ hasText: threat });
  await message.getByRole("button", { name: /^Bericht van .* melden$/ }).click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });

  // "Tell us more" lists the kinds of report the policy offers Noor, in words she knows.
  await sheet.getByRole("button", { name: "Meer vertellen (hoeft niet)" }).click();
  const kinds = sheet.getByRole("group", { name: "Soort melding" });
  await expect(kinds.getByRole("radio", { name: "Vraagt om foto's of filmpjes" })).toBeVisible();
  await expect(kinds.getByRole("radio", { name: "Pesten of lastigvallen" })).toBeVisible();
  const sextortion = kinds.getByRole("radio", { name: "Dreigt foto's of filmpjes te delen" });
  await sextortion.check();
  await expect(sextortion).toBeChecked();
  await expect(sheet.locator("p").filter({ hasText: "Soort melding:" })).toContainText(
    "Dreigt foto's of filmpjes te delen",
  );
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  // The list's heading in the middle of the phone screen: the heading and her choice both show.
  await kinds.locator("legend").evaluate((legend) => {
    legend.scrollIntoView({ block: "center" });
  });
  await saveDocScreenshot(noor, "report-categories");

  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible();
  // The engine routed her own choice: Helpwanted and the police are advised.
  const advice = sheet.getByRole("region", { name: "Je kunt dit ook melden bij:" });
  await expect(advice.getByRole("heading", { name: "Helpwanted" })).toBeVisible();
  await expect(advice.getByRole("heading", { name: "Politie" })).toBeVisible();
  await sheet.getByRole("button", { name: "Sluiten" }).click();
  const reportId = await newestReportId(noor, `@noor:${homeserver.serverName}`);

  // The moderator reads the same category the sheet offered, and the same routing.
  const moderator = await moderatorWithKey(browser);
  const newest = openReportRow(moderator, reportId);
  await expect(newest).toContainText("Sextortion (afpersing met beelden)");
  await newest.click();
  await expect(moderator.getByText(threat)).toBeVisible();
  const routing = moderator.getByRole("region", { name: "Doorverwijzing (Nederland)" });
  const chatAdvice = routing.locator(".advice").first();
  await expect(chatAdvice.getByRole("heading", { name: "Helpwanted" })).toBeVisible();
  await expect(chatAdvice.getByRole("heading", { name: "Politie" })).toBeVisible();
});
