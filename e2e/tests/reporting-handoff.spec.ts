// Reporting beyond the moderator. Noor (14) reports an adult who sends her
// sexual messages and leaves her name out, as the law allows. Her report goes through
// the report intake, so the moderators cannot learn who sent it: not on the
// list, not in the report, not in what the server recorded. The queue shows
// each report's age and deadline (24 hours for abuse material in the
// Netherlands) and explains every label. The moderator then hands the report
// to the police as a sealed package; the police open it with their key and
// find every field of the notice, the evidence with its SHA-256 digests, and
// the times.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import {
  moderationKeyPairFromText,
  openHandoffFile,
  sha256Hex,
  type HandoffPackage,
} from "@safety-by-design/protocol";
import { expect, test } from "../support/test.ts";
import { prepareLocalDeployment } from "../../tools/lib/deployment.ts";
import { repoRoot, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { personaOnPhone, signIn } from "../support/personas.ts";
import { newestReportId } from "../support/reports.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import {
  expectNoAxeViolations,
  moderatorWithKey,
  noorChatsWithAlex,
  openModeration,
  openReportRow,
} from "../support/moderators.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);
const NOOR = `@noor:${homeserver.serverName}`;

test.beforeAll(async () => {
  await noorChatsWithAlex();
});

test("a report without a name reaches the moderators with no way to see who sent it, and goes to the police as a sealed package", async ({
  browser,
}) => {
  const noor = await personaOnPhone(browser, "noor");
  const alex = await personaOnPhone(browser, "alex");
  await noor.getByRole("button", { name: /Alex/ }).first().click();
  await alex.getByRole("button", { name: /Noor/ }).first().click();

  const answer = `Nee, dat wil ik niet. ${randomUUID().slice(0, 8)}`;
  await noor.getByRole("textbox", { name: "Bericht" }).fill(answer);
  await noor.getByRole("button", { name: "Versturen" }).click();
  const reported = `Kijk wat ik heb, ik stuur je meer foto's van die jongen. ${randomUUID().slice(0, 8)}`;
  await alex.getByRole("textbox", { name: "Bericht" }).fill(reported);
  await alex.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText(reported)).toBeVisible();

  // Noor reports it as sexual content sent to a child and keeps her name out (the default here).
  const message = noor.getByRole("listitem").filter({ hasText: reported });
  await message.getByRole("button", { name: /^Bericht van .* melden$/ }).click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await sheet.getByRole("button", { name: "Meer vertellen (hoeft niet)" }).click();
  await sheet
    .getByRole("group", { name: "Soort melding" })
    .getByRole("radio", { name: "Stuurt seksuele tekst of foto's naar een kind" })
    .check();
  const includeName = sheet.getByRole("checkbox", { name: /naam/i });
  await expect(includeName).not.toBeChecked();
  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible();
  const reportId = await newestReportId(noor, NOOR);
  const shortId = reportId.slice(0, 8);

  // The moderator, on their phone: the queue with ages and deadlines.
  const { reporting } = await prepareLocalDeployment(E2E_INSTANCE);
  const moderator = await moderatorWithKey(browser);
  const row = openReportRow(moderator, reportId);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Seksuele inhoud naar een minderjarige");
  await expect(row).toContainText("Via de intake");
  await expect(row).toContainText(/oud · afhandelen vóór/);
  // Every label is explained.
  await moderator.getByText("Wat de labels betekenen").click();
  await expect(moderator.getByText(/^Niet ondertekend: de melder liet de naam weg/)).toBeVisible();
  await expect(moderator.getByText(/^Termijn: uiterlijk dan afhandelen\. 24 uur/)).toBeVisible();
  await expectNoAxeViolations(moderator);
  await row.scrollIntoViewIfNeeded();
  await saveDocScreenshot(moderator, "moderation-queue");

  // The report: the evidence, and nothing that says who sent it.
  await row.click();
  await expect(moderator.getByRole("heading", { name: `Melding ${shortId}` })).toBeVisible();
  await expect(moderator.getByText(reported)).toBeVisible();
  await expect(moderator.getByText(/^Via de intake\. De server legde alleen vast/)).toBeVisible();
  await expect(moderator.getByText(/^Ingediend door account/)).toHaveCount(0);
  await expect(moderator.getByText("Weggelaten (DSA art. 16(2)(c))")).toBeVisible();
  expect(await moderator.content()).not.toContain(NOOR);
  await expectNoAxeViolations(moderator);
  await saveDocScreenshot(moderator, "moderation-intake-report");

  // Handing over: a sealed package for the police, the body the engine advised.
  const handoff = moderator.getByRole("region", { name: "Overdragen aan een instantie" });
  await handoff.getByRole("button", { name: "Pakket maken voor Politie" }).click();
  const link = handoff.getByRole("link", { name: /^Download handoff-politie-/ });
  await expect(link).toBeVisible();
  await expect(handoff.locator(".handoff-summary")).toContainText("voor Politie");
  await expectNoAxeViolations(moderator);
  await handoff.scrollIntoViewIfNeeded();
  await saveDocScreenshot(moderator, "moderation-handoff");
  const download = await Promise.all([moderator.waitForEvent("download"), link.click()]).then(
    ([d]) => d,
  );
  const file = await download.path();

  // The police's side: only their key opens it; every field is there.
  const police = await moderationKeyPairFromText(reporting.handoffKeys.politie);
  const hotline = await moderationKeyPairFromText(reporting.handoffKeys["meldpunt-kinderporno"]);
  if (police === undefined || hotline === undefined) throw new Error("test keys");
  const sealed: unknown = JSON.parse(await readFile(file, "utf8"));
  expect(JSON.stringify(sealed)).not.toContain(reported);
  expect((await openHandoffFile(sealed, hotline)).ok).toBe(false);
  const opened = await openHandoffFile(sealed, police);
  if (!opened.ok) throw new Error(opened.problems.join("; "));
  const pkg: HandoffPackage = opened.package;
  expect(pkg).toMatchObject({
    format: "org.safety-by-design.handoff",
    version: 1,
    recipient: { bodyId: "politie", name: "Politie" },
    sender: { contact: `@moderation:${homeserver.serverName}` },
    report: { reportId },
    category: "sexual-content-to-minor",
    notice: {
      notifier: { kind: "withheld", basis: "dsa-art-16-2-c" },
      goodFaith: { confirmed: true },
    },
    moderatorNote: null,
    summary: { language: "nl" },
  });
  expect(pkg.packageId).toMatch(/^[0-9a-f]{32}$/);
  expect(pkg.notice.explanation.length).toBeGreaterThan(0);
  expect(pkg.notice.goodFaith.statement.length).toBeGreaterThan(0);
  expect(pkg.report.bundleSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(pkg.report.createdAt).toBeLessThanOrEqual(pkg.report.receivedAt + 60_000);
  expect(pkg.report.receivedAt).toBeLessThanOrEqual(pkg.handedOverAt);
  // (b) the exact location: the room and the reported event first.
  if (pkg.notice.location.kind !== "room-events") throw new Error("expected a message report");
  const [first] = pkg.evidence;
  expect(first).toMatchObject({ kind: "message", role: "reported", body: reported });
  expect(pkg.notice.location.eventIds[0]).toBe(first?.kind === "message" ? first.eventId : "");
  // Every item's digest is the SHA-256 of its content; Noor's own message carries no name.
  for (const item of pkg.evidence) {
    if (item.kind !== "message") continue;
    expect(item.sha256).toBe(await sha256Hex(new TextEncoder().encode(item.body ?? "")));
    if (item.body === answer) expect(item.sender).toBeNull();
  }
  expect(JSON.stringify(pkg)).not.toContain(NOOR);
  expect(pkg.summary.text).toContain("Melder: naam weggelaten");

  // The hotline's own tool opens the same file.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--conditions=@safety-by-design/source",
      "tools/open-handoff.ts",
      file,
      `${E2E_INSTANCE}:politie`,
    ],
    { cwd: repoRoot },
  );
  expect(stdout).toContain("digests match their content");
  expect(stdout).toContain(reportId);
});

test("the moderation queue on a laptop", async ({ browser }) => {
  const { moderationKey } = await prepareLocalDeployment(E2E_INSTANCE);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const moderator = await context.newPage();
  await signIn(moderator, "moderation");
  await openModeration(moderator, moderationKey);
  await expect(
    moderator.locator("h2:text-is('Open meldingen') + ul").getByRole("button").first(),
  ).toContainText(/afhandelen vóór/);
  await expectNoAxeViolations(moderator);
  await saveDocScreenshot(moderator, "moderation-queue-laptop");
});
