// Reporting that fits the child (issue 18): Sam (11) reports a request his
// own device held aside, whose messages he never saw: they go along sealed
// and he is told so, in his words; he is not asked about messages he did not
// read, and the first thing after reporting is a thank you and who helps
// him, not the police. Noor (14) reports a picture her classmate Lotte (a
// verified peer) sent: the engine does not send two 14-year-olds to the
// police, it advises Helpwanted. And from Help, one tap says what is going
// on, and the help follows.
import { randomBytes, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test.ts";
import { ensureDirectChat, signedInSession } from "../../tools/lib/conversations.ts";
import { ensureAccount } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { personaOnPhone } from "../support/personas.ts";
import { declinePendingRequests, strangerRequestRow } from "../support/requests.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { homeserver } from "../support/strangers.ts";

test("Sam (11) reports a held-aside request: its messages go along sealed, he never sees them, and thanks come first", async ({
  browser,
}) => {
  await declinePendingRequests("sam");
  const sam = await personaOnPhone(browser, "sam");

  // Someone Sam does not know, with no verified age, writes to him from our own client (encrypted).
  const login = { username: `gamer-${randomBytes(4).toString("hex")}`, password: randomUUID() };
  await ensureAccount(homeserver, { ...login, displayName: "Gamer Tom" });
  const stranger = await signedInSession(homeserver, login);
  const first = `Hoi Sam! Zullen we samen gamen? ${randomUUID().slice(0, 8)}`;
  const second = `Stuur eens een foto van jezelf. ${randomUUID().slice(0, 8)}`;
  const roomId = await stranger.createEncryptedDirectChat(`@sam:${homeserver.serverName}`);
  await stranger.sendText(roomId, first);
  await stranger.sendText(roomId, second);

  const row = await strangerRequestRow(sam, stranger.userId, "Gamer Tom");
  await expect(row).toContainText("Apart gezet");
  await row.click();
  await sam.getByRole("button", { name: "Melden", exact: true }).click();

  // The sheet for the youngest: who, that the messages go along, three choices, none picked.
  const sheet = sam.getByRole("dialog", { name: "Iemand melden" });
  await expect(sheet).toBeVisible();
  await expect(
    sheet.getByText(
      "De berichten van deze persoon gaan mee naar het team van de app. Jij hoeft ze niet te lezen.",
    ),
  ).toBeVisible();
  const choices = sheet.getByRole("group", { name: "Wat is er aan de hand?" });
  await expect(choices.getByRole("radio")).toHaveCount(3);
  for (const radio of await choices.getByRole("radio").all()) await expect(radio).not.toBeChecked();
  await expect(
    choices.getByRole("radio", { name: "Iemand vraagt om foto's van mij" }),
  ).toBeVisible();
  // No category about messages he never saw is put in his mouth.
  await expect(sheet).not.toContainText("Doet heel aardig");
  await expect(sam.getByText(first)).toHaveCount(0);
  await expect(sam.getByText(second)).toHaveCount(0);
  expect((await new AxeBuilder({ page: sam }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(sam, "report-request-8-12");

  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  // First: thanks and who helps him now; no police card.
  // Read first: the thanks take the focus (and so come into view).
  await expect(sheet.getByText("Goed dat je het zegt!")).toBeFocused();
  await expect(sheet.getByText("Goed dat je het zegt!")).toBeInViewport();
  await expect(sheet.getByRole("heading", { name: "Wie helpt je nu?" })).toBeVisible();
  await expect(sheet.getByRole("link", { name: /0800-0432/ })).toBeVisible();
  await expect(sheet).not.toContainText("Politie");
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible();
  await expect(sam.getByText(second)).toHaveCount(0);
  expect((await new AxeBuilder({ page: sam }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(sam, "report-thanks-8-12");
  await sheet.getByRole("button", { name: "Sluiten" }).click();
  await stranger.signOut();
});

test("Noor (14) reports a picture her classmate sent: peers are not sent to the police; help fits what is going on", async ({
  browser,
}) => {
  const roomId = await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "lotte", password: DEMO_PASSWORD },
  );
  const noor = await personaOnPhone(browser, "noor");
  const lotte = await personaOnPhone(browser, "lotte");
  await noor.getByRole("button", { name: "Lotte", exact: true }).first().click();
  await lotte.getByRole("button", { name: "Noor", exact: true }).first().click();
  expect(roomId.startsWith("!")).toBe(true);

  // Noor's device knows Lotte's verified band (13-15): her profile says so.
  await noor.getByRole("button", { name: "Opties voor dit gesprek" }).click();
  await noor.getByRole("button", { name: "Profiel van Lotte" }).click();
  const profile = noor.getByRole("region", { name: "Profiel" });
  await expect(profile.getByText("Gecontroleerd: 13 tot 15 jaar")).toBeVisible({ timeout: 30_000 });
  await profile.getByRole("button", { name: "Terug" }).click();

  const sent = `Kijk, die foto van jou van het feest 😏 ${randomUUID().slice(0, 8)}`;
  await lotte.getByRole("textbox", { name: "Bericht" }).fill(sent);
  await lotte.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText(sent)).toBeVisible();

  await noor
    .getByRole("listitem")
    .filter({ hasText: sent })
    .getByRole("button", { name: /^Bericht van .* melden$/ })
    .click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await sheet.getByRole("button", { name: "Meer vertellen (hoeft niet)" }).click();
  const kinds = sheet.getByRole("group", { name: "Soort melding" });
  await kinds.getByRole("radio", { name: "Stuurt seksuele tekst of foto's naar een kind" }).check();
  // She names herself: a report between classmates needs no anonymity.
  await sheet.getByLabel("Stuur mijn naam mee").check();
  await sheet.getByRole("button", { name: "Melden", exact: true }).click();

  // Between peers the engine advises Helpwanted (removal help), not the police.
  const advice = sheet.getByRole("region", { name: "Je kunt dit ook melden bij:" });
  await expect(advice.getByRole("heading", { name: "Helpwanted" })).toBeVisible();
  await expect(advice.getByRole("heading", { name: "Politie" })).toHaveCount(0);
  const why = sheet.locator("details.why");
  await why.getByText("Waarom zie ik dit?").click();
  await expect(why.getByText(/Foto's delen tussen leeftijdsgenoten is geen misdaad/)).toBeVisible();
  // The advice under the sheet's top bar: its heading, Helpwanted and the start of "why".
  await advice.evaluate((section) => {
    section.scrollIntoView({ block: "center" });
  });
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "report-peer");

  // After the report, help: one tap says what is going on, and Helpwanted comes first.
  await sheet.getByRole("button", { name: "Hulp zoeken" }).click();
  const help = noor.getByRole("dialog", { name: "Hulp" });
  await expect(help.getByRole("heading", { name: "Wat is er aan de hand?" })).toBeVisible();
  const shared = help.getByRole("button", { name: "Iemand deelt een foto van mij" });
  await expect(shared).toHaveAttribute("aria-pressed", "false");
  await shared.click();
  await expect(shared).toHaveAttribute("aria-pressed", "true");
  await expect(help.getByRole("status")).toContainText("Een foto kan vaak offline worden gehaald");
  const names = help.locator(".help-resource h2, .help-resource h3");
  await expect(names.first()).toHaveText("Helpwanted");
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "help-need");
});

test("from Help, Sam (11) taps that he just wants to talk: the Kindertelefoon", async ({
  browser,
}) => {
  const sam = await personaOnPhone(browser, "sam");
  await sam.getByRole("button", { name: "Hulp", exact: true }).first().click();
  const help = sam.getByRole("dialog", { name: "Hulp" });
  await help.getByRole("button", { name: "Ik wil gewoon praten" }).click();
  await expect(help.getByRole("status")).toContainText("Praten helpt.");
  const names = help.locator(".help-resource h2, .help-resource h3");
  await expect(names).toHaveCount(1);
  await expect(names.first()).toHaveText("De Kindertelefoon");
  // Tapping it again shows the general help again.
  await help.getByRole("button", { name: "Ik wil gewoon praten" }).click();
  await expect(names).not.toHaveCount(1);
});
