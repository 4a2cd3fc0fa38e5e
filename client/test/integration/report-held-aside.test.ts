// Evidence a child never saw (issue 18, acceptance 6). Alex, an adult with no
// verified age, opens an encrypted chat with Sam (11, verified 8-12) and
// writes into it. Sam's own device holds the request aside: he sees that
// someone he does not know wants to chat, never what they wrote. Sam taps
// "Melden": his device declines, reads the request's messages from the real
// homeserver and decrypts them (the keys came with the invitation), blocks
// Alex, and the report sheet seals them into the report. What the moderators
// open contains Alex's words; no snapshot of any screen Sam had open did.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import {
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  readReportReasons,
  type IssuerKeyPair,
} from "@safety-by-design/protocol";
import type { ChatSession } from "@safety-by-design/client/actors";
import {
  createFetchReportTransport,
  createMemoryReportStore,
  createReportFiler,
  ReportOutbox,
  ReportSheetViewModel,
  RequestViewModel,
  type DeviceProtection,
} from "@safety-by-design/client/headless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateIssuer } from "../../../tools/lib/ageIssuer.ts";
import {
  registerAgeBand,
  startAgeIssuerService,
  type AgeIssuerService,
} from "../../../tools/lib/ageIssuerService.ts";
import { protectDevice } from "./protectedDevices.ts";
import {
  freshAccount,
  signInNewDevice,
  startNewDevice,
  testHomeserver,
  until,
  type TestAccount,
} from "./support.ts";

let issuerDir: string;
let issuer: IssuerKeyPair;
let provider: AgeIssuerService;
let sam: ChatSession;
let alex: ChatSession;
let protection: DeviceProtection;
let samAccount: TestAccount;

beforeAll(async () => {
  issuerDir = await mkdtemp(join(tmpdir(), "sbd-age-issuer-"));
  issuer = await loadOrCreateIssuer(issuerDir);
  provider = await startAgeIssuerService({
    issuer,
    issuerDir,
    homeserver: testHomeserver,
    port: 0,
  });
  samAccount = await freshAccount("sam");
  await registerAgeBand(issuerDir, `@${samAccount.username}:${testHomeserver.serverName}`, "8-12");
  sam = await startNewDevice(samAccount);
  protection = await protectDevice(sam, {
    engine: createPolicyEngine(loadBundledPack("nl-default")),
    issuer,
    ageIssuerUrl: provider.url,
    failed: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
  alex = await startNewDevice(await freshAccount("alex"));
}, 120_000);

afterAll(async () => {
  protection.stop();
  sam.stop();
  alex.stop();
  await provider.close();
  await rm(issuerDir, { recursive: true, force: true });
});

describe("reporting a request Sam never saw", () => {
  it("seals its decrypted messages into the report, and no screen ever held their text", async () => {
    const first = `Hoi Sam, zullen we samen gamen? ${randomUUID()}`;
    const second = `Stuur eens een foto van jezelf ${randomUUID()}`;
    const roomId = await alex.createEncryptedDirectChat(sam.userId);
    await alex.sendText(roomId, first);
    await alex.sendText(roomId, second);

    // Sam's device holds it aside: a request, nothing Alex wrote on screen.
    const held = await until(
      () => protection.rooms.room(roomId),
      "the request in Sam's decision store",
    );
    expect(held.decision.effect).toBe("filtered");

    const snapshots: string[] = [];
    const reported: unknown[] = [];
    const request = new RequestViewModel(sam, protection.rooms, roomId, {
      back: () => undefined,
      openConversation: () => undefined,
      report: (subject) => reported.push(subject),
    });
    snapshots.push(JSON.stringify(request.getSnapshot()));
    request.subscribe(() => snapshots.push(JSON.stringify(request.getSnapshot())));
    const view = request.getSnapshot();
    expect(view.found && view.choices).toContain("report");

    await request.blockAndReport();
    const subject = reported[0] as Parameters<
      ConstructorParameters<typeof RequestViewModel>[3]["report"] & object
    >[0];
    expect(subject.kind).toBe("request");
    // Decrypted on Sam's device: the keys came with the invitation.
    const bodies = subject.kind === "request" ? (subject.unseen ?? []).map((m) => m.body) : [];
    expect(bodies).toEqual([first, second]);
    expect(sam.blockedUsers).toContain(alex.userId);

    // The sheet: files through the real outbox to the real homeserver, capturing what it sends.
    const team = await generateModerationKeyPair();
    const reasons: string[] = [];
    // Sam's account reports (the same account; this test's transport signs in for it).
    const credentials = await signInNewDevice(samAccount);
    const real = createFetchReportTransport({
      homeserverUrl: testHomeserver.url,
      accessToken: credentials.accessToken,
    });
    const outbox = await ReportOutbox.start({
      store: createMemoryReportStore(),
      transport: {
        ...real,
        reportUser: (userId, reason) => {
          reasons.push(reason);
          return real.reportUser(userId, reason);
        },
      },
    });
    const sheet = new ReportSheetViewModel(subject, {
      reporting: createReportFiler({
        userId: sam.userId,
        moderationPublicKey: team.publicKey,
        signingKey: await generateReporterSigningKeyPair(),
        outbox,
        intake: false,
      }),
      decide: protection.gateway.report,
      source: {
        userId: sam.userId,
        conversation: (id) => sam.conversation(id),
        person: () => ({ label: "Iemand die je niet kent", shown: false }),
      },
      explanation: (category) => `Gemeld in de app: ${category}.`,
      actions: {
        block: () => Promise.resolve(),
        leave: () => Promise.resolve(),
        help: () => undefined,
        close: () => undefined,
      },
      alreadyBlocked: true,
      readerBand: protection.gateway.readerBand,
    });
    snapshots.push(JSON.stringify(sheet.getSnapshot()));
    sheet.subscribe(() => snapshots.push(JSON.stringify(sheet.getSnapshot())));
    // Sam's sheet is the simple one: it says two messages go, and shows none.
    expect(sheet.getSnapshot()).toMatchObject({ sheet: "simple", unseenCount: 2 });

    await sheet.file();
    await until(
      () => (sheet.getSnapshot().status === "delivered" ? true : undefined),
      "the report delivered to the homeserver",
    );
    outbox.stop();

    const inbox = await readReportReasons(reasons, team);
    const opened = inbox.reports[0]?.opened;
    if (opened === undefined || !opened.ok) throw new Error("the report did not open");
    expect(opened.bundle.category).toBe("other");
    expect(opened.bundle.evidence).toMatchObject({
      kind: "profile",
      userId: alex.userId,
      unseen: {
        roomId,
        messages: [
          { sender: alex.userId, kind: "text", body: first },
          { sender: alex.userId, kind: "text", body: second },
        ],
      },
    });

    expect(snapshots.length).toBeGreaterThan(3);
    for (const snapshot of snapshots) {
      expect(snapshot).not.toContain(first);
      expect(snapshot).not.toContain(second);
    }
    request.dispose();
    sheet.dispose();
  }, 120_000);
});
