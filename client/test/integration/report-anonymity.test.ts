// Proof that anonymity holds: a report that withholds the reporter (DSA Art.
// 16(2)(c)) reaches the moderators with nothing that can name the reporter.
// The reporter's device files it through the real outbox and fetch
// transport; it goes to the report intake (tools/lib/reportIntakeService.ts),
// never to Matrix's report API; the intake posts it into the moderation room
// as itself. The moderator's own service and the moderation screen's view
// model then load everything they can reach (the admin API's reports and the
// moderation room) and open it: the report is there, complete, and the
// reporter's Matrix ID appears nowhere in any of it. A named report, filed
// beside it, still shows who filed it: the check is not blind.

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  keyToText,
} from "@safety-by-design/protocol";
import {
  createFetchReportTransport,
  createMemoryReportStore,
  createModerationAdminApi,
  createModerationRoomApi,
  createModerationService,
  createModeratorDeviceStore,
  createReportFiler,
  ModerationViewModel,
  ReportOutbox,
} from "@safety-by-design/client/headless";
import {
  rawCall,
  rawInviteToDirectRoom,
  rawJoin,
  rawLogin,
  rawSendEvent,
} from "../../../tools/lib/rawMatrix.ts";
import {
  moderationRoomAlias,
  reportIntakeUserId,
  startReportIntake,
  type ReportIntake,
} from "../../../tools/lib/reportIntakeService.ts";
import { freshAccount, testHomeserver } from "./support.ts";

const homeserver = testHomeserver;

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("a report that withholds the reporter", () => {
  let intake: ReportIntake;
  let moderatorAccount: { readonly username: string; readonly password: string };
  let secondModerator: { readonly username: string; readonly password: string };
  let team: Awaited<ReturnType<typeof generateModerationKeyPair>>;
  let withheldReportId: string;

  beforeAll(async () => {
    const moderator = await freshAccount("moderation", { admin: true });
    moderatorAccount = moderator;
    secondModerator = await freshAccount("moderation", { admin: true });
    intake = await startReportIntake({
      homeserver,
      password: "intake-password-for-the-integration-tests",
      moderators: [moderator, secondModerator].map(
        (m) => `@${m.username}:${homeserver.serverName}`,
      ),
      port: 0,
    });
    team = await generateModerationKeyPair();
  });

  afterAll(async () => {
    await intake.close();
  });

  it("reaches the moderators through the intake, and nothing they can load names the reporter", async () => {
    const alexAccount = await freshAccount("alex");
    const noorAccount = await freshAccount("noor");
    const alex = await rawLogin(homeserver, alexAccount.username, alexAccount.password);
    const noor = await rawLogin(homeserver, noorAccount.username, noorAccount.password);
    const roomId = await rawInviteToDirectRoom(alex, noor.userId);
    await rawJoin(noor, roomId);
    const canary = `canary ${randomUUID()}`;
    const send = (body: string) =>
      rawSendEvent(alex, roomId, "m.room.message", { msgtype: "m.text", body });
    const reportedEventId = await send(canary);

    // Noor's device: the real filer, outbox and fetch transport.
    const outbox = await ReportOutbox.start({
      store: createMemoryReportStore(),
      transport: createFetchReportTransport({
        homeserverUrl: homeserver.url,
        accessToken: noor.accessToken,
        userId: noor.userId,
        intakeUrl: intake.url,
      }),
    });
    const filer = createReportFiler({
      userId: noor.userId,
      moderationPublicKey: team.publicKey,
      signingKey: await generateReporterSigningKeyPair(),
      outbox,
      intake: true,
    });
    const message = (eventId: string, sender: string, body: string) => ({
      eventId,
      sender,
      timestamp: Date.now(),
      kind: "text" as const,
      body,
    });
    const subject = (reported: string) => ({
      kind: "message" as const,
      roomId,
      reported: message(reported, alex.userId, canary),
      // Noor's own earlier answer is context: it must not name her either.
      preceding: [message(`$noor-${randomUUID()}`, noor.userId, "nee")],
      contextConsent: true,
    });
    const withheld = await filer.file({
      category: "child-sexual-abuse-material",
      note: "",
      explanation: "Beelden van misbruik",
      subject: subject(reportedEventId),
      includeIdentity: false,
      goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
    });
    const named = await filer.file({
      category: "harassment",
      note: "",
      explanation: "Blijft maar sturen",
      subject: subject(await send("nog een")),
      includeIdentity: true,
      goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
    });
    if (!withheld.ok || !named.ok) throw new Error("filing failed");
    withheldReportId = withheld.status.reportId;
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports.map((r) => r.state)).toEqual(["delivered", "delivered"]);

    // The homeserver's report records: the named report only.
    const moderator = await rawLogin(
      homeserver,
      moderatorAccount.username,
      moderatorAccount.password,
    );
    const reports = JSON.stringify(
      await adminGet(moderator.accessToken, "/_synapse/admin/v1/event_reports?limit=1000"),
    );
    expect(reports).toContain(named.status.reportId);
    expect(reports).not.toContain(withheld.status.reportId);

    // In the moderation room, every part was sent by the intake.
    const alias = moderationRoomAlias(homeserver.serverName);
    await rawCall(moderator, "POST", `/join/${encodeURIComponent(alias)}`, {});
    const messages = (await rawCall(
      moderator,
      "GET",
      `/rooms/${encodeURIComponent(intake.roomId)}/messages?dir=b&limit=100`,
    )) as { chunk: { type: string; sender: string; content: Record<string, unknown> }[] };
    const parts = messages.chunk.filter((e) => e.type === "org.safety-by-design.report_part");
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((e) => e.sender === reportIntakeUserId(homeserver.serverName))).toBe(true);
    expect(JSON.stringify(messages)).not.toContain(noor.userId);
    expect(JSON.stringify(messages)).not.toContain(canary);

    // The moderator's own service and screen: everything they load.
    const storage = memoryStorage();
    const service = createModerationService({
      userId: moderator.userId,
      api: createModerationAdminApi({
        homeserverUrl: homeserver.url,
        accessToken: moderator.accessToken,
      }),
      room: createModerationRoomApi({
        homeserverUrl: homeserver.url,
        accessToken: moderator.accessToken,
        room: alias,
        intakeUserId: intake.userId,
      }),
      store: createModeratorDeviceStore(storage, moderator.userId),
      deploymentPublicKey: await keyToText(team.publicKey),
    });
    await service.importKey(
      JSON.stringify({
        publicKey: await keyToText(team.publicKey),
        secretKey: await keyToText(team.secretKey),
      }),
    );
    const load = await service.loadInbox();
    if (!load.ok) throw new Error(JSON.stringify(load.problem));
    const anonymous = load.inbox.reports.find((r) => r.reportId === withheld.status.reportId);
    const identified = load.inbox.reports.find((r) => r.reportId === named.status.reportId);
    expect(anonymous).toMatchObject({ channel: "intake", filedBy: [] });
    expect(anonymous?.opened).toMatchObject({
      ok: true,
      signature: "absent",
      signerPublicKey: null,
    });
    expect(JSON.stringify(anonymous?.opened)).toContain(canary);
    expect(JSON.stringify(anonymous)).not.toContain(noor.userId);
    // The named one still shows who filed it.
    expect(identified).toMatchObject({ channel: "report-api", filedBy: [noor.userId] });

    const screen = new ModerationViewModel(
      {
        port: service,
        decideRouting: () => ({
          adviceForChat: ["politie"],
          adviceForPublicWebsite: ["meldpunt-kinderporno"],
          reporterIdentityOptional: true,
          reasons: [],
          failedClosed: false,
          decisionId: "test",
        }),
        clock: () => Date.now(),
        deadlineHours: { "*": 24 },
        handoff: { bodies: [], create: () => Promise.reject(new Error("not here")) },
      },
      { back: () => undefined },
    );
    await screen.start();
    screen.openReport(withheld.status.reportId);
    const snapshot = screen.getSnapshot();
    expect(snapshot.selected).toMatchObject({ channel: "intake", filedBy: [] });
    expect(JSON.stringify(snapshot)).toContain(canary);
    expect(JSON.stringify(snapshot)).not.toContain(noor.userId);
    screen.dispose();
  });

  it("shares handled and reopened through the moderation room, sealed with the team key", async () => {
    const services = await Promise.all(
      [moderatorAccount, secondModerator].map(async (account) => {
        const session = await rawLogin(homeserver, account.username, account.password);
        const service = createModerationService({
          userId: session.userId,
          api: createModerationAdminApi({
            homeserverUrl: homeserver.url,
            accessToken: session.accessToken,
          }),
          room: createModerationRoomApi({
            homeserverUrl: homeserver.url,
            accessToken: session.accessToken,
            room: moderationRoomAlias(homeserver.serverName),
            intakeUserId: intake.userId,
          }),
          store: createModeratorDeviceStore(memoryStorage(), session.userId),
          deploymentPublicKey: await keyToText(team.publicKey),
        });
        await service.importKey(await keyToText(team.secretKey));
        return { session, service };
      }),
    );
    const [first, second] = services;
    if (first === undefined || second === undefined) throw new Error("two moderators");
    expect((await second.service.loadInbox()).ok).toBe(true);
    expect(second.service.handled().has(withheldReportId)).toBe(false);

    // The first moderator marks it handled on their device...
    expect((await first.service.loadInbox()).ok).toBe(true);
    first.service.markHandled(withheldReportId, Date.now());
    // ...and the second sees it at their next load, with who did it.
    await eventually(async () => {
      await second.service.loadInbox();
      return second.service.handled().has(withheldReportId);
    }, "the shared status");
    expect(second.service.handledBy(withheldReportId)).toBe(first.session.userId);

    // Reopened by the second: open again for the first.
    second.service.reopen(withheldReportId);
    await eventually(async () => {
      await first.service.loadInbox();
      return !first.service.handled().has(withheldReportId);
    }, "the reopened status");

    // What the server holds of a status: ciphertext only.
    const statuses = (await rawCall(
      first.session,
      "GET",
      `/rooms/${encodeURIComponent(intake.roomId)}/messages?dir=b&limit=100&filter=${encodeURIComponent(
        JSON.stringify({ types: ["org.safety-by-design.report_status"] }),
      )}`,
    )) as { chunk: unknown[] };
    expect(statuses.chunk.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(statuses)).not.toContain(withheldReportId);
    expect(JSON.stringify(statuses)).not.toContain("handled");
  });
});

/** Asks again until true: a status posted in the background lands a moment later. */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function adminGet(token: string, path: string): Promise<unknown> {
  const response = await fetch(`${homeserver.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${path}: ${String(response.status)}`);
  return response.json();
}
