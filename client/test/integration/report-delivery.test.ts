// Proof that stays in the suite: a report on an end-to-end encrypted message
// reaches the moderators through Matrix's own report API, readable by them
// and by no one else. Two fresh users talk in an encrypted chat through the
// client's Matrix layer; the recipient reports a message through the outbox
// (IndexedDB store, fetch transport); an admin lists the homeserver's event
// reports and finds exactly one for that message, whose reason opens with the
// moderation team's secret key to exactly the bundle that was sent. The
// message's plaintext appears nowhere in what the admin API returns.

import { IDBFactory } from "fake-indexeddb";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ChatSession,
  type SessionCredentials,
  type TimelineMessage,
} from "@safety-by-design/client/actors";
import {
  createReportBundle,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  keyToText,
  prepareReport,
  readReportReasons,
  sha256Hex,
  type ModerationKeyPair,
  type ReportBundle,
  type ReporterSigningKeyPair,
} from "@safety-by-design/protocol";
import {
  createFetchReportTransport,
  createIndexedDbReportStore,
  reportOutboxDatabaseName,
  ReportOutbox,
} from "@safety-by-design/client/headless";
import { freshAccount, signInNewDevice, testHomeserver, until } from "./support.ts";

const homeserver = testHomeserver;

async function freshUser(label: string, admin = false): Promise<SessionCredentials> {
  return signInNewDevice(await freshAccount(label, { admin }));
}

type EventReport = {
  id: number;
  event_id: string;
  room_id: string;
  user_id: string;
  sender: string;
  reason: unknown;
};

describe("reporting an encrypted message through the homeserver", () => {
  let alex: ChatSession;
  let noor: ChatSession;
  let noorCredentials: SessionCredentials;
  let moderator: SessionCredentials;
  let team: ModerationKeyPair;
  let noorKey: ReporterSigningKeyPair;

  beforeAll(async () => {
    alex = await ChatSession.start(await freshUser("alex"), { storage: "memory" });
    noorCredentials = await freshUser("noor");
    noor = await ChatSession.start(noorCredentials, { storage: "memory" });
    moderator = await freshUser("moderation", true);
    team = await generateModerationKeyPair();
    noorKey = await generateReporterSigningKeyPair();
  });

  afterAll(() => {
    alex.stop();
    noor.stop();
  });

  it("delivers one sealed report that only the moderation key opens, with no plaintext on the server", async () => {
    // Alex writes to Noor in an encrypted chat.
    const roomId = await alex.createEncryptedDirectChat(noor.userId);
    await until(
      () => noor.chats.find((c) => c.roomId === roomId && c.membership === "invite"),
      "noor's invite",
    );
    await noor.join(roomId);
    await until(() => alex.chats.find((c) => c.roomId === roomId), "alex's room");
    const contextCanary = `context-canary-${randomUUID()}`;
    const reportedCanary = `reported-canary-${randomUUID()}`;
    await alex.sendText(roomId, contextCanary);
    const reportedEventId = await alex.sendText(roomId, reportedCanary);

    // Noor's device has decrypted both; she reports the second with the first as context.
    const decrypted = (body: string) => (m: TimelineMessage) =>
      m.kind === "text" && m.body === body;
    const received = await until(
      () => noor.messages(roomId).find(decrypted(reportedCanary)),
      "the decrypted message on noor's side",
    );
    expect(received.eventId).toBe(reportedEventId);
    // Evidence knows readable and unreadable messages; a plaintext injection counts as unreadable.
    const timeline = noor.messages(roomId).map((message) => ({
      ...message,
      kind: message.kind === "text" ? ("text" as const) : ("undecryptable" as const),
      body: message.kind === "text" ? message.body : "",
    }));
    const reported = timeline.find((message) => message.eventId === reportedEventId);
    if (reported === undefined) throw new Error("the reported message is not in the timeline");
    const created = createReportBundle({
      category: "asking-for-images",
      explanation: "He keeps asking me for photos.",
      subject: {
        kind: "message",
        roomId,
        reported,
        preceding: timeline.slice(0, timeline.indexOf(reported)),
        contextConsent: true,
      },
      reporter: { userId: noor.userId, includeIdentity: true },
      goodFaith: { confirmed: true, statementKey: "report.goodFaith.statement" },
    });
    if (!created.ok) throw new Error(created.problems.join("; "));
    const bundle: ReportBundle = created.bundle;
    // Bundle version 2: the category is the policy engine's own id, routed as it is.
    expect(bundle).toMatchObject({ version: 4, category: "asking-for-images" });
    expect(
      bundle.evidence.kind === "messages" && bundle.evidence.context.map((m) => m.body),
    ).toEqual([contextCanary]);

    const prepared = await prepareReport(bundle, {
      moderationPublicKey: team.publicKey,
      signingKey: noorKey,
    });
    if (!prepared.ok) throw new Error(prepared.problems.join("; "));
    expect(prepared.report.parts).toHaveLength(1);

    // Through the outbox, as the report sheet will do it.
    const store = createIndexedDbReportStore({
      indexedDB: new IDBFactory(),
      databaseName: reportOutboxDatabaseName(noor.userId),
    });
    const outbox = await ReportOutbox.start({
      store,
      transport: createFetchReportTransport({
        homeserverUrl: noorCredentials.homeserverUrl,
        accessToken: noorCredentials.accessToken,
      }),
    });
    expect((await outbox.enqueue(prepared.report)).state).toBe("queued");
    await outbox.whenIdle();
    expect(outbox.getSnapshot().reports).toEqual([
      expect.objectContaining({ reportId: bundle.reportId, state: "delivered", attempts: 1 }),
    ]);
    outbox.stop();
    store.close();

    // The moderator lists the homeserver's event reports with an admin account.
    const admin = { authorization: `Bearer ${moderator.accessToken}` };
    const listResponse = await fetch(
      `${homeserver.url}/_synapse/admin/v1/event_reports?limit=100&room_id=${encodeURIComponent(roomId)}`,
      { headers: admin },
    );
    expect(listResponse.status).toBe(200);
    const listText = await listResponse.text();
    const { event_reports: reports } = JSON.parse(listText) as { event_reports: EventReport[] };
    const forEvent = reports.filter((r) => r.event_id === reportedEventId);
    expect(forEvent).toHaveLength(1);
    const [report] = forEvent;
    if (report === undefined) throw new Error("no report");
    // The server authenticated who filed it: it matches the identity inside the box.
    expect(report.user_id).toBe(noor.userId);
    // And who sent the reported event: the sender the bundle names.
    expect(report.sender).toBe(alex.userId);

    const inbox = await readReportReasons([report.reason], team);
    expect(inbox.reports).toEqual([
      {
        reportId: bundle.reportId,
        opened: {
          ok: true,
          bundle,
          signature: "valid",
          signerPublicKey: await keyToText(noorKey.publicKey),
          // The digest of exactly the bytes Noor's device sealed: the chain of custody's anchor.
          bundleSha256: await sha256Hex(new TextEncoder().encode(JSON.stringify(bundle))),
        },
      },
    ]);

    // Another key does not open it.
    const otherTeam = await generateModerationKeyPair();
    const notOurs = await readReportReasons([report.reason], otherTeam);
    expect(notOurs.reports[0]?.opened.ok).toBe(false);

    // Neither the list nor the report's details (which include the reported
    // event as the server holds it) contain any plaintext.
    const detailText = await (
      await fetch(`${homeserver.url}/_synapse/admin/v1/event_reports/${report.id}`, {
        headers: admin,
      })
    ).text();
    expect(detailText).toContain("m.room.encrypted");
    for (const text of [listText, detailText]) {
      expect(text).not.toContain(reportedCanary);
      expect(text).not.toContain(contextCanary);
      expect(text).not.toContain("He keeps asking me for photos");
    }
  });
});
