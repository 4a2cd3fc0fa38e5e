// Moderation: a sealed report reaches the moderators through the homeserver,
// which can read none of it. A reporter's device (here: the real reporting
// core in Node, sending with plain HTTP) seals the evidence to the team's
// public key and files it with Matrix's report API. The moderator signs in,
// imports the team's secret key on their own device, opens the report and
// sees the evidence, the category, the DSA notice, the signature and where
// to refer it in the Netherlands; then marks it handled.
import { randomUUID } from "node:crypto";
import { expect, test } from "../support/test.ts";
import {
  createReportBundle,
  generateReporterSigningKeyPair,
  moderationPublicKeyFromText,
  prepareReport,
} from "@safety-by-design/protocol";
import { prepareLocalDeployment, type ModerationKeyText } from "../../tools/lib/deployment.ts";
import { resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import {
  rawInviteToDirectRoom,
  rawJoin,
  rawLogin,
  rawLogout,
  type RawSession,
} from "../../tools/lib/rawMatrix.ts";
import { personaOnPhone, signIn } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import {
  expectNoAxeViolations,
  matrix,
  rawAccount,
  sendEncryptedLooking,
} from "../support/moderators.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);

type Filed = {
  reportId: string;
  roomId: string;
  reportedEventId: string;
  reporter: RawSession;
  sender: RawSession;
  canaries: { reported: string; context: string; explanation: string };
};

/** A reporter's device: builds the evidence bundle, seals it and files it through the report API. */
async function fileSealedReport(moderationKey: ModerationKeyText): Promise<Filed> {
  const sender = await rawAccount("sender");
  const reporter = await rawAccount("reporter");
  const roomId = await rawInviteToDirectRoom(sender, reporter.userId);
  await rawJoin(reporter, roomId);
  const contextEventId = await sendEncryptedLooking(sender, roomId);
  const reportedEventId = await sendEncryptedLooking(sender, roomId);

  // What the reporter's device decrypted (the server never had it).
  const canaries = {
    context: `Hoi, hoe oud ben je? ${randomUUID()}`,
    reported: `Stuur me een foto van jezelf ${randomUUID()}`,
    explanation: `Hij blijft om foto's vragen ${randomUUID()}`,
  };
  const now = Date.now();
  const created = createReportBundle({
    category: "sexual-content-to-minor",
    explanation: canaries.explanation,
    subject: {
      kind: "message",
      roomId,
      reported: {
        eventId: reportedEventId,
        sender: sender.userId,
        timestamp: now - 1_000,
        kind: "text",
        body: canaries.reported,
      },
      preceding: [
        {
          eventId: contextEventId,
          sender: sender.userId,
          timestamp: now - 60_000,
          kind: "text",
          body: canaries.context,
        },
      ],
      contextConsent: true,
    },
    reporter: { userId: reporter.userId, includeIdentity: true },
    goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
  });
  if (!created.ok) throw new Error(created.problems.join("; "));
  const moderationPublicKey = await moderationPublicKeyFromText(moderationKey.publicKey);
  if (moderationPublicKey === undefined) throw new Error("the test deployment has no team key");
  const prepared = await prepareReport(created.bundle, {
    moderationPublicKey,
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
  return {
    reportId: created.bundle.reportId,
    roomId,
    reportedEventId,
    reporter,
    sender,
    canaries,
  };
}

test("the moderator opens a sealed report on their own device and marks it handled", async ({
  browser,
}) => {
  const { moderationKey } = await prepareLocalDeployment(E2E_INSTANCE);
  const filed = await fileSealedReport(moderationKey);
  const shortId = filed.reportId.slice(0, 8);

  // What the server admin sees: the report record, its reason sealed.
  const admin = await rawLogin(homeserver, "moderation", DEMO_PASSWORD);
  const listed = (await matrix(
    admin,
    "GET",
    `/_synapse/admin/v1/event_reports?room_id=${encodeURIComponent(filed.roomId)}`,
  )) as { event_reports: { id: number; reason: string; user_id: string }[] };
  expect(listed.event_reports).toHaveLength(1);
  const [record] = listed.event_reports;
  expect(record?.reason).toMatch(new RegExp(`^sbd-report/1 ${filed.reportId} 1/1 `));
  expect(record?.user_id).toBe(filed.reporter.userId);
  const detail = JSON.stringify(
    await matrix(admin, "GET", `/_synapse/admin/v1/event_reports/${record?.id}`),
  );
  for (const serverText of [JSON.stringify(listed), detail]) {
    for (const canary of Object.values(filed.canaries)) {
      expect(serverText).not.toContain(canary);
      expect(serverText).not.toContain(canary.split(" ").at(-1));
    }
    expect(serverText).not.toContain("sexual-content-to-minor");
  }

  // The moderator, on their own phone.
  const moderator = await personaOnPhone(browser, "moderation");
  await moderator.getByRole("button", { name: "Moderatie: meldingen" }).click();
  await expect(moderator.getByRole("heading", { name: "Moderatie", exact: true })).toBeVisible();
  const keyField = moderator.getByLabel("Sleutelbestand of geheime sleutel");

  // A wrong key is explained, not accepted.
  await keyField.fill(moderationKey.publicKey.slice(3));
  await moderator.getByRole("button", { name: "Sleutel importeren" }).click();
  await expect(moderator.getByRole("alert")).toContainText(
    "Dit is geen sleutel van het moderatieteam",
  );
  await expectNoAxeViolations(moderator);

  await keyField.fill(JSON.stringify(moderationKey, null, 2));
  await moderator.getByRole("button", { name: "Sleutel importeren" }).click();
  await expect(moderator.getByRole("heading", { name: "Open meldingen" })).toBeVisible();
  const row = moderator.getByRole("button", { name: new RegExp(`melding ${shortId}`) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Seksuele inhoud naar een minderjarige");
  await expect(row).toContainText("Handtekening geldig");
  await expectNoAxeViolations(moderator);

  await row.click();
  await expect(moderator.getByRole("heading", { name: `Melding ${shortId}` })).toBeVisible();
  // The evidence, as the reporter's device decrypted it.
  await expect(moderator.getByText(filed.canaries.reported)).toBeVisible();
  await expect(moderator.getByText(filed.canaries.context)).toBeVisible();
  await expect(moderator.getByText("Seksuele inhoud naar een minderjarige")).toBeVisible();
  await saveDocScreenshot(moderator, "moderation");

  // The DSA Article 16 notice.
  await expect(
    moderator.getByRole("heading", { name: "Melding volgens DSA artikel 16" }),
  ).toBeVisible();
  await expect(moderator.getByText(filed.canaries.explanation)).toBeVisible();
  await expect(moderator.getByText("(b) Exacte locatie")).toBeVisible();
  // The location in words; the event and room IDs are wire format (they go in a handoff package).
  await expect(moderator.getByText("2 berichten in één gesprek")).toBeVisible();
  await expect(moderator.getByText(filed.reportedEventId)).toHaveCount(0);
  await expect(moderator.getByText("(c) Melder")).toBeVisible();
  await expect(moderator.getByText("(d) Verklaring te goeder trouw")).toBeVisible();
  await expect(moderator.locator(".facts dd").filter({ hasText: "Bevestigd" })).toBeVisible();
  // The signature, and the server's own record that binds it to the account.
  await expect(moderator.getByText(/Handtekening geldig\. Ondertekend door/)).toBeVisible();
  await expect(moderator.getByText("Dit is de melder die de melding noemt.")).toBeVisible();
  await expect(moderator.getByText("Komt overeen met het bewijs.")).toBeVisible();

  // Routing for the Netherlands, as the policy engine decided it.
  const routing = moderator.getByRole("region", { name: "Doorverwijzing (Nederland)" });
  await expect(routing).toBeVisible();
  const chatAdvice = routing.locator(".advice").first();
  const websiteAdvice = routing.locator(".advice").nth(1);
  await expect(chatAdvice.getByRole("heading", { name: "Politie" })).toBeVisible();
  await expect(chatAdvice.getByRole("heading", { name: /Meldpunt Kinderporno/ })).toHaveCount(0);
  await expect(websiteAdvice.getByRole("heading", { name: /Meldpunt Kinderporno/ })).toBeVisible();
  await expectNoAxeViolations(moderator);

  // Handled: noted on this device; the sealed report stays on the server.
  await moderator.getByRole("button", { name: "Markeren als afgehandeld" }).click();
  await expect(moderator.getByText(/^Afgehandeld op/)).toBeVisible();
  await moderator.getByRole("button", { name: "Terug naar meldingen" }).click();
  await expect(moderator.getByRole("heading", { name: "Afgehandeld", exact: true })).toBeVisible();
  const handledList = moderator.locator("h2:text-is('Afgehandeld') + ul");
  await expect(
    handledList.getByRole("button", { name: new RegExp(`melding ${shortId}`) }),
  ).toBeVisible();
  const openList = moderator.locator("h2:text-is('Open meldingen') + ul");
  await expect(
    openList.getByRole("button", { name: new RegExp(`melding ${shortId}`) }),
  ).toHaveCount(0);

  await rawLogout(admin);
  await rawLogout(filed.reporter);
  await rawLogout(filed.sender);
});

test("an account that is not a server admin never sees the moderation screen", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const noor = await context.newPage();
  // Not one of the deployment's moderation accounts: her app never asks the admin API.
  const adminRequests: string[] = [];
  noor.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/_synapse/admin/")) {
      adminRequests.push(request.url());
    }
  });
  await signIn(noor, "noor");
  await expect(noor.getByRole("button", { name: "Moderatie: meldingen" })).toHaveCount(0);
  expect(adminRequests).toEqual([]);
  // And if her app asked anyway (a modified client), the server would refuse.
  const session = await rawLogin(homeserver, "noor", DEMO_PASSWORD);
  try {
    const status = await fetch(
      `${homeserver.url}/_synapse/admin/v1/users/${encodeURIComponent(session.userId)}/admin`,
      { headers: { authorization: `Bearer ${session.accessToken}` } },
    ).then((response) => response.status);
    expect(status).toBe(403);
  } finally {
    await rawLogout(session);
  }
});
