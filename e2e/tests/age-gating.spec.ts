// Measure 1, as people use it: age-gated discovery and contact. Every
// persona's device holds its own verified band (from the demo age provider);
// the bands of others are known only from presentations between devices.
//
// Daan (16) opts in to being findable by people his age: his app registers
// him with the deployment's discovery gatekeeper (no room, nothing to join).
// Noor (14) finds him; Alex (adult) does not. Alex does not find Noor either,
// and when he types her Matrix ID, his own client stops him with the
// deterrence notice and Stop it Now, because Noor's device answered that it
// protects a minor. An account without a verified age can search nobody and
// cannot be found. Daan opts out, and Noor no longer finds him.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "../support/test.ts";
import { registerAgeBand } from "../../tools/lib/ageIssuerService.ts";
import { ageIssuerDir } from "../../tools/lib/deployment.ts";
import { ensureAccount, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { personaOnPhone, signIn } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

/**
 * An adult like the persona Alex (or, without a band, an unverified account
 * like Mark), on a fresh account: the shared personas may already be Noor's
 * contacts from other tests, and contacts do see each other.
 */
async function freshAccountOnPhone(
  browser: Browser,
  name: "Alex" | "Mark",
  band: "18+" | undefined,
): Promise<{ page: Page; username: string }> {
  const homeserver = resolveHomeserver(E2E_INSTANCE);
  const username = `${name.toLowerCase()}-${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await ensureAccount(homeserver, { username, password, displayName: name });
  if (band !== undefined) {
    await registerAgeBand(
      ageIssuerDir(E2E_INSTANCE),
      `@${username}:${homeserver.serverName}`,
      band,
    );
  }
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return { page, username };
}

/** Turning it off is allowed at once: it is the protective direction. */
async function turnOff(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitzetten" }).click();
  await expect(page.getByText("Uit: niemand kan je vinden via zoeken.")).toBeVisible();
}

async function openFindPeople(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Mensen zoeken" }).click();
  await expect(page.getByRole("heading", { name: "Mensen zoeken" })).toBeVisible();
}

/** Opens "Waarom zie ik dit?" inside `scope` and gives back the explanation. */
async function openWhy(scope: Locator): Promise<Locator> {
  // The first one: under the results when there are any, else the setting's.
  const why = scope.locator("details.why").first();
  await why.getByText("Waarom zie ik dit?").click();
  await expect(why.getByRole("listitem").first()).toBeVisible();
  return why;
}

async function search(page: Page, term: string): Promise<void> {
  await page.getByLabel("Naam of Matrix-ID").fill(term);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("button", { name: "Zoeken" })).toBeEnabled({ timeout: 20_000 });
}

test("Daan opts in; Noor finds him, Alex finds neither him nor Noor and is stopped with Stop it Now", async ({
  browser,
}) => {
  test.setTimeout(150_000);

  // Daan turns on "findable by people my age": the engine shows what that means first.
  const daan = await personaOnPhone(browser, "daan");
  await openFindPeople(daan);
  // A rerun against the same homeserver may find it still on from last time.
  if (await daan.getByRole("button", { name: "Uitzetten" }).isVisible()) await turnOff(daan);
  await daan.getByRole("button", { name: "Aanzetten" }).click();
  await expect(daan.getByText(/Volwassenen vinden je nooit/)).toBeVisible();
  expect((await new AxeBuilder({ page: daan }).analyze()).violations).toEqual([]);
  await daan.getByRole("button", { name: "Ik snap het, zet aan" }).click();
  await expect(daan.getByText("Aan: jongeren van jouw leeftijd kunnen je vinden.")).toBeVisible();
  // Why: who can find him now, and who never sees his age group (in words for a teen).
  const daanWhy = await openWhy(
    daan.getByRole("region", { name: "Vindbaar voor leeftijdsgenoten" }),
  );
  await expect(
    daanWhy.getByText("Je leeftijdsgroep laten we nooit zien aan volwassenen die je niet kent.", {
      exact: false,
    }),
  ).toBeVisible();

  // Noor (13-15) finds Daan (16-17): peers under nl-default, and he said yes.
  const noor = await personaOnPhone(browser, "noor");
  await openFindPeople(noor);
  await search(noor, "daan");
  const found = noor.getByRole("list", { name: "Gevonden" });
  await expect(found.getByText("@daan:localhost")).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "find-people");
  // Why these results: children are never among them, explained for a 14-year-old.
  const noorWhy = await openWhy(noor.locator("section.find-people-screen"));
  await expect(
    noorWhy.getByText(/Kinderen van 8 tot 12 kan niemand vinden via zoeken/),
  ).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await noorWhy.evaluate((element) => {
    element.scrollIntoView({ block: "center" });
  });
  await saveDocScreenshot(noor, "why-find-people-teen");

  // Alex (18+) searches for Daan and for Noor: nobody.
  const { page: alex } = await freshAccountOnPhone(browser, "Alex", "18+");
  await openFindPeople(alex);
  await search(alex, "daan");
  await expect(alex.getByText("Niemand gevonden.")).toBeVisible();
  await search(alex, "noor");
  await expect(alex.getByText("Niemand gevonden.")).toBeVisible();
  // Why nobody: he reads the adults' words, not a teen's.
  const alexWhy = await openWhy(alex.locator("section.find-people-screen"));
  await expect(
    alexWhy.getByText(/Volwassenen vinden nooit iemand onder de 18 via zoeken/),
  ).toBeVisible();

  // Alex types Noor's Matrix ID: his client asks her device first, and stops him.
  await alex.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await alex.getByRole("button", { name: "Nieuw gesprek" }).click();
  await alex.getByLabel("Matrix-ID van de ander").fill("@noor:localhost");
  await alex.getByRole("button", { name: "Gesprek starten" }).click();
  const decision = alex.getByRole("alert");
  await expect(decision).toBeVisible({ timeout: 20_000 });
  await expect(decision.getByRole("heading", { name: "Stop it Now" })).toBeVisible();
  await expect(alex.getByRole("button", { name: "Toch doorgaan" })).toHaveCount(0);
  expect((await new AxeBuilder({ page: alex }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(alex, "deterrence");

  // Nothing reached Noor: no request appeared.
  await noor.getByRole("button", { name: "Terug naar gesprekken" }).click();
  await noor.getByRole("button", { name: /Verzoeken/ }).click();
  await expect(noor.getByText(/Alex/)).toHaveCount(0);

  // Mark, whose age was never checked, can search nobody and cannot switch findable on;
  // Noor does not find him either.
  const { page: mark, username: markName } = await freshAccountOnPhone(browser, "Mark", undefined);
  await openFindPeople(mark);
  await expect(mark.getByText(/Je leeftijd is niet gecontroleerd/)).toBeVisible();
  await expect(mark.getByLabel("Naam of Matrix-ID")).toHaveCount(0);
  await expect(mark.getByRole("button", { name: "Aanzetten" })).toHaveCount(0);
  expect((await new AxeBuilder({ page: mark }).analyze()).violations).toEqual([]);
  await noor.getByRole("button", { name: "Gesprekken" }).click();
  await openFindPeople(noor);
  await search(noor, markName);
  await expect(noor.getByText("Niemand gevonden.")).toBeVisible();

  // Daan turns it off again; then Noor no longer finds him.
  await turnOff(daan);
  await search(noor, "daan");
  await expect(noor.getByText("Niemand gevonden.")).toBeVisible();
});

test("Sam (11) cannot become findable: the app says so, and why, in words for his age", async ({
  browser,
}) => {
  const sam = await personaOnPhone(browser, "sam");
  await openFindPeople(sam);
  // The refusal shows before any tap: no switch that looks usable but is not.
  await expect(sam.getByRole("button", { name: "Aanzetten" })).toHaveCount(0);
  const setting = sam.getByRole("region", { name: "Vindbaar voor leeftijdsgenoten" });
  await expect(setting.getByText(/Deze instelling staat vast voor jouw leeftijd/)).toBeVisible();
  await expect(setting.getByText("Uit: niemand kan je vinden via zoeken.")).toBeVisible();
  const why = await openWhy(setting);
  await expect(
    why.getByText(
      /Kinderen tot en met 12 jaar kan niemand vinden met zoeken\. Daarom kun je dit niet aanzetten/,
    ),
  ).toBeVisible();
  // Not the teens' words.
  await expect(why.getByText(/Daarom staat deze knop voor hen vast/)).toHaveCount(0);
  expect((await new AxeBuilder({ page: sam }).analyze()).violations).toEqual([]);
  await why.evaluate((element) => {
    element.scrollIntoView({ block: "center" });
  });
  await saveDocScreenshot(sam, "why-setting-8-12");
});
