// A youth panel in a classroom, over HTTPS on an address other than
// 127.0.0.1 (127.0.0.2 stands in for the laptop's network address; no test
// traffic leaves the loopback range). The app is built for that origin and
// served by the classroom front with a certificate from the project's CA,
// as `npm start -- --lan` does. The facilitator's console creates three
// participants with two policies, records consent, and each participant, on
// a phone of their own (a separate browser context), signs in by scanning
// their seat's one-time QR code (typing nothing, no recovery key offered)
// and meets a scripted stranger at the same time as the others. A second
// phone with a used code is told so kindly and not signed in; one seat's
// code opens no other seat. One merged export, and what the study service
// stores, hold every participant's events under pseudonyms, and nothing
// anyone wrote, no name, no account and no sign-in code. A lost phone gets
// a fresh QR code, which signs the old phone out.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  chromium,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from "../support/test.ts";
import {
  prepareLocalDeployment,
  STUDY_SERVICE_PORTS,
  AGE_ISSUER_PORTS,
  DISCOVERY_SERVICE_PORTS,
} from "../../tools/lib/deployment.ts";
import { repoRoot, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { spkiHash } from "../../tools/lib/lanCertificates.ts";
import {
  buildLanClient,
  lanClientEnvironment,
  startClassroomFront,
  type Classroom,
} from "../../tools/lib/lanClassroom.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { studyStorageDir } from "../../tools/lib/studyService.ts";
import { REPORT_INTAKE_PORTS } from "../../tools/lib/reportingDeployment.ts";
import { unknownAdultContactsNoor } from "../../tools/scenarios/unknown-adult-contacts-noor.ts";
import { chromiumArgs, chromiumPath } from "../chromium.ts";
import { strangerRequestRow } from "../support/requests.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";

const LAN = { address: "127.0.0.2", port: 8453 } as const;
const ORIGIN = `https://${LAN.address}:${String(LAN.port)}`;
const SCENARIO = "unknown-adult-contacts-noor";
const PACKS = { p01: "nl-default", p02: "baseline", p03: "nl-default" } as const;
type Seat = keyof typeof PACKS;
const SEATS = Object.keys(PACKS) as Seat[];

let classroom: Classroom;
let browser: Browser;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const homeserver = resolveHomeserver(E2E_INSTANCE);
  const deployment = await prepareLocalDeployment(E2E_INSTANCE);
  const clientDir = join(repoRoot, ".local", "lan", "e2e-dist");
  // The build `npm start -- --lan` makes: every service on the classroom's one
  // origin, and no demo password in the app a phone loads.
  await buildLanClient(lanClientEnvironment(deployment, homeserver, ORIGIN), clientDir);
  classroom = await startClassroomFront({
    lan: LAN,
    clientDir,
    caDir: join(repoRoot, ".local", "lan", "e2e-ca"),
    upstreams: {
      homeserver: homeserver.url,
      study: `http://127.0.0.1:${String(STUDY_SERVICE_PORTS[E2E_INSTANCE])}`,
      age: `http://127.0.0.1:${String(AGE_ISSUER_PORTS[E2E_INSTANCE])}`,
      discovery: `http://127.0.0.1:${String(DISCOVERY_SERVICE_PORTS[E2E_INSTANCE])}`,
      intake: `http://127.0.0.1:${String(REPORT_INTAKE_PORTS[E2E_INSTANCE])}`,
    },
  });
  // This browser trusts the classroom certificate's key, as a phone that
  // installed the classroom CA trusts it; any other certificate still fails.
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...chromiumArgs,
      `--ignore-certificate-errors-spki-list=${spkiHash(classroom.certificate.certificatePem)}`,
    ],
  });
});

test.afterAll(async () => {
  await browser.close();
  await classroom.front.close();
});

/** A seat's card on the console. */
function seatCard(console_: Page, seat: Seat) {
  return console_
    .getByRole("listitem")
    .filter({ has: console_.getByRole("heading", { name: new RegExp(`^Deelnemer ${seat}`) }) });
}

/** What a phone's app keeps as its access token (study accounts: the seat's device). */
async function accessTokenOf(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem("sbd.session"));
  return (JSON.parse(stored ?? "{}") as { accessToken?: string }).accessToken ?? "";
}

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    hasTouch: true,
    locale: "nl-NL",
  });
  return { context, page: await context.newPage() };
}

/** The participant meets the stranger: the request, help from its header, then block. */
async function meetStrangerAndBlock(page: Page, seat: Seat): Promise<void> {
  const request =
    PACKS[seat] === "nl-default"
      ? await strangerRequestRow(page, "@alex:localhost", "Alex", { timeout: 60_000 })
      : page.getByRole("button", { name: /^Alex @alex:localhost / });
  if (PACKS[seat] === "baseline") {
    await page.getByRole("button", { name: /^Verzoeken/ }).click();
  }
  await expect(request).toBeVisible({ timeout: 60_000 });
  await request.click();
  await expect(page.getByRole("heading", { name: "Verzoek", exact: true })).toBeVisible();
  if (seat === "p01") await saveDocScreenshot(page, "classroom-phone");
  await page.getByRole("button", { name: "Hulp" }).click();
  await page.getByRole("dialog", { name: "Hulp" }).getByRole("button", { name: "Sluiten" }).click();
  await page.getByRole("button", { name: "Blokkeren", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Verzoek", exact: true })).toBeHidden();
}

test("a classroom over HTTPS: three phones, consent, two policies, a scenario each, one export", async () => {
  test.setTimeout(420_000);
  const laptop = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "nl-NL",
  });
  const console_ = await laptop.newPage();
  await console_.goto(`${ORIGIN}/console.html`);
  // A secure context on an address that is not 127.0.0.1: crypto and storage work.
  expect(await console_.evaluate(() => [window.isSecureContext, location.hostname])).toEqual([
    true,
    LAN.address,
  ]);
  await console_.getByLabel("Gebruikersnaam").fill("facilitator");
  await console_.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await console_.getByRole("button", { name: "Inloggen" }).click();
  await expect(console_.getByRole("heading", { name: "Studieleiding" })).toBeVisible();

  // A new session: whatever an earlier class left is closed, after the console asks.
  await console_.getByRole("button", { name: "Sessie afsluiten: alles wissen" }).click();
  await expect(console_.getByRole("alertdialog")).toContainText("Exporteer eerst");
  await console_.getByRole("button", { name: "Ja, alles wissen" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Sessie afgesloten" })).toBeVisible();

  // The phones' trust: the CA certificate behind a QR code, with steps per platform.
  const trust = console_.getByRole("region", { name: "Telefoons verbinden" });
  await expect(
    trust.getByRole("img", { name: "QR-code naar het certificaat van de klas" }),
  ).toBeVisible();
  await expect(trust.getByText(/^iPhone:/)).toBeVisible();
  const certificateType = await console_.evaluate(
    async (url) => (await fetch(url)).headers.get("content-type"),
    `${ORIGIN}/lan/ca.crt`,
  );
  expect(certificateType).toBe("application/x-x509-ca-cert");

  // Three participants, two policies.
  await console_.getByLabel("Aantal nieuwe deelnemers").fill("3");
  await console_.getByLabel("Beleid B").selectOption("baseline");
  await console_.getByRole("button", { name: "Accounts maken" }).click();
  await expect(
    console_
      .getByRole("status")
      .filter({ hasText: "3 deelnemers aangemaakt: p01 tot en met p03." }),
  ).toBeVisible({ timeout: 30_000 });
  for (const seat of SEATS) {
    await console_.getByLabel(`Beleid voor ${seat}`).selectOption(PACKS[seat]);
    await expect(console_.getByLabel(`Beleid voor ${seat}`)).toHaveValue(PACKS[seat]);
    // Accounts from an earlier class start clean: the console asks, then says what it did.
    await console_.getByRole("button", { name: `Account van ${seat} terugzetten` }).click();
    await expect(console_.getByRole("alertdialog")).toContainText(
      `Account van ${seat} terugzetten?`,
    );
    await console_.getByRole("button", { name: "Ja, terugzetten" }).click();
    await expect(
      console_.getByRole("status").filter({ hasText: `${seat} teruggezet:` }),
    ).toBeVisible({ timeout: 30_000 });
    await console_.getByRole("button", { name: `Toestemming vastleggen voor ${seat}` }).click();
    await expect(
      console_.getByRole("status").filter({ hasText: `Toestemming vastgelegd voor ${seat}` }),
    ).toBeVisible();
  }
  expect((await new AxeBuilder({ page: console_ }).analyze()).violations).toEqual([]);

  // Each seat's QR code holds a one-time code in the link's fragment; the
  // link shows as text only when the facilitator asks ("Toon link").
  const links: Partial<Record<Seat, string>> = {};
  for (const seat of SEATS) {
    const card = seatCard(console_, seat);
    await card.getByText(`Inlogcode voor ${seat}`).click();
    await expect(
      card.getByRole("img", { name: `QR-code om als ${seat} in te loggen` }),
    ).toBeVisible();
    await expect(card.getByRole("link")).toHaveCount(0);
    if (seat === "p01") {
      await card.scrollIntoViewIfNeeded();
      await saveDocScreenshot(console_, "console-seat-qr");
    }
    await card.getByRole("button", { name: "Toon link" }).click();
    const link = (await card.getByRole("link").getAttribute("href")) ?? "";
    expect(link).toMatch(new RegExp(`^${ORIGIN}/#seat=${seat}\\.[A-Za-z0-9_-]{32}$`));
    links[seat] = link;
  }
  expect(new Set(Object.values(links)).size).toBe(3);

  // Each phone opens its seat's link (as scanning the QR code does) and is in:
  // nothing to type, no recovery key to keep (the account is reset after the session).
  const phones: Partial<Record<Seat, Page>> = {};
  for (const seat of SEATS) {
    const { page } = await phone();
    await page.goto(links[seat] ?? "");
    await expect(page.getByRole("heading", { name: "Gesprekken" })).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      page.getByRole("heading", { name: /herstelcode|Oude berichten lezen/ }),
    ).toHaveCount(0);
    // The code left the address bar at once; it never was in a request line.
    expect(new URL(page.url()).hash).toBe("");
    phones[seat] = page;
    if (seat === "p01") {
      // A second phone with the same link: told kindly, and not signed in.
      const { page: second, context } = await phone();
      await second.goto(links.p01 ?? "");
      await expect(
        second.getByText("Deze QR-code is al gebruikt. Vraag de begeleider om een nieuwe QR-code."),
      ).toBeVisible({ timeout: 30_000 });
      // Only what to do now: no username or password to type on a participant's phone;
      // a small link to the form for a facilitator or a demo.
      await expect(second.getByRole("heading", { name: "Inloggen met je QR-code" })).toBeVisible();
      await expect(second.getByLabel("Gebruikersnaam")).toHaveCount(0);
      await expect(second.getByLabel("Wachtwoord")).toHaveCount(0);
      await expect(
        second.getByRole("button", { name: "Inloggen met naam en wachtwoord" }),
      ).toBeVisible();
      expect(await second.evaluate(() => localStorage.getItem("sbd.session"))).toBeNull();
      expect((await new AxeBuilder({ page: second }).analyze()).violations).toEqual([]);
      await saveDocScreenshot(second, "classroom-code-used");
      await second.getByRole("button", { name: "Inloggen met naam en wachtwoord" }).click();
      await expect(second.getByLabel("Gebruikersnaam")).toBeFocused();
      // Another seat's link cannot be made from one's own: p01's code for p02 opens nothing.
      const guessed = (links.p01 ?? "").replace("#seat=p01.", "#seat=p02.");
      const guessing = await context.newPage();
      await guessing.goto(guessed);
      await expect(
        guessing.getByText(
          "Deze QR-code is al gebruikt. Vraag de begeleider om een nieuwe QR-code.",
        ),
      ).toBeVisible({ timeout: 30_000 });
      expect(await guessing.evaluate(() => localStorage.getItem("sbd.session"))).toBeNull();
      await context.close();
      // The console shows the code as used, with a way to make a fresh one.
      await expect(seatCard(console_, "p01")).toContainText(
        "p01 is ingelogd op een telefoon; de QR-code is gebruikt.",
      );
    }
  }

  // The scripted strangers start at once, one per participant.
  for (const seat of SEATS) {
    await console_.getByLabel(`Scenario voor ${seat}`).selectOption(SCENARIO);
    await console_.getByRole("button", { name: `Scenario starten voor ${seat}` }).click();
    await expect(
      console_.getByRole("status").filter({ hasText: `Scenario gestart voor ${seat}.` }),
    ).toBeVisible();
  }
  for (const seat of SEATS) await meetStrangerAndBlock(phones[seat] as Page, seat);

  // The console sees every participant live, each event under its own seat.
  const timeline = console_.getByRole("region", { name: /^Tijdlijn van alle deelnemers/ });
  for (const seat of SEATS) {
    await expect(
      timeline.getByRole("row").filter({ hasText: seat }).filter({ hasText: "Verzoek beantwoord" }),
    ).toBeVisible({ timeout: 20_000 });
  }
  await expect(console_.getByText("Stuurt een bericht: klaar").first()).toBeVisible();
  await console_.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await saveDocScreenshot(console_, "console");
  await console_.evaluate(() => {
    document.getElementById("console-seats")?.scrollIntoView();
  });
  await saveDocScreenshot(console_, "console-seats");
  for (const seat of SEATS) {
    await console_.getByRole("button", { name: `Scenario stoppen voor ${seat}` }).click();
    await expect(
      console_.getByRole("status").filter({ hasText: `Scenario gestopt voor ${seat}.` }),
    ).toBeVisible();
  }

  // The console on a phone: one column, nothing wider than the screen, sign-out in reach.
  const small = await laptop.newPage();
  await small.setViewportSize({ width: 375, height: 667 });
  await small.goto(`${ORIGIN}/console.html`);
  await small.getByLabel("Gebruikersnaam").fill("facilitator");
  await small.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await small.getByRole("button", { name: "Inloggen" }).click();
  await expect(small.getByRole("heading", { name: "Deelnemer p03" })).toBeVisible();
  expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expect(small.getByRole("button", { name: "Uitloggen" })).toBeInViewport();
  expect((await new AxeBuilder({ page: small }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(small, "console-phone");
  await small.getByRole("button", { name: "Uitloggen" }).click();

  // One export for the session: every participant, both policies, nothing anyone wrote.
  const summary = console_.getByRole("region", { name: "Samenvatting per scenario" });
  await expect(summary.getByRole("cell", { name: "baseline" })).toBeVisible({ timeout: 20_000 });
  const [download] = await Promise.all([
    console_.waitForEvent("download"),
    console_.getByRole("button", { name: "CSV downloaden" }).click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toContain("participant,scenario,run,seq");
  const participants = new Set(rows.map((row) => row.split(",")[0]));
  expect(participants.size).toBe(3);
  for (const pack of ["nl-default", "baseline"]) {
    expect(rows.some((row) => row.includes(`,request-answered,${pack},`))).toBe(true);
  }
  expect(rows.filter((row) => row.includes(",help-opened,"))).toHaveLength(3);
  expect(rows.filter((row) => row.includes(",scenario-started,"))).toHaveLength(3);
  // Every event of a participant belongs to their own run 1 of the scenario.
  for (const row of rows.filter((r) => r.includes(",request-answered,"))) {
    expect(row).toContain(`,${SCENARIO},1,`);
  }
  expect(rows.some((row) => row.includes(",notice-shown,baseline,"))).toBe(false);
  const scripted = unknownAdultContactsNoor.steps.flatMap((step) =>
    step.do === "send" ? [step.text.nl, step.text.en] : [],
  );
  const codes = Object.values(links).map((link) => link.slice(link.lastIndexOf(".") + 1));
  const tokens = await Promise.all(SEATS.map((seat) => accessTokenOf(phones[seat] as Page)));
  const forbidden = [
    ...scripted,
    ...codes,
    ...tokens,
    "Noor",
    "Alex",
    "@alex",
    "@p0",
    "localhost",
    "p01",
    "p02",
    "p03",
    "!",
  ];
  for (const text of forbidden) expect(csv).not.toContain(text);
  // What the study service stores on disk: the same, word for word (seats.json names seats only).
  const storageDir = studyStorageDir(E2E_INSTANCE);
  const files = (await readdir(storageDir)).filter((f) => f.endsWith(".json")).sort();
  expect(files).toEqual(["seats.json", "session-log.json"]);
  const stored = await readFile(join(storageDir, "session-log.json"), "utf8");
  expect(stored).toContain("request-answered");
  for (const text of forbidden) expect(stored).not.toContain(text);
  const seatsFile = await readFile(join(storageDir, "seats.json"), "utf8");
  for (const text of [...codes, ...tokens, "localhost", "@"]) {
    expect(seatsFile).not.toContain(text);
  }

  // Withdrawal asks, says how many events go, deletes them, and the phone stops sending.
  await console_
    .getByRole("button", { name: "Toestemming van p03 ingetrokken: gegevens wissen" })
    .click();
  await expect(console_.getByRole("alertdialog")).toContainText("Toestemming van p03 intrekken?");
  await console_.getByRole("button", { name: "Ja, intrekken en wissen" }).click();
  await expect(
    console_
      .getByRole("status")
      .filter({ hasText: /Toestemming van p03 ingetrokken: \d+ gebeurtenissen gewist/ }),
  ).toBeVisible();
  const [after] = await Promise.all([
    console_.waitForEvent("download"),
    console_.getByRole("button", { name: "CSV downloaden" }).click(),
  ]);
  const remaining = (await readFile(await after.path(), "utf8")).trim().split(/\r?\n/).slice(1);
  expect(new Set(remaining.map((row) => row.split(",")[0])).size).toBe(2);

  // p02's phone is lost: a fresh QR code, after the console asks; the old phone is signed out.
  const lostToken = await accessTokenOf(phones.p02 as Page);
  const whoami = (token: string) =>
    console_.evaluate(
      async ([origin, bearer]) =>
        (
          await fetch(`${origin}/_matrix/client/v3/account/whoami`, {
            headers: { authorization: `Bearer ${bearer}` },
          })
        ).status,
      [ORIGIN, token] as const,
    );
  expect(await whoami(lostToken)).toBe(200);
  const p02 = seatCard(console_, "p02");
  await p02.getByRole("button", { name: "Nieuwe QR-code voor p02" }).click();
  await expect(console_.getByRole("alertdialog")).toContainText(
    "Elke telefoon die nu als p02 is ingelogd, wordt uitgelogd.",
  );
  await console_.getByRole("button", { name: "Ja, nieuwe code maken" }).click();
  await expect(
    console_
      .getByRole("status")
      .filter({ hasText: "Nieuwe QR-code voor p02 gemaakt. Apparaten uitgelogd: 1." }),
  ).toBeVisible({ timeout: 30_000 });
  expect(await whoami(lostToken)).toBe(401);
  // The lost phone, were it found and opened, no longer shows p02's chats: it says kindly why.
  await expect(
    (phones.p02 as Page).getByText("Je bent uitgelogd op dit apparaat.", { exact: false }),
  ).toBeVisible({ timeout: 45_000 });
  await expect((phones.p02 as Page).getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await p02.getByRole("button", { name: "Toon link" }).click();
  const fresh = (await p02.getByRole("link").getAttribute("href")) ?? "";
  expect(fresh).not.toBe(links.p02);
  const { page: newPhone, context: newContext } = await phone();
  await newPhone.goto(links.p02 ?? "");
  await expect(
    newPhone.getByText("Deze QR-code is al gebruikt. Vraag de begeleider om een nieuwe QR-code."),
  ).toBeVisible({ timeout: 30_000 });
  // The same new phone, scanning the fresh code.
  const scanned = await newContext.newPage();
  await scanned.goto(fresh);
  await expect(scanned.getByRole("heading", { name: "Gesprekken" })).toBeVisible({
    timeout: 30_000,
  });
  await newContext.close();
  await laptop.close();
});
