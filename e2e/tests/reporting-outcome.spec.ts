// The outcome comes back (issue 18, acceptance 3). Noor (14) reports a
// message and leaves her name out, as the law allows for this kind of report.
// After "Verstuurd" she can open Mijn meldingen: her report is there, sent,
// and it says the outcome will show there. The moderator, who cannot see who
// reported, decides: forwarded to the police. A tap sends nothing yet: the
// moderator first reads the exact words Noor will read and confirms (or
// chooses again). The outcome goes back sealed to the key Noor's report
// carried, through the intake. When Noor opens the app again, the settings
// button on her chat list says one new answer, and so does Settings; Mijn
// meldingen says, in words, that her report went to the police, and then the
// count is gone. Nothing on the moderator's page names her.
import { randomBytes, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { signedInSession } from "../../tools/lib/conversations.ts";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { newestReportId } from "../support/reports.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import {
  expectNoAxeViolations,
  moderatorWithKey,
  noorChatsWithAlex,
  openReportRow,
} from "../support/moderators.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);
const NOOR = `@noor:${homeserver.serverName}`;

test.beforeAll(async () => {
  await noorChatsWithAlex();
});

test("Noor reports without her name, the moderator forwards it to the police, and Noor reads that in Mijn meldingen", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  const alex = await personaOnPhone(browser, "alex");
  await noor.getByRole("button", { name: /Alex/ }).first().click();
  await alex.getByRole("button", { name: /Noor/ }).first().click();
  const reported = `Stuur me een foto van je, nu. ${randomUUID().slice(0, 8)}`;
  await alex.getByRole("textbox", { name: "Bericht" }).fill(reported);
  await alex.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText(reported)).toBeVisible();

  // Noor reports it; her name stays out (the default for this kind of report).
  const message = noor.getByRole("listitem").filter({ hasText: reported });
  await message.getByRole("button", { name: /^Bericht van .* melden$/ }).click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await sheet.getByRole("button", { name: "Meer vertellen (hoeft niet)" }).click();
  await sheet
    .getByRole("group", { name: "Soort melding" })
    .getByRole("radio", { name: "Stuurt seksuele tekst of foto's naar een kind" })
    .check();
  await expect(sheet.getByRole("checkbox", { name: /naam/i })).not.toBeChecked();
  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible();
  await expect(sheet.getByText("In Mijn meldingen zie je wat ermee gebeurt.")).toBeVisible();
  const reportId = await newestReportId(noor, NOOR);

  // From "Verstuurd" to Mijn meldingen: the report is there, sent, the outcome still to come.
  await sheet.getByRole("button", { name: "Mijn meldingen" }).click();
  const list = noor.getByRole("region", { name: "Mijn meldingen" });
  const row = list.getByTestId("my-report").first();
  await expect(row).toContainText("Stuurt seksuele tekst of foto's naar een kind");
  await expect(row).toContainText("Alex");
  await expect(row).toContainText(
    "Verstuurd. Het team kijkt ernaar. Wat ze besluiten, zie je hier.",
  );
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "my-reports-sent");

  // The moderator decides: forwarded to the police, a body the engine advised.
  const moderator = await moderatorWithKey(browser);
  await openReportRow(moderator, reportId).click();
  const outcome = moderator.getByRole("region", { name: "Uitkomst voor de melder" });
  await expect(
    outcome.getByRole("button", { name: "Geen actie: geen regel overtreden" }),
  ).toBeVisible();
  await outcome.scrollIntoViewIfNeeded();
  await saveDocScreenshot(moderator, "moderation-outcome-choices");
  // A tap by mistake sends nothing: the confirmation takes focus, "Andere keuze" goes back.
  await outcome.getByRole("button", { name: "Geen actie: geen regel overtreden" }).click();
  const confirm = outcome.getByRole("group", { name: "Klopt deze uitkomst?" });
  await expect(confirm.getByRole("heading", { name: "Klopt deze uitkomst?" })).toBeFocused();
  await confirm.getByRole("button", { name: "Andere keuze" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(outcome.getByRole("button", { name: "Afgehandeld", exact: true })).toBeFocused();
  // The moderator reads exactly what Noor will read (her band was withheld: the teens' words).
  await outcome.getByRole("button", { name: "Doorgestuurd naar Politie" }).click();
  await expect(confirm).toContainText("Je koos: Doorgestuurd naar Politie");
  await expect(confirm.getByTestId("outcome-reporter-words")).toHaveText(
    "Doorgestuurd naar Politie. Die kunnen er meer mee doen.",
  );
  await expectNoAxeViolations(moderator);
  await confirm.scrollIntoViewIfNeeded();
  await saveDocScreenshot(moderator, "moderation-outcome-confirm");
  await confirm.getByRole("button", { name: "Versturen naar de melder" }).click();
  await expect(outcome.getByText("Uitkomst verstuurd naar de melder")).toBeVisible();
  await expect(outcome.getByText("Gekozen uitkomst: Doorgestuurd naar Politie")).toBeVisible();
  expect(await moderator.content()).not.toContain(NOOR);
  await expectNoAxeViolations(moderator);
  await outcome.scrollIntoViewIfNeeded();
  await saveDocScreenshot(moderator, "moderation-outcome");

  // Noor opens the app again: the outcome was fetched at start; the settings button says so.
  await noor.reload();
  const settings = noor.getByRole("button", { name: "Instellingen, 1 nieuw antwoord" });
  await expect(settings).toBeVisible();
  await expect(settings.getByTestId("settings-new-outcomes")).toHaveText("1");
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "chat-list-new-outcome");
  await settings.click();
  const entry = noor.getByRole("button", { name: /Mijn meldingen/ });
  await expect(entry).toContainText("1 nieuw antwoord");
  await expectNoAxeViolations(noor);
  await entry.click();
  const answered = noor.getByRole("region", { name: "Mijn meldingen" }).getByTestId("my-report");
  await expect(answered.first()).toContainText(
    "Doorgestuurd naar Politie. Die kunnen er meer mee doen.",
  );
  await expect(answered.first()).toContainText("Nieuw");
  await expectNoAxeViolations(noor);
  await saveDocScreenshot(noor, "my-reports-outcome");

  // Seen: back in Settings the count is gone, and on the chat list too.
  await noor.getByRole("button", { name: "Terug" }).click();
  await expect(noor.getByRole("button", { name: /Mijn meldingen/ })).not.toContainText("nieuw");
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await expect(noor.getByRole("button", { name: "Instellingen", exact: true })).toBeVisible();
  await expect(noor.getByTestId("settings-new-outcomes")).toHaveCount(0);
});

test("Sam (11) reads a 'no action' in his own words, and it does not blame him", async ({
  browser,
}) => {
  await declinePendingRequests("sam");
  const sam = await personaOnPhone(browser, "sam");
  const login = { username: `gamer-${randomBytes(4).toString("hex")}`, password: randomUUID() };
  await ensureAccount(homeserver, { ...login, displayName: "Gamer Tom" });
  const stranger = await signedInSession(homeserver, login);
  const roomId = await stranger.createEncryptedDirectChat(`@sam:${homeserver.serverName}`);
  await stranger.sendText(roomId, `Stuur eens een foto van jezelf. ${randomUUID().slice(0, 8)}`);

  const row = await strangerRequestRow(sam, stranger.userId, "Gamer Tom");
  await row.click();
  await sam.getByRole("button", { name: "Melden", exact: true }).click();
  const sheet = sam.getByRole("dialog", { name: "Iemand melden" });
  await sheet
    .getByRole("group", { name: "Wat is er aan de hand?" })
    .getByRole("radio", { name: "Iemand vraagt om foto's van mij" })
    .check();
  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible();
  const reportId = await newestReportId(sam, `@sam:${homeserver.serverName}`);
  await sheet.getByRole("button", { name: "Mijn meldingen" }).click();
  const mine = sam.getByRole("region", { name: "Mijn meldingen" });
  await expect(mine).toContainText("Hier zie je wat je hebt gemeld. En wat het team ermee doet.");
  await expect(mine.getByTestId("my-report").first()).toContainText(
    "Verstuurd. Het team kijkt ernaar. Wat ze doen, zie je hier.",
  );

  // The moderator: not enough to act on.
  const moderator = await moderatorWithKey(browser);
  await openReportRow(moderator, reportId).click();
  const outcome = moderator.getByRole("region", { name: "Uitkomst voor de melder" });
  await outcome.getByRole("button", { name: "Geen actie: te weinig informatie" }).click();
  await outcome.getByRole("button", { name: "Versturen naar de melder" }).click();
  await expect(outcome.getByText("Uitkomst verstuurd naar de melder")).toBeVisible();

  // Sam looks again: the children's words, warm, and reporting again is welcome.
  await mine.getByRole("button", { name: "Opnieuw kijken" }).click();
  const answered = mine.getByTestId("my-report").first();
  await expect(answered).toContainText(
    "Het team kon nog niets doen. Ze wisten te weinig. Gebeurt het weer? Meld het dan nog een keer.",
  );
  await expect(answered).toContainText("Nieuw");
  expect((await new AxeBuilder({ page: sam }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(sam, "my-reports-8-12");
  await stranger.signOut();
});
