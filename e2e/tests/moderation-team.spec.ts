// A moderation team: two moderators, each with their own key. A report is
// sealed to every current key of the team, so each opens it on their own
// device with their own key. One writes a note and marks it handled; the
// other sees both, sealed through the moderation room. The report carries
// what the reporter's engine let go about ages (Noor is 13–15, the account
// she reported is a verified adult), and the moderators read it in words,
// with every label on the screen explained.
//
// The reporter's device is the real reporting core in Node (as in
// moderation.spec.ts): the policy engine's report decision with the nl-default
// pack says which ages go along, the bundle carries them, and the report is
// sealed to the team's keys from the test deployment and filed with Matrix's
// report API over plain HTTP.
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "../support/test.ts";
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import {
  createReportBundle,
  generateReporterSigningKeyPair,
  moderationPublicKeysFromText,
  prepareReport,
} from "@safety-by-design/protocol";
import { clientBuildEnvironment, prepareLocalDeployment } from "../../tools/lib/deployment.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { rawInviteToDirectRoom, rawJoin } from "../../tools/lib/rawMatrix.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";
import { signIn } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import {
  expectNoAxeViolations,
  matrix,
  openModeration,
  rawAccount,
  sendEncryptedLooking,
} from "../support/moderators.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

/** Noor's device (13–15, verified) reports a verified adult's message to the whole team. */
async function fileTeamReport(teamKeys: string) {
  const sender = await rawAccount("sender");
  const reporter = await rawAccount("reporter");
  const roomId = await rawInviteToDirectRoom(sender, reporter.userId);
  await rawJoin(reporter, roomId);
  const reportedEventId = await sendEncryptedLooking(sender, roomId);
  const body = `Stuur me een foto, niemand hoeft het te weten ${randomUUID()}`;

  // The engine decides what goes along about ages; the reporter gives her name.
  const engine = createPolicyEngine(loadBundledPack("nl-default"));
  const decision = engine.decide(
    {
      point: "report",
      reporter: { ageBand: "13-15", ageVerified: true },
      reported: { ageBand: "18+", ageVerified: true },
      isContact: false,
      target: "message",
      category: "sexual-content-to-minor",
      materialLocation: "chat",
      hasPublicUrl: false,
      nameResemblesContact: false,
      nameResemblesHelpService: false,
    },
    Date.now(),
  );
  const created = createReportBundle({
    category: decision.category,
    explanation: "Hij blijft om foto's vragen.",
    subject: {
      kind: "message",
      roomId,
      reported: {
        eventId: reportedEventId,
        sender: sender.userId,
        timestamp: Date.now() - 1_000,
        kind: "text",
        body,
      },
      preceding: [],
      contextConsent: false,
    },
    reporter: { userId: reporter.userId, includeIdentity: true },
    goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
    bands: {
      reporter: decision.moderatorBands.reporter,
      reported: decision.moderatorBands.reported,
    },
  });
  if (!created.ok) throw new Error(created.problems.join("; "));
  const keys = await moderationPublicKeysFromText(teamKeys);
  if (keys === undefined || keys.length < 2)
    throw new Error("the test team has fewer than two keys");
  const prepared = await prepareReport(created.bundle, {
    moderationPublicKey: keys,
    signingKey: await generateReporterSigningKeyPair(),
  });
  if (!prepared.ok) throw new Error(prepared.problems.join("; "));
  for (const reason of prepared.report.parts) {
    await matrix(
      reporter,
      "POST",
      `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/report/${encodeURIComponent(reportedEventId)}`,
      { reason },
    );
  }
  return { reportId: created.bundle.reportId, body, reportedEventId, roomId };
}

test("two moderators with their own keys open the same report and share a note and 'handled'", async ({
  browser,
}) => {
  const deployment = await prepareLocalDeployment(E2E_INSTANCE);
  const moderationKey = deployment.moderatorKeys["moderation"];
  const yaraKey = deployment.moderatorKeys["yara"];
  if (moderationKey === undefined || yaraKey === undefined) throw new Error("no team keys");
  expect(moderationKey.publicKey).not.toBe(yaraKey.publicKey);
  const teamKeys =
    clientBuildEnvironment(deployment, homeserver)["VITE_MODERATION_PUBLIC_KEY"] ?? "";
  expect(teamKeys.split(",")).toEqual([moderationKey.publicKey, yaraKey.publicKey]);
  const filed = await fileTeamReport(teamKeys);
  const shortId = filed.reportId.slice(0, 8);
  const note = `Doorgestuurd naar de politie ${randomBytes(2).toString("hex")}`;

  // The first moderator, on her phone, with the team's first key.
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, "moderation");
  await openModeration(phone, moderationKey);
  const row = phone.getByRole("button", { name: new RegExp(`melding ${shortId}`) });
  await expect(row).toContainText("Melder: minderjarig, 13–15 (geverifieerd)");
  await expect(row).toContainText("Gemelde account: volwassene (geverifieerd)");
  await row.click();
  await expect(phone.getByRole("heading", { name: `Melding ${shortId}` })).toBeVisible();
  await expect(phone.getByText(filed.body)).toBeVisible();
  // The ages, in words, and what the labels mean.
  const ages = phone.getByRole("region", { name: "Leeftijd" });
  await expect(ages).toContainText("Melder");
  await expect(ages).toContainText("minderjarig, 13–15 (geverifieerd)");
  await expect(ages).toContainText("Gemelde account");
  await expect(ages).toContainText("volwassene (geverifieerd)");
  await ages.scrollIntoViewIfNeeded();
  await saveDocScreenshot(phone, "moderation-team-ages");
  const legend = phone.locator("details.moderation-legend");
  await legend.locator("summary").click();
  await expect(legend).toContainText("Geverifieerd: de leeftijd komt uit een leeftijdsbewijs");
  await expect(legend).toContainText("Handtekening geldig");
  await expect(legend).toContainText("Termijn");
  // No wire format anywhere: not the event, not the room, no JSON.
  const screen = await phone.innerText("body");
  expect(screen).not.toContain(filed.reportedEventId);
  expect(screen).not.toContain(filed.roomId);
  expect(screen).not.toContain("report/");
  expect(screen).not.toMatch(/[{}]/);
  await expectNoAxeViolations(phone);

  // She writes a note for the team and marks the report handled.
  const team = phone.getByRole("region", { name: "Team" });
  await team.getByLabel("Notitie voor het team").fill(note);
  await phone.getByRole("button", { name: "Markeren als afgehandeld" }).click();
  await expect(team).toContainText("Jij zette dit op afgehandeld");
  await expect(team).toContainText(note);
  await team.scrollIntoViewIfNeeded();
  await saveDocScreenshot(phone, "moderation-team-note");

  // The second moderator, on a laptop, with her own key: a key the first never had.
  const laptop = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  await signIn(laptop, "yara");
  await openModeration(laptop, yaraKey);
  const handled = laptop.locator("h2:text-is('Afgehandeld') + ul");
  const handledRow = handled.getByRole("button", { name: new RegExp(`melding ${shortId}`) });
  await expect(handledRow).toBeVisible({ timeout: 30_000 });
  await handledRow.click();
  await expect(laptop.getByText(filed.body)).toBeVisible();
  const history = laptop.getByRole("region", { name: "Team" });
  await expect(history).toContainText("Moderation (moderator) zette dit op afgehandeld");
  await expect(history).toContainText(note);
  await expect(laptop.getByText(/^Afgehandeld op .* door /)).toBeVisible();
  await expectNoAxeViolations(laptop);
  await saveDocScreenshot(laptop, "moderation-team-laptop");
});
