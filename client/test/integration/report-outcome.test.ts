// Proof that the outcome comes back (issue 18, acceptance 3) without undoing
// anonymity (acceptance 1), on the real Synapse and the real report intake.
// Noor files a report that withholds her name; it carries a reply channel
// made for it (a random mailbox, a fresh key). The moderator opens it (no
// trace of Noor), decides "forwarded to the police" on the real moderation
// screen's view model; the outcome is sealed to the reply key and left at
// the intake, and shared with the team in the moderation room. Noor's device
// fetches it without any account, opens it, stores it and lets the intake
// delete it. The intake's storage holds only ciphertext; only a moderator may
// leave an outcome; bad input is refused with a clear error.

import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  keyToText,
} from "@safety-by-design/protocol";
import {
  createFetchOutcomeMailbox,
  createFetchOutcomeSender,
  createFetchReportTransport,
  createMemoryReplyStore,
  createMemoryReportStore,
  createModerationAdminApi,
  createModerationRoomApi,
  createModerationService,
  createModeratorDeviceStore,
  createReportFiler,
  createReportOutcomes,
  ModerationViewModel,
  ReportOutbox,
} from "@safety-by-design/client/headless";
import {
  rawCall,
  rawInviteToDirectRoom,
  rawJoin,
  rawLogin,
  rawSendEvent,
  type RawSession,
} from "../../../tools/lib/rawMatrix.ts";
import {
  moderationRoomAlias,
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

async function openIdToken(session: RawSession): Promise<string> {
  const answer = (await rawCall(
    session,
    "POST",
    `/user/${encodeURIComponent(session.userId)}/openid/request_token`,
    {},
  )) as { access_token: string };
  return answer.access_token;
}

describe("the outcome back to the reporter", () => {
  let intake: ReportIntake;
  let storageDir: string;
  let moderatorAccount: { readonly username: string; readonly password: string };

  beforeAll(async () => {
    moderatorAccount = await freshAccount("moderation", { admin: true });
    storageDir = await mkdtemp(join(tmpdir(), "sbd-outcomes-"));
    intake = await startReportIntake({
      homeserver,
      password: "intake-password-for-the-integration-tests",
      moderators: [`@${moderatorAccount.username}:${homeserver.serverName}`],
      port: 0,
      outcomeStorageDir: storageDir,
    });
  });

  afterAll(async () => {
    await intake.close();
  });

  it("reaches a reporter who withheld her name, end-to-end encrypted, and names her nowhere", async () => {
    const team = await generateModerationKeyPair();
    const alexAccount = await freshAccount("alex");
    const noorAccount = await freshAccount("noor");
    const alex = await rawLogin(homeserver, alexAccount.username, alexAccount.password);
    const noor = await rawLogin(homeserver, noorAccount.username, noorAccount.password);
    const roomId = await rawInviteToDirectRoom(alex, noor.userId);
    await rawJoin(noor, roomId);
    const reportedEventId = await rawSendEvent(alex, roomId, "m.room.message", {
      msgtype: "m.text",
      body: "stuur een foto",
    });

    // Noor's device: the real filer, outbox and transport, with reply channels.
    const outbox = await ReportOutbox.start({
      store: createMemoryReportStore(),
      transport: createFetchReportTransport({
        homeserverUrl: homeserver.url,
        accessToken: noor.accessToken,
        userId: noor.userId,
        intakeUrl: intake.url,
      }),
    });
    const noorOutcomes = createReportOutcomes({
      store: createMemoryReplyStore(),
      mailbox: createFetchOutcomeMailbox({ intakeUrl: intake.url }),
    });
    const filer = createReportFiler({
      userId: noor.userId,
      moderationPublicKey: team.publicKey,
      signingKey: await generateReporterSigningKeyPair(),
      outbox,
      intake: true,
      replies: noorOutcomes,
    });
    const filed = await filer.file({
      category: "asking-for-images",
      note: "",
      explanation: "Vraagt om foto's",
      subject: {
        kind: "message",
        roomId,
        reported: {
          eventId: reportedEventId,
          sender: alex.userId,
          timestamp: Date.now(),
          kind: "text",
          body: "stuur een foto",
        },
        preceding: [],
        contextConsent: false,
      },
      includeIdentity: false,
      goodFaith: { confirmed: true, statementKey: "report.goodFaith" },
    });
    if (!filed.ok) throw new Error(filed.problems.join("; "));
    const reportId = filed.status.reportId;
    await outbox.whenIdle();
    expect(noorOutcomes.getSnapshot().withReply.has(reportId)).toBe(true);

    // The moderator: opens it (the reply channel names no one), decides on the real screen.
    const moderator = await rawLogin(
      homeserver,
      moderatorAccount.username,
      moderatorAccount.password,
    );
    const alias = moderationRoomAlias(homeserver.serverName);
    await rawCall(moderator, "POST", `/join/${encodeURIComponent(alias)}`, {});
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
      store: createModeratorDeviceStore(memoryStorage(), moderator.userId),
      deploymentPublicKey: await keyToText(team.publicKey),
    });
    await service.importKey(await keyToText(team.secretKey));
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
        outcomes: createFetchOutcomeSender({
          homeserverUrl: homeserver.url,
          accessToken: moderator.accessToken,
          userId: moderator.userId,
          intakeUrl: intake.url,
        }),
      },
      { back: () => undefined },
    );
    await screen.start();
    screen.openReport(reportId);
    expect(screen.getSnapshot().selected?.outcome).toMatchObject({
      canReachReporter: true,
      bodies: ["politie", "meldpunt-kinderporno"],
    });
    expect(JSON.stringify(screen.getSnapshot())).not.toContain(noor.userId);
    // A choice waits for the moderator's confirmation; only then does it go.
    screen.chooseOutcome({ decision: "forwarded", forwardedTo: "politie" });
    expect(screen.getSnapshot().selected?.outcome.confirming?.choice).toEqual({
      decision: "forwarded",
      forwardedTo: "politie",
    });
    await screen.confirmOutcome();
    expect(screen.getSnapshot().selected?.outcome.chosen).toEqual({
      decision: "forwarded",
      forwardedTo: "politie",
      reason: null,
      sentToReporter: true,
    });
    screen.dispose();

    // The intake holds a ciphertext and nothing else.
    const files = await readdir(storageDir);
    expect(files).toHaveLength(1);
    const stored = await readFile(join(storageDir, files[0] ?? ""), "utf8");
    for (const secret of ["politie", "forwarded", reportId, noor.userId, "decision"]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toMatch(/^[A-Za-z0-9_-]+$/);

    // Noor's device: fetched without any account, stored, then deleted at the intake.
    await noorOutcomes.check();
    expect(noorOutcomes.getSnapshot().byReport.get(reportId)).toMatchObject({
      outcome: { decision: "forwarded", forwardedTo: "politie", reason: null },
      seen: false,
    });
    expect(await readdir(storageDir)).toEqual([]);

    // The team sees the outcome, and that it reached the reporter, from the moderation room.
    const again = await service.loadInbox();
    expect(again.ok).toBe(true);
    expect(service.outcomeOf(reportId)).toEqual({
      decision: "forwarded",
      forwardedTo: "politie",
      reason: null,
      sentToReporter: true,
    });
  });

  it("takes outcomes from moderators only, and refuses bad input with a clear error", async () => {
    const someoneAccount = await freshAccount("someone");
    const someone = await rawLogin(homeserver, someoneAccount.username, someoneAccount.password);
    const moderator = await rawLogin(
      homeserver,
      moderatorAccount.username,
      moderatorAccount.password,
    );
    const mailbox = "0f".repeat(16);
    const sealed = "A".repeat(120);
    const put = async (path: string, body: unknown) => {
      const response = await fetch(`${intake.url}${path}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { errcode?: string } };
    };
    const as = async (session: RawSession) => ({
      matrix_server_name: homeserver.serverName,
      openid_token: await openIdToken(session),
    });

    expect(await put(`/v1/outcomes/${mailbox}`, { ...(await as(someone)), sealed })).toEqual({
      status: 403,
      body: expect.objectContaining({ errcode: "NOT_A_MODERATOR" }) as unknown,
    });
    expect(
      (
        await put(`/v1/outcomes/${mailbox}`, {
          matrix_server_name: homeserver.serverName,
          openid_token: "not-a-token",
          sealed,
        })
      ).status,
    ).toBe(401);
    expect(
      (await put("/v1/outcomes/NOT-A-MAILBOX", { ...(await as(moderator)), sealed })).body,
    ).toMatchObject({ errcode: "BAD_REQUEST" });
    expect(
      (await put(`/v1/outcomes/${mailbox}`, { ...(await as(moderator)), sealed: "x".repeat(3000) }))
        .status,
    ).toBe(400);
    expect(
      (await put(`/v1/outcomes/${mailbox}`, { ...(await as(moderator)), sealed: "not base64!" }))
        .status,
    ).toBe(400);
    // Nothing was stored by any of these; a moderator's well-formed outcome is.
    expect((await fetch(`${intake.url}/v1/outcomes/${mailbox}`)).status).toBe(404);
    expect(
      (await put(`/v1/outcomes/${mailbox}`, { ...(await as(moderator)), sealed })).status,
    ).toBe(200);
    // Fetching needs no account: the mailbox ID is the capability.
    const fetched = await fetch(`${intake.url}/v1/outcomes/${mailbox}`);
    expect(await fetched.json()).toEqual({ sealed });
    expect((await fetch(`${intake.url}/v1/outcomes/${mailbox}`, { method: "DELETE" })).status).toBe(
      200,
    );
    expect((await fetch(`${intake.url}/v1/outcomes/${mailbox}`)).status).toBe(404);
  });
});
