// A facilitated youth-panel session on one lab device: the facilitator's
// console (console.html) and Noor's app in two windows of the same browser
// profile. Consent; "unknown adult contacts Noor" under nl-default, Noor opens
// help and blocks; the same under baseline; export. The CSV has the expected
// rows, both packs, and nothing anyone wrote, no name and no Matrix ID.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/test.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { unknownAdultContactsNoor } from "../../tools/scenarios/unknown-adult-contacts-noor.ts";
import { signIn } from "../support/personas.ts";
import { strangerRequestRow } from "../support/requests.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";

const SCENARIO = "Onbekende volwassene stuurt Noor een bericht";

async function runScenarioAndBlock(
  consolePage: Page,
  noor: Page,
  pack: "nl-default" | "baseline",
): Promise<void> {
  await consolePage.getByRole("button", { name: `Start scenario ${SCENARIO}` }).click();
  await expect(consolePage.getByRole("status")).toContainText("loopt");

  // Noor: the stranger's request, help from the header, then block. Under nl-default the
  // list keeps his name back; the control arm lists it, as an ordinary chat app would.
  await noor.getByRole("button", { name: /^Verzoeken/ }).click();
  const request =
    pack === "nl-default"
      ? await strangerRequestRow(noor, "@alex:localhost", "Alex", { timeout: 30_000 })
      : noor.getByRole("button", { name: /^Alex @alex:localhost / });
  await expect(request).toBeVisible({ timeout: 30_000 });
  await request.click();
  await expect(noor.getByRole("heading", { name: "Verzoek", exact: true })).toBeVisible();
  await noor.getByRole("button", { name: "Hulp" }).click();
  await noor.getByRole("dialog", { name: "Hulp" }).getByRole("button", { name: "Sluiten" }).click();
  await noor.getByRole("button", { name: "Blokkeren", exact: true }).click();
  await expect(noor.getByRole("heading", { name: "Verzoek", exact: true })).toBeHidden();

  // The console saw it happen (events only), then the facilitator stops the run.
  const timeline = consolePage.getByRole("region", { name: /Tijdlijn/ });
  await expect(timeline.getByText("request-answered").first()).toBeVisible();
  await consolePage.getByRole("button", { name: "Scenario stoppen" }).click();
  await expect(consolePage.getByRole("status")).toContainText(/gestopt|afgelopen/, {
    timeout: 20_000,
  });
}

test("a facilitated session: consent, nl-default then baseline, export without content", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lab = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const consolePage = await lab.newPage();
  await consolePage.goto("/console.html");
  await expect(
    consolePage.getByRole("heading", { name: "Inloggen als studieleider" }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page: consolePage }).analyze()).violations).toEqual([]);
  await consolePage.getByLabel("Gebruikersnaam").fill("facilitator");
  await consolePage.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await consolePage.getByRole("button", { name: "Inloggen" }).click();
  await expect(consolePage.getByRole("heading", { name: "Studieleiding" })).toBeVisible();

  // Set-up: Noor runs nl-default, starts clean, and consent is recorded.
  await consolePage.getByLabel("Beleid voor Noor").selectOption("nl-default");
  await consolePage.getByRole("button", { name: "Noor terugzetten" }).click();
  await consolePage.getByRole("button", { name: "Toestemming vastleggen" }).click();
  await expect(consolePage.getByText(/Toestemming vastgelegd voor deelnemer p-/)).toBeVisible();

  const noor = await lab.newPage();
  await noor.setViewportSize({ width: 375, height: 667 });
  await signIn(noor, "noor");
  await runScenarioAndBlock(consolePage, noor, "nl-default");
  expect((await new AxeBuilder({ page: consolePage }).analyze()).violations).toEqual([]);
  await consolePage.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await saveDocScreenshot(consolePage, "console");
  await consolePage.getByRole("heading", { name: /Tijdlijn/ }).scrollIntoViewIfNeeded();
  await consolePage.evaluate(() => {
    window.scrollBy(0, -120);
  });
  await saveDocScreenshot(consolePage, "console-timeline");

  // The same scenario under the control arm: Noor's app starts again with baseline.
  await consolePage.getByLabel("Beleid voor Noor").selectOption("baseline");
  await consolePage.getByRole("button", { name: "Noor terugzetten" }).click();
  await noor.reload();
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await runScenarioAndBlock(consolePage, noor, "baseline");

  // Per-scenario summaries for both packs, then the export.
  const summary = consolePage.getByRole("region", { name: "Samenvatting per scenario" });
  await expect(summary.getByRole("cell", { name: "nl-default" })).toBeVisible();
  await expect(summary.getByRole("cell", { name: "baseline" })).toBeVisible();
  const [download] = await Promise.all([
    consolePage.waitForEvent("download"),
    consolePage.getByRole("button", { name: "CSV downloaden" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toContain("participant,scenario,run,seq");
  const withPack = (pack: string, kind: string): boolean =>
    rows.some((row) => row.includes(`,${kind},${pack},`));
  for (const pack of ["nl-default", "baseline"]) {
    expect(withPack(pack, "request-answered")).toBe(true);
  }
  expect(rows.some((row) => row.includes(",help-opened,"))).toBe(true);
  // The control arm shows no notice: that difference is what the study measures.
  expect(withPack("nl-default", "notice-shown")).toBe(true);
  expect(withPack("baseline", "notice-shown")).toBe(false);
  expect(rows.filter((row) => row.includes(",scenario-started,"))).toHaveLength(2);
  // Nothing anyone wrote, no name, no Matrix ID, no room. (Scenario ids name the
  // fictional persona in lower case, e.g. unknown-adult-contacts-noor.)
  const scripted = unknownAdultContactsNoor.steps.flatMap((step) =>
    step.do === "send" ? [step.text.nl, step.text.en] : [],
  );
  expect(scripted.length).toBeGreaterThan(0);
  for (const forbidden of [
    ...scripted,
    "tekening",
    "Noor",
    "Alex",
    "@noor",
    "@alex",
    "!",
    "localhost",
  ]) {
    expect(csv).not.toContain(forbidden);
  }

  // Withdrawal asks first, then deletes this participant's records at once.
  await consolePage
    .getByRole("button", { name: "Toestemming ingetrokken: gegevens wissen" })
    .click();
  await expect(consolePage.getByRole("alertdialog")).toContainText("wist direct alle gegevens");
  await consolePage.getByRole("button", { name: "Ja, intrekken en wissen" }).click();
  await expect(consolePage.getByText("Nog niets vastgelegd.")).toBeVisible();
  await expect(consolePage.getByText("Nog geen gespeelde scenario's.")).toBeVisible();

  // Signing the console out leaves Noor's window signed in.
  await consolePage.getByRole("button", { name: "Uitloggen" }).click();
  await expect(
    consolePage.getByRole("heading", { name: "Inloggen als studieleider" }),
  ).toBeVisible();
  await noor.reload();
  await expect(noor.getByRole("heading", { name: "Gesprekken" })).toBeVisible();
  await lab.close();
});
