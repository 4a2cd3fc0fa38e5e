// A tapped report is never lost, and arrives exactly once (issue 7, 6b-d):
// (b) the homeserver is unreachable while Noor reports, she reloads the page,
//     the connection comes back: exactly one report arrives;
// (c) the homeserver is stopped while a report is pending, then started
//     again: exactly one report arrives, and Noor sees it delivered;
// (d) what the homeserver stored (its admin API and every byte of its data
//     folder) contains no plaintext of the evidence.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "../support/test.ts";
import { ensureDirectChat } from "../../tools/lib/conversations.ts";
import { homeserverCommand, resolveHomeserver } from "../../tools/lib/homeserver.ts";
import { DEMO_PASSWORD } from "../../tools/lib/personas.ts";
import { rawLogin, rawLogout } from "../../tools/lib/rawMatrix.ts";
import { personaOnPhone } from "../support/personas.ts";
import { saveDocScreenshot } from "../support/screenshots.ts";
import { E2E_INSTANCE } from "../support/e2eInstance.ts";

const homeserver = resolveHomeserver(E2E_INSTANCE);
const usesLocalHomeserver = homeserver.dataDir !== undefined;

type StoredReport = { id: number; reason: string; room_id: string; received_ts: number };

/** The report parts Synapse stored for `roomId` since `since`, read as the server admin sees them. */
async function storedReports(roomId: string, since: number): Promise<StoredReport[]> {
  const admin = await rawLogin(homeserver, "moderation", DEMO_PASSWORD);
  try {
    const response = await fetch(
      `${homeserver.url}/_synapse/admin/v1/event_reports?limit=100&room_id=${encodeURIComponent(roomId)}`,
      { headers: { authorization: `Bearer ${admin.accessToken}` } },
    );
    const { event_reports: reports } = (await response.json()) as {
      event_reports: StoredReport[];
    };
    return reports.filter((report) => report.received_ts >= since);
  } finally {
    await rawLogout(admin);
  }
}

/** Report ids inside the parts ("sbd-report/1 <id> <i>/<n> ..."), and whether any part came twice. */
function reportIds(reports: readonly StoredReport[]): {
  ids: Set<string>;
  duplicateParts: boolean;
} {
  const parts = reports.map((report) => report.reason.split(" ").slice(1, 3).join(" "));
  return {
    ids: new Set(parts.map((part) => part.split(" ")[0] ?? "")),
    duplicateParts: new Set(parts).size !== parts.length,
  };
}

/** Noor and Alex on their phones in their shared chat; Alex writes, Noor sees it. */
async function alexWritesToNoor(
  browser: Browser,
  text: string,
): Promise<{ noor: Page; roomId: string }> {
  const roomId = await ensureDirectChat(
    homeserver,
    { username: "noor", password: DEMO_PASSWORD },
    { username: "alex", password: DEMO_PASSWORD },
  );
  const noor = await personaOnPhone(browser, "noor");
  const alex = await personaOnPhone(browser, "alex");
  await noor.getByRole("button", { name: /Alex/ }).first().click();
  await alex.getByRole("button", { name: /Noor/ }).first().click();
  await alex.getByRole("textbox", { name: "Bericht" }).fill(text);
  await alex.getByRole("button", { name: "Versturen" }).click();
  await expect(noor.getByText(text)).toBeVisible();
  await alex.context().close();
  return { noor, roomId };
}

/** Opens the sheet on the message and taps Melden; returns the sheet. */
async function reportMessage(noor: Page, text: string) {
  const message = noor.getByRole("listitem").filter({ hasText: text });
  await message.getByRole("button", { name: /^Bericht van .* melden$/ }).click();
  const sheet = noor.getByRole("dialog", { name: "Bericht melden" });
  await expect(sheet.getByText(text)).toBeVisible();
  await sheet.getByRole("button", { name: "Melden", exact: true }).click();
  return sheet;
}

test("(b) reported while the homeserver is unreachable, then a reload: exactly one report arrives", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const canary = `kanarie-${randomUUID()}`;
  const { noor, roomId } = await alexWritesToNoor(browser, `Niet doorvertellen hoor ${canary}`);
  const since = Date.now();

  // The phone loses the homeserver (the app itself stays loadable).
  await noor.route(`${homeserver.url}/**`, (route) => route.abort("internetdisconnected"));
  const sheet = await reportMessage(noor, canary);
  // Stored on the device before the sheet says so.
  await expect(sheet.getByRole("status").filter({ hasText: /In de wachtrij/ })).toBeVisible();
  expect((await new AxeBuilder({ page: noor }).analyze()).violations).toEqual([]);
  await saveDocScreenshot(noor, "report-queued");
  expect(await storedReports(roomId, since)).toEqual([]);

  await noor.reload();
  await noor.unroute(`${homeserver.url}/**`);
  await expect
    .poll(async () => reportIds(await storedReports(roomId, since)).ids.size, { timeout: 60_000 })
    .toBe(1);
  // Given time to send it again by mistake, it still is one report, each part once.
  await noor.waitForTimeout(3000);
  const { ids, duplicateParts } = reportIds(await storedReports(roomId, since));
  expect(ids.size).toBe(1);
  expect(duplicateParts).toBe(false);
});

test("(c) the homeserver stops while a report is pending and starts again: delivered once; (d) no plaintext stored", async ({
  browser,
}) => {
  test.skip(!usesLocalHomeserver, "stopping the homeserver needs the local test instance");
  test.setTimeout(180_000);
  const canary = `kanarie-${randomUUID()}`;
  const { noor, roomId } = await alexWritesToNoor(browser, `Stuur je een foto? ${canary}`);
  const since = Date.now();

  homeserverCommand(E2E_INSTANCE, "stop");
  let sheet;
  try {
    sheet = await reportMessage(noor, canary);
    await expect(sheet.getByRole("status").filter({ hasText: /In de wachtrij/ })).toBeVisible();
  } finally {
    homeserverCommand(E2E_INSTANCE, "start");
  }
  // The outbox retries with backoff and delivers; Noor sees it.
  await expect(sheet.getByRole("status").filter({ hasText: /Verstuurd/ })).toBeVisible({
    timeout: 120_000,
  });
  const reports = await storedReports(roomId, since);
  const { ids, duplicateParts } = reportIds(reports);
  expect(ids.size).toBe(1);
  expect(duplicateParts).toBe(false);

  // (d) The server admin sees sealed data only, and no stored byte holds the evidence.
  for (const report of reports) expect(report.reason).not.toContain(canary);
  const dataDir = homeserver.dataDir ?? "";
  const holding = readdirSync(dataDir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dataDir, name))
    .filter((path) => statSync(path).isFile())
    .filter((path) => readFileSync(path).includes(canary));
  expect(holding).toEqual([]);
});
